/**
 * Which parts of a document are within a scope (`sentence`, `paragraph`, `section`,
 * `document`) of a match, and which of two places comes first: the one notion of "near"
 * shared by the disclosure rules, `claim/requires` and the stock rules' "about a product".
 */
import type { Document } from '../model/document.js';
import type { Scope } from './types.js';
import { sentencesOf, sentenceIndexAt } from './sentences.js';

/** A place in a document's text: a block and a range in its text (a Match is one). */
export interface TextPlace {
  block: number;
  textStart: number;
  textEnd: number;
}

/** The part of a document within a scope of some place: blocks first..last, and for a sentence its text range. */
export interface ScopeRange {
  scope: Scope;
  firstBlock: number;
  lastBlock: number;
  /** for `sentence`: the sentence's range in the block's text */
  text?: { start: number; end: number };
}

const SCOPE_WORDS: Record<Scope, string> = {
  sentence: 'in the same sentence',
  paragraph: 'in the same paragraph',
  section: 'in the same section',
  document: 'in the document',
};

/** "in the same paragraph", for messages. */
export function scopeWords(scope: Scope): string {
  return SCOPE_WORDS[scope];
}

/** The part of `doc` within `scope` of `at`. */
export function scopeOf(doc: Document, at: Pick<TextPlace, 'block' | 'textStart'>, scope: Scope): ScopeRange {
  switch (scope) {
    case 'sentence': {
      const block = doc.blocks[at.block]!;
      const [start, end] = sentencesOf(block)[sentenceIndexAt(block, at.textStart)] ?? [0, block.text.length];
      return { scope, firstBlock: at.block, lastBlock: at.block, text: { start, end } };
    }
    case 'paragraph':
      return { scope, firstBlock: at.block, lastBlock: at.block };
    case 'section': {
      const { first, last } = sectionOf(doc, at.block);
      return { scope, firstBlock: first, lastBlock: last };
    }
    case 'document':
      return { scope, firstBlock: 0, lastBlock: Math.max(0, doc.blocks.length - 1) };
  }
}

/** Whether a place starts within the range. */
export function inScope(range: ScopeRange, place: Pick<TextPlace, 'block' | 'textStart'>): boolean {
  if (place.block < range.firstBlock || place.block > range.lastBlock) return false;
  if (!range.text) return true;
  return place.textStart >= range.text.start && place.textStart < range.text.end;
}

/** Whether `a` starts before `b`: by block, then by offset in the block's text. */
export function isBefore(a: Pick<TextPlace, 'block' | 'textStart'>, b: Pick<TextPlace, 'block' | 'textStart'>): boolean {
  return a.block < b.block || (a.block === b.block && a.textStart < b.textStart);
}

const sections = new WeakMap<Document, Array<{ first: number; last: number }>>();

/**
 * The section a block is in: from the nearest heading at or before it to the block before the
 * next heading of the same or a higher level (a smaller depth). Blocks before the first
 * heading (front matter fields, an introduction) make a section of their own. A block that
 * starts a section (a slide, a page) ends every section before it.
 */
export function sectionOf(doc: Document, blockIndex: number): { first: number; last: number } {
  let all = sections.get(doc);
  if (!all) {
    all = computeSections(doc);
    sections.set(doc, all);
  }
  return all[blockIndex] ?? { first: 0, last: Math.max(0, doc.blocks.length - 1) };
}

function computeSections(doc: Document): Array<{ first: number; last: number }> {
  const blocks = doc.blocks;
  // A slide or a page opens a section above every heading, so depth 0.
  const isHeading = (i: number) => blocks[i]!.kind === 'heading' || blocks[i]!.startsSection === true;
  const depth = (i: number) => (blocks[i]!.startsSection ? 0 : (blocks[i]!.depth ?? 1));
  const out: Array<{ first: number; last: number }> = [];
  let opener = -1;
  let range = { first: 0, last: blocks.length - 1 };
  const firstHeading = blocks.findIndex((_, i) => isHeading(i));
  if (firstHeading >= 0) range = { first: 0, last: firstHeading - 1 };
  for (let i = 0; i < blocks.length; i++) {
    if (isHeading(i)) {
      opener = i;
      let end = i + 1;
      while (end < blocks.length && !(isHeading(end) && depth(end) <= depth(opener))) end++;
      range = { first: i, last: end - 1 };
    }
    out.push(range);
  }
  return out;
}
