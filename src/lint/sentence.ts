/**
 * The sentence around a reported range, as a reader sees it, with the range's place in it: what a
 * report quotes so that a reviewer reads "we offer 60-day returns" and not just "60-day".
 */
import { toTextRange, type Document } from '../model/document.js';
import type { SentenceContext } from '../model/finding.js';
import { sentencesOf } from '../match/sentences.js';

/** A sentence longer than this is cut around the match, so that a report stays readable. */
const MAX_LENGTH = 320;
/** How much of a cut sentence is kept on each side of the match. */
const KEEP_AROUND = 120;

/** The sentence (or sentences) of the document holding the source range [start, end), or undefined when no block shows it. */
export function sentenceAround(doc: Document, start: number, end: number): SentenceContext | undefined {
  for (const block of doc.blocks) {
    const range = toTextRange(block, start, end);
    if (!range) continue;
    const sentences = sentencesOf(block);
    const first = sentences.find(([, to]) => range.start < to) ?? [0, block.text.length];
    const last = [...sentences].reverse().find(([from]) => range.end > from) ?? first;
    return tidy(block.text.slice(first[0], Math.max(last[1], first[1])), range.start - first[0], range.end - first[0]);
  }
  return undefined;
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
