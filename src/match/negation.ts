/**
 * Decides whether a match sits in a negated clause ("not in stock", "no longer available",
 * "we don't offer a lifetime warranty"), which does not assert the phrase. Looks back a few
 * words within the clause for a negation cue.
 */
import { type Tokens } from './tokens.js';

const CUES = new Set([
  'not', 'never', 'without', 'nor', 'neither', 'cannot', 'no',
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't",
  "can't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "ain't",
  'dont', 'doesnt', 'isnt', 'arent', 'wont', 'cant',
]);
/** Words after which a new clause starts, so a cue before them does not reach past. */
const CLAUSE_BREAKERS = new Set(['but', 'however', 'although', 'though', 'yet', 'whereas', 'unlike', 'while', 'and', 'or', 'because', 'so']);
const CLAUSE_PUNCTUATION = /[.;:!?,()[\]—–]/;
const WINDOW = 6;

export function isNegated(text: string, tokens: Tokens, firstToken: number): boolean {
  for (let distance = 1; distance <= WINDOW; distance++) {
    const at = firstToken - distance;
    if (at < 0) return false;
    const gap = text.slice(tokens.ends[at]!, tokens.starts[at + 1]!);
    if (CLAUSE_PUNCTUATION.test(gap)) return false;
    const word = tokens.words[at]!;
    if (CLAUSE_BREAKERS.has(word)) return false;
    if (CUES.has(word)) {
      // "no" negates only what follows it closely ("no longer available", "no lifetime warranty");
      // further away it is usually "no questions asked", "no-hassle".
      return word !== 'no' || distance <= 2;
    }
  }
  return false;
}
