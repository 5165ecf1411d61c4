/**
 * Splits a block's text into sentences for `within: sentence` scopes and "same sentence as a
 * product" checks. A small rule-based splitter: sentence punctuation followed by white space
 * and a capital, digit or quote, or a line break after punctuation, except after common
 * abbreviations.
 */
import type { TextBlock } from '../model/document.js';

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'inc', 'ltd', 'co', 'approx', 'no', 'st', 'u.s', 'fig', 'incl', 'min', 'max']);
const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}#$€£]|\s*$|\s*\n)|\n\s*\n/gu;

const cache = new WeakMap<TextBlock, Array<[number, number]>>();

/** Sentence ranges [start, end) covering the block's text. */
export function sentencesOf(block: TextBlock): Array<[number, number]> {
  const hit = cache.get(block);
  if (hit) return hit;
  const text = block.text;
  const out: Array<[number, number]> = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(start, m.index - 6), m.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase();
    if (m[0][0] === '.' && lastWord && ABBREVIATIONS.has(lastWord)) continue;
    if (end > start) out.push([start, end]);
    start = end;
    if (m[0].length === 0) BOUNDARY.lastIndex += 1;
  }
  if (start < text.length) out.push([start, text.length]);
  cache.set(block, out);
  return out;
}

/** Index of the sentence holding the text offset. */
export function sentenceIndexAt(block: TextBlock, offset: number): number {
  const sentences = sentencesOf(block);
  for (let i = 0; i < sentences.length; i++) if (offset < sentences[i]![1]) return i;
  return Math.max(0, sentences.length - 1);
}
