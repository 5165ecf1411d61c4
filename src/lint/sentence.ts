/**
 * The sentence around a reported range, as a reader sees it, with the range's place in it: what a
 * report quotes so that a reviewer reads "we offer 60-day returns" and not just "60-day".
 */
import { toTextRange, type Document, type TextBlock } from '../model/document.js';
import type { SentenceContext } from '../model/finding.js';
import { sentencesOf } from '../match/sentences.js';

/** A sentence longer than this is cut around the match, so that a report stays readable. */
const MAX_LENGTH = 320;
/** How much of a cut sentence is kept on each side of the match. */
const KEEP_AROUND = 120;

/** The sentence (or sentences) of the document holding the source range [start, end), or undefined when no block shows it. */
export function sentenceAround(doc: Document, start: number, end: number): SentenceContext | undefined {
  for (const block of blocksOver(doc, start, Math.max(end, start + 1))) {
    const range = toTextRange(block, start, end);
    if (!range) continue;
    const sentences = sentencesOf(block);
    const first = sentences.find(([, to]) => range.start < to) ?? [0, block.text.length];
    const last = [...sentences].reverse().find(([from]) => range.end > from) ?? first;
    return tidy(block.text.slice(first[0], Math.max(last[1], first[1])), range.start - first[0], range.end - first[0]);
  }
  return undefined;
}

/**
 * The source extent of each block of a document, sorted by where it starts, with the furthest end
 * so far: a document of many blocks with a finding in each (a page of thousands of component
 * props, a macro export) must not cost findings × blocks.
 */
interface BlockIndex {
  blocks: TextBlock[];
  length: number;
  /** [source start, source end, position in doc.blocks], sorted by source start */
  spans: Array<[number, number, number]>;
  /** furthest source end among spans[0..i] */
  reach: number[];
}

const indexes = new WeakMap<Document, BlockIndex>();

function indexOf(doc: Document): BlockIndex {
  const cached = indexes.get(doc);
  // Documents are complete before any finding is made; a list replaced or grown since is indexed again.
  if (cached && cached.blocks === doc.blocks && cached.length === doc.blocks.length) return cached;
  const spans: Array<[number, number, number]> = [];
  doc.blocks.forEach((block, position) => {
    let from = Infinity;
    let to = -Infinity;
    for (const run of block.runs) {
      if (run.sourceLength === 0) continue;
      from = Math.min(from, run.source);
      to = Math.max(to, run.source + run.sourceLength);
    }
    if (from < to) spans.push([from, to, position]);
  });
  spans.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
  const reach: number[] = [];
  spans.forEach(([, to], i) => reach.push(Math.max(to, i > 0 ? reach[i - 1]! : -Infinity)));
  const index = { blocks: doc.blocks, length: doc.blocks.length, spans, reach };
  indexes.set(doc, index);
  return index;
}

/** The blocks whose source extent meets [start, stop), in document order: the only ones that can show the range. */
function blocksOver(doc: Document, start: number, stop: number): TextBlock[] {
  const { spans, reach } = indexOf(doc);
  // The last span starting before stop; spans before it that reach past start may meet the range too.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] < stop) lo = mid + 1;
    else hi = mid;
  }
  const positions: number[] = [];
  for (let i = lo - 1; i >= 0 && reach[i]! > start; i--) if (spans[i]![1] > start) positions.push(spans[i]![2]);
  return positions.sort((a, b) => a - b).map((position) => doc.blocks[position]!);
}


/** White space collapsed and trimmed, and a long sentence cut around the match, keeping the match's range right. */
export function tidy(text: string, start: number, end: number): SentenceContext {
  let out = '';
  let outStart = 0;
  let outEnd = 0;
  let space = false;
  for (let i = 0; i <= text.length; i++) {
    if (i === start) outStart = out.length + (space && out.length > 0 ? 1 : 0);
    if (i === end) outEnd = out.length;
    if (i === text.length) break;
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      space = true;
      continue;
    }
    if (space && out.length > 0) out += ' ';
    space = false;
    out += ch;
  }
  outEnd = Math.max(outEnd, outStart);
  if (out.length <= MAX_LENGTH) return { text: out, start: outStart, end: outEnd };
  // Cut on word boundaries, KEEP_AROUND characters either side of the match.
  let from = Math.max(0, outStart - KEEP_AROUND);
  let to = Math.min(out.length, Math.max(outEnd, outStart) + KEEP_AROUND);
  if (from > 0) from = out.indexOf(' ', from) + 1 || from;
  if (from > outStart) from = outStart;
  if (to < out.length) to = Math.max(out.lastIndexOf(' ', to), outEnd);
  const head = from > 0 ? '… ' : '';
  const tail = to < out.length ? ' …' : '';
  return { text: `${head}${out.slice(from, to).trim()}${tail}`, start: outStart - from + head.length, end: outEnd - from + head.length };
}
