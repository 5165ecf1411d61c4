/**
 * The one document model every input format is read into, so that no rule knows which
 * format it reads: blocks of the text a reader sees, each with an exact map back to the
 * source file's offsets.
 */

/**
 * How a format's lines are counted for `disable-next-line`: `source` when the lines a writer sees
 * are the source file's (Markdown, HTML, text); `embedded` when a document's text sits inside a
 * container (a macro export, where a whole macro may be one JSON string on one source line).
 */
export type LineModel = 'source' | 'embedded';

/** What a block of visible text is, as far as scope rules (sentence, paragraph, section) care. */
export type BlockKind =
  | 'heading' // a heading; `depth` gives its level (1-6) and it opens a section
  | 'paragraph' // a paragraph of prose (a script line, a macro's body paragraph)
  | 'list-item'
  | 'table-row'
  | 'blockquote'
  | 'field'; // customer-visible metadata: a title, a description, an alt or title attribute, a subject

/** A run of visible text characters that map one-to-one onto source characters, or one decoded escape. */
interface MapRun {
  /** index of the run's first character in the block's text */
  text: number;
  /** source offset of that character */
  source: number;
  /** number of text characters in the run */
  length: number;
  /**
   * Source length the run covers. Equal to `length` for verbatim text; for a decoded escape
   * (`&amp;`, `\u2019`) the run is one text character that covers the whole escape; for a
   * synthetic separator (a space standing for a line break between inline elements) it is 0.
   */
  sourceLength: number;
}

/** One block of visible text with its source map. Built with {@link TextBuilder}. */
export interface TextBlock {
  kind: BlockKind;
  /** heading level for `heading` blocks */
  depth?: number;
  /** the visible text */
  text: string;
  /** source map runs in text order, covering every character of `text` */
  runs: MapRun[];
  /** the speaker of a script line (`Rep`, `Prospect`), when the format knows it */
  speaker?: string;
  /** name of the field for `field` blocks (`title`, `description`, `alt`, `subject`) */
  field?: string;
  /**
   * How many citations the block carries: links, footnote references, `<cite>`/`<sup>` markers.
   * Formats that know their markup count them; `claim/evidence` reads it without knowing the format.
   */
  citations?: number;
  /**
   * The block opens a section whether or not it is a heading: the first block of a slide or a
   * page, which no heading of an earlier slide or page may reach past.
   */
  startsSection?: boolean;
}

/**
 * One document: what a rule checks. A Markdown page is one document; a macro export holds
 * one document per macro, all pointing into the same source file.
 */
export interface Document {
  /** path of the source file, relative to the working folder, with `/` separators */
  path: string;
  /** the format module that read it (`markdown`, `html`, `zendesk`...) */
  format: string;
  /** for a document inside a multi-document file: its title and id (a macro's name and id) */
  title?: string;
  id?: string;
  /** a macro that is switched off in its help desk is still checked, but labelled */
  inactive?: boolean;
  /**
   * Text only agents read (a help desk's internal note): the engine puts it in the
   * {@link INTERNAL_CHANNEL} and checks it only when the spec opts in (`internal: check`).
   */
  internal?: boolean;
  /** a channel the document names itself (front matter `channel:`, a macro's channel field) */
  declaredChannel?: string;
  /** the channel the engine assigned: declared channel over the spec's globs */
  channel?: string;
  /** product ids the document declares itself about (front matter `product:`) */
  products?: string[];
  /** blocks of visible text in reading order */
  blocks: TextBlock[];
  /** inline `onemessage-...` directives found in comments (used by the directive rules) */
  directives: Directive[];
}

/** The channel of documents customers never read (internal notes); no spec glob puts a file in it. */
export const INTERNAL_CHANNEL = 'internal';

/** An inline directive comment, `<!-- onemessage-disable-next-line claim/forbidden -- reason -->`. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** rule ids, or `rule:item` ids; empty means every rule */
  selectors: string[];
  reason?: string;
  /** who approved the waiver, when the reason names them: `-- approved by J. Doe, LEGAL-112` */
  approvedBy?: string;
  /** source offsets of the whole comment */
  start: number;
  end: number;
}

/**
 * Something a reader noticed in a file it still read (a key set twice in front matter, where the
 * last value wins). The engine hands it to the file rules, which decide whether and how to report it.
 */
export interface FormatNote {
  /** what was noticed, e.g. `duplicate-key`; a file rule reports the codes it knows */
  code: string;
  /** source offsets of the place */
  start: number;
  end: number;
  /** the facts a rule's message is filled from */
  data: Record<string, string | number>;
}

/** Everything a format module returns for one source file. */
export interface ReadResult {
  documents: Document[];
  notes?: FormatNote[];
}

/** A readable problem with the file itself; becomes a `file/unreadable` finding at that offset. */
export class FormatError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}

/**
 * The reader read the file and found nothing of its kind in it: a JSON file of no export shape
 * (`tsconfig.json`, a site's config beside its pages). Found by a folder walk, even inside a
 * channel, it is counted as data, not reported as a broken file; named on the command line, it is
 * reported, as any file onemessage cannot read.
 */
export class NotContentError extends FormatError {
  constructor(message: string, offset?: number) {
    super(message, offset);
    this.name = 'NotContentError';
  }
}

/**
 * Accumulates visible text and its source map. Format modules append verbatim source text,
 * decoded escapes and synthetic separators; rules read `TextBlock`s.
 */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private runs: MapRun[] = [];

  get textLength(): number {
    return this.length;
  }

  /** Text copied verbatim from the source starting at `sourceOffset`. */
  appendVerbatim(text: string, sourceOffset: number): void {
    if (text.length === 0) return;
    const last = this.runs[this.runs.length - 1];
    if (last && last.length === last.sourceLength && last.text + last.length === this.length && last.source + last.sourceLength === sourceOffset) {
      last.length += text.length;
      last.sourceLength += text.length;
    } else {
      this.runs.push({ text: this.length, source: sourceOffset, length: text.length, sourceLength: text.length });
    }
    this.parts.push(text);
    this.length += text.length;
  }

  /** Decoded text (an entity, an escape) that stands for source[sourceStart, sourceEnd). */
  appendDecoded(text: string, sourceStart: number, sourceEnd: number): void {
    if (text.length === 0) return;
    if (text.length === sourceEnd - sourceStart && text.length > 1) {
      // Same length: treat as verbatim so each character keeps its own position.
      this.runs.push({ text: this.length, source: sourceStart, length: text.length, sourceLength: text.length });
    } else {
      this.runs.push({ text: this.length, source: sourceStart, length: text.length, sourceLength: sourceEnd - sourceStart });
    }
    this.parts.push(text);
    this.length += text.length;
  }

  /** A separator the reader sees but the source does not spell (a space between two table cells). */
  appendSynthetic(text: string, sourceOffset: number): void {
    if (text.length === 0) return;
    this.runs.push({ text: this.length, source: sourceOffset, length: text.length, sourceLength: 0 });
    this.parts.push(text);
    this.length += text.length;
  }

  /** Ends the block; returns undefined when it holds no visible (non-space) text. */
  build(meta: Omit<TextBlock, 'text' | 'runs'>): TextBlock | undefined {
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    const runs = this.runs;
    this.runs = [];
    if (!/\S/.test(text)) return undefined;
    return { ...meta, text, runs };
  }
}

function findRun(block: TextBlock, index: number): MapRun {
  const runs = block.runs;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]!.text <= index) lo = mid;
    else hi = mid - 1;
  }
  return runs[lo]!;
}

/** Source offset where the text character at `index` starts. */
export function sourceStart(block: TextBlock, index: number): number {
  const run = findRun(block, index);
  if (run.length === run.sourceLength) return run.source + (index - run.text);
  return run.source;
}

/** Source offset just past the text character at `index`. */
export function sourceEnd(block: TextBlock, index: number): number {
  const run = findRun(block, index);
  if (run.length === run.sourceLength) return run.source + (index - run.text) + 1;
  return run.source + run.sourceLength;
}

/** Source range [start, end) of the text range [textStart, textEnd) of a block. */
export function toSourceRange(block: TextBlock, textStart: number, textEnd: number): { start: number; end: number } {
  if (textEnd <= textStart) {
    const at = sourceStart(block, Math.min(textStart, block.text.length - 1));
    return { start: at, end: at };
  }
  return { start: sourceStart(block, textStart), end: sourceEnd(block, textEnd - 1) };
}

/**
 * The text range of a block that the source range [start, end) shows, or undefined when the block
 * shows none of it: the first visible character at or after `start` to just past the last one
 * that ends by `end`. Markup inside the range (`**`, a tag) is skipped, as a reader skips it.
 */
export function toTextRange(block: TextBlock, start: number, end: number): { start: number; end: number } | undefined {
  const stop = Math.max(end, start + 1);
  let first: number | undefined;
  let last: number | undefined;
  for (const run of block.runs) {
    if (run.sourceLength === 0) continue;
    let from: number;
    let to: number;
    if (run.length === run.sourceLength) {
      // verbatim: character i stands at run.source + i
      from = Math.max(0, start - run.source);
      to = Math.min(run.length, stop - run.source);
    } else {
      // a decoded escape: its characters stand for the whole escape
      const shown = (run.source >= start && run.source < stop) || (run.source < start && run.source + run.sourceLength > start);
      from = 0;
      to = shown ? run.length : 0;
    }
    if (to <= from) continue;
    if (first === undefined || run.text + from < first) first = run.text + from;
    if (last === undefined || run.text + to > last) last = run.text + to;
  }
  return first === undefined || last === undefined ? undefined : { start: first, end: last };
}
