/** Small helpers rule modules share: what a match says, and the spec item it reports against. */
import type { Document } from '../src/model/document.js';
import type { Match } from '../src/match/types.js';
import type { ItemRef } from '../src/lint/rule.js';
import type { SpecPos } from '../src/spec/types.js';

/** The matched words as a reader sees them, white space collapsed: for quoting in messages. */
export function said(doc: Document, match: Pick<Match, 'block' | 'textStart' | 'textEnd'>): string {
  return doc.blocks[match.block]!.text.slice(match.textStart, match.textEnd).replace(/\s+/g, ' ');
}

export function itemRef(kind: string, item: { id: string; pos: SpecPos }): ItemRef {
  return { kind, id: item.id, pos: item.pos };
}

/** The spec item's own `message`, as the end of a rule's message: `" " + message`, or nothing. */
export function note(message: string | undefined): string {
  return message ? ` ${message}` : '';
}

/** "a", "a and b", "a, b and c" */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
