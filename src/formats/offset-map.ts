/** Maps the characters of a decoded string (a JSON string value, a CSV field, an HTML snippet) to the file offsets that spell them. */
import { TextBuilder, type TextBlock } from '../model/document.js';

/** Where each character of a decoded string is spelled in the file. */
export interface OffsetMap {
  /** file offset where the spelling of character `index` starts; `index === length` gives the offset just past the string */
  start(index: number): number;
  /** file offset just past the spelling of character `index` */
  end(index: number): number;
}

/** The map of a string that is a verbatim slice of the file starting at `base`. */
export function sliceMap(base: number): OffsetMap {
  return { start: (index) => base + index, end: (index) => base + index + 1 };
}

/** The map of a string whose character i is spelled at file offsets [starts[i], starts[i + 1]). */
export function startsMap(starts: ArrayLike<number>): OffsetMap {
  return {
    start: (index) => starts[Math.min(index, starts.length - 1)]!,
    end: (index) => starts[Math.min(index + 1, starts.length - 1)]!,
  };
}

/**
 * A TextBuilder that takes offsets into a decoded string and records file offsets, so a
 * reader of an HTML body inside a JSON string composes the two maps without knowing of either.
 */
export class MappedBuilder {
  private readonly builder = new TextBuilder();

  constructor(private readonly map: OffsetMap) {}

  get textLength(): number {
    return this.builder.textLength;
  }

  /** `text` is the decoded string's own characters starting at `at`. */
  verbatim(text: string, at: number): void {
    let runStart = 0;
    for (let k = 0; k < text.length; k++) {
      const start = this.map.start(at + k);
      if (this.map.end(at + k) - start === 1) continue;
      // This character is an escape in the file: flush the plain run before it, then map it whole.
      this.flushVerbatim(text, at, runStart, k);
      this.builder.appendDecoded(text[k]!, start, this.map.end(at + k));
      runStart = k + 1;
    }
    this.flushVerbatim(text, at, runStart, text.length);
  }

  /** `text` stands for the decoded string's characters [from, to) (an entity, a CRLF). */
  decoded(text: string, from: number, to: number): void {
    this.builder.appendDecoded(text, this.map.start(from), this.map.end(Math.max(from, to - 1)));
  }

  /** A separator the source does not spell, placed at decoded offset `at`. */
  synthetic(text: string, at: number): void {
    this.builder.appendSynthetic(text, this.map.start(at));
  }

  build(meta: Omit<TextBlock, 'text' | 'runs'>): TextBlock | undefined {
    return this.builder.build(meta);
  }

  private flushVerbatim(text: string, at: number, from: number, to: number): void {
    // Consecutive one-to-one characters may still jump in the file (a CSV field's `""`), so split on gaps.
    let chunk = from;
    for (let k = from + 1; k <= to; k++) {
      if (k === to || this.map.start(at + k) !== this.map.start(at + k - 1) + 1) {
        if (k > chunk) this.builder.appendVerbatim(text.slice(chunk, k), this.map.start(at + chunk));
        chunk = k;
      }
    }
  }
}

/**
 * Copies a block with the text ranges `spans` (sorted, disjoint) each replaced by one
 * synthetic space at the span's source start; undefined when nothing visible is left.
 */
export function replaceSpans(block: TextBlock, spans: Array<{ start: number; end: number }>): TextBlock | undefined {
  if (spans.length === 0) return block;
  const builder = new TextBuilder();
  let cursor = 0;
  for (const span of spans) {
    copyRange(builder, block, cursor, span.start);
    builder.appendSynthetic(' ', spanSource(block, span.start));
    cursor = span.end;
  }
  copyRange(builder, block, cursor, block.text.length);
  const { text: _text, runs: _runs, ...meta } = block;
  return builder.build(meta);
}

function spanSource(block: TextBlock, index: number): number {
  for (const run of block.runs) {
    if (index < run.text + run.length) return run.length === run.sourceLength ? run.source + (index - run.text) : run.source;
  }
  return 0;
}

function copyRange(builder: TextBuilder, block: TextBlock, from: number, to: number): void {
  for (const run of block.runs) {
    const a = Math.max(from, run.text);
    const b = Math.min(to, run.text + run.length);
    if (a >= b) continue;
    const text = block.text.slice(a, b);
    if (run.length === run.sourceLength) builder.appendVerbatim(text, run.source + (a - run.text));
    else if (run.sourceLength === 0) builder.appendSynthetic(text, run.source);
    else builder.appendDecoded(text, run.source, run.source + run.sourceLength);
  }
}
