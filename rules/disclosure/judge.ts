/**
 * The check `disclosure/missing`, `disclosure/placement` and `claim/requires` share: is one
 * of a disclosure's `include` texts within its scope of a place, and, with `before: true`,
 * before it?
 */
import { readablePhrase } from '../../src/match/readable.js';
import type { Document } from '../../src/model/document.js';
import type { DocumentMatches } from '../../src/match/matcher.js';
import { inScope, isBefore, scopeOf, scopeWords, type TextPlace } from '../../src/match/scope.js';
import type { Match } from '../../src/match/types.js';
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
  return { kind: 'after', include: near[0]! };
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
