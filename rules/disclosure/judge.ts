/**
 * The check `disclosure/missing`, `disclosure/placement` and `claim/requires` share: is one
 * of a disclosure's `include` texts within its scope of a place, and, with `before: true`,
 * before it (or in the same sentence)? And which triggers ask for a disclosure at all.
 */
import { readablePhrase } from '../../src/match/readable.js';
import type { Document } from '../../src/model/document.js';
import type { DocumentMatches } from '../../src/match/matcher.js';
import { inScope, isBefore, scopeOf, scopeWords, type TextPlace } from '../../src/match/scope.js';
import { sentenceIndexAt } from '../../src/match/sentences.js';
import { isEndorsementFraming } from '../../src/match/judge.js';
import { tokenize } from '../../src/match/tokens.js';
import { asserts, type Match } from '../../src/match/types.js';
import { appliesIn } from '../../src/spec/lookup.js';
import type { Disclosure } from '../../src/spec/types.js';

export type Verdict =
  | { kind: 'present' }
  | { kind: 'missing' }
  /** within scope, but every include there comes after the place; `include` is the first */
  | { kind: 'after'; include: Match };

export function judgeDisclosure(options: { doc: Document; matches: DocumentMatches; disclosure: Disclosure; at: TextPlace }): Verdict {
  const { doc, matches, disclosure, at } = options;
  const range = scopeOf(doc, at, disclosure.within);
  const near = matches.of('disclosure-include').filter((m) => m.itemId === disclosure.id && inScope(range, m));
  if (near.length === 0) return { kind: 'missing' };
  // An include that starts where the place starts ("Sponsored by" around "sponsored") is not after it.
  if (!disclosure.before || near.some((m) => !isBefore(at, m))) return { kind: 'present' };
  // "Some links on this page are affiliate links: if you buy through them, we may earn a
  // commission" discloses its own trigger; so does a notice of two sentences whose first says
  // what the links are ("Some links may be affiliate links. We may earn a commission...").
  if (near.some((m) => sameNotice(doc, at, m))) return { kind: 'present' };
  return { kind: 'after', include: near[0]! };
}

/** Words before a trigger that make its sentence say what the links are: part of a notice. */
const NOTICE_VERBS = new Set(['is', 'are', 'be', 'contains', 'contain', 'includes', 'include', 'uses', 'use', 'has', 'have']);

/**
 * Whether the trigger stands in the include's sentence, or in the sentence right before it when
 * that sentence only says what the links are ("... may be affiliate links."), in one block.
 */
function sameNotice(doc: Document, trigger: TextPlace, include: TextPlace): boolean {
  if (trigger.block !== include.block) return false;
  const block = doc.blocks[trigger.block]!;
  const gap = sentenceIndexAt(block, include.textStart) - sentenceIndexAt(block, trigger.textStart);
  if (gap === 0) return true;
  if (gap !== 1) return false;
  const before = tokenize(block.text.slice(Math.max(0, trigger.textStart - 40), trigger.textStart)).words.slice(-3);
  return before.some((word) => NOTICE_VERBS.has(word));
}

/**
 * The triggers of a disclosure that ask for it in a document: asserted (not negated, not held
 * back by the claim judgement), in a channel it applies in, not part of one of its own texts,
 * and, for an `endorsement` disclosure, framed as one.
 */
export function triggersOf(options: { doc: Document; matches: DocumentMatches; disclosure: Disclosure }): Match[] {
  const { doc, matches, disclosure } = options;
  if (!appliesIn(disclosure.channels, doc.channel)) return [];
  const triggers = matches.of('disclosure-when').filter((m) => m.itemId === disclosure.id && asserts(m) && !insideInclude(matches, disclosure, m));
  return disclosure.endorsement ? triggers.filter((m) => framedAsEndorsement(doc, m)) : triggers;
}

function framedAsEndorsement(doc: Document, match: Match): boolean {
  const block = doc.blocks[match.block]!;
  const tokens = tokenize(block.text);
  const first = tokens.ends.findIndex((end) => end > match.textStart);
  if (first < 0) return false;
  let last = first;
  while (last + 1 < tokens.starts.length && tokens.starts[last + 1]! < match.textEnd) last++;
  const sentence = scopeOf(doc, match, 'sentence').text ?? { start: 0, end: block.text.length };
  return isEndorsementFraming({ text: block.text, tokens, first, last, sentence });
}

/** Whether a trigger is itself part of one of the disclosure's texts ("#sponsored", "Sponsored by"). */
export function insideInclude(matches: DocumentMatches, disclosure: Disclosure, at: Match): boolean {
  return matches
    .of('disclosure-include')
    .some((m) => m.itemId === disclosure.id && m.block === at.block && m.textStart <= at.textStart && at.textEnd <= m.textEnd);
}

const MAX_SHOWN = 3;

/** `a material-connection disclosure ("#ad", "Paid partnership" or "We earn a commission") in the same paragraph` */
export function disclosureWanted(disclosure: Disclosure, article: 'a' | 'the'): string {
  const name = article === 'a' ? `${/^[aeiou]/i.test(disclosure.id) ? 'an' : 'a'} ${disclosure.id}` : `the ${disclosure.id}`;
  const options = disclosure.include.map((p) => (p.isRegex ? `/${p.source}/` : `"${readablePhrase(p)}"`));
  // A long list would drown the message: the first three, as the spec orders them, stand for the rest.
  const shown = options.length > MAX_SHOWN + 1 ? [...options.slice(0, MAX_SHOWN), `${options.length - MAX_SHOWN} more`] : options;
  const list = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  return `${name} disclosure (${list}) ${scopeWords(disclosure.within)}`;
}
