/**
 * Finds candidate claims in one block: superlatives ("fastest", "best in the industry", "#1
 * rated") and absolutes ("guaranteed", "never expires", "100% waterproof", "lifetime
 * warranty"), each as the short phrase it opens, so that repeated claims group by wording.
 */
import { judgeClaim } from '../match/judge.js';
import { isNegated } from '../match/negation.js';
import { sentenceIndexAt, sentencesOf } from '../match/sentences.js';
import type { TextBlock } from '../model/document.js';
import { joinsPhrase, tokenize, type Tokens } from '../match/tokens.js';
import { isContentWord } from './lexicon.js';
import type { ClaimKind } from './types.js';

export interface ClaimAt {
  phrase: string;
  kind: ClaimKind;
  textStart: number;
  textEnd: number;
  /** first and last token of the trigger as a claim rule matches it: the superlative, with "rated" or "selling" after it */
  first: number;
  last: number;
}

const SUPERLATIVES = new Set(
  'best fastest cheapest easiest lowest highest strongest lightest safest smartest simplest largest biggest quickest toughest most leading unbeatable unmatched unrivaled unrivalled #1 top-rated'.split(' '),
);
// "always", "never", "zero" and "instantly" describe how a feature behaves far more often than they
// promise ("always returns", "never clicked", "zero conversions"): the claim packs do not read them
// as claims alone either, so they are no candidates.
const ABSOLUTES = new Set('guaranteed 100% forever lifetime unlimited risk-free'.split(' '));
/** "100% accurate" claims; "100% bounce", "100% of the data" measure. */
const ABSOLUTE_ADJECTIVE = /(ful|able|ible|ive|ous|ic|al|safe|free|secure|accurate|private|proof|sure|natural|organic|pure|clean|guaranteed)$/;
/** Claims complete on their own; every other trigger needs the word it qualifies ("best" alone says little). */
const STANDALONE = new Set(['guaranteed', '#1', 'unbeatable', 'unmatched', 'unrivaled', 'unrivalled']);
/** "number one" is #1 spelt out. */
const TWO_WORD: Record<string, Record<string, ClaimKind>> = { number: { one: 'superlative' }, world: { class: 'superlative' }, risk: { free: 'absolute' } };
const REACH = 3;
/** "#1 rated", "best selling": a rank and its verb are one claim. */
const RANK_COMPOUND = new Set(['rated', 'selling']);
const ADJECTIVE_ENDING = /(ful|able|ible|ive|ed|ar|ent|ant|ous|ic|al|ing)$/;

export function claimsOf(text: string, tokens: Tokens = tokenize(text)): ClaimAt[] {
  const out: ClaimAt[] = [];
  const joins = (i: number) => joinsPhrase(text.slice(tokens.ends[i - 1]!, tokens.starts[i]!));
  for (let i = 0; i < tokens.words.length; i++) {
    const word = tokens.words[i]!;
    let kind: ClaimKind | undefined = SUPERLATIVES.has(word) ? 'superlative' : ABSOLUTES.has(word) ? 'absolute' : undefined;
    let triggerEnd = i;
    const second = tokens.words[i + 1];
    if (!kind && second !== undefined && TWO_WORD[word]?.[second] && joins(i + 1)) {
      kind = TWO_WORD[word]![second]!;
      triggerEnd = i + 1;
    }
    if (!kind) continue;
    // "most retailers" counts, "most trusted" claims: most is a superlative only before an adjective
    if (word === 'most' && !ADJECTIVE_ENDING.test(tokens.words[i + 1] ?? '')) continue;
    if (word === '100%' && !ABSOLUTE_ADJECTIVE.test(tokens.words[i + 1] ?? '')) continue;
    if (isNegated(text, tokens, i)) continue;
    let end = -1;
    for (let j = triggerEnd + 1; j <= triggerEnd + REACH && j < tokens.words.length && joins(j); j++) {
      if (isContentWord(tokens.words[j]!)) {
        end = j;
        break;
      }
    }
    if (end < 0) {
      if (!STANDALONE.has(tokens.words.slice(i, triggerEnd + 1).join(' ')) && triggerEnd === i) continue;
      end = triggerEnd;
    }
    const phrase = tokens.words.slice(i, end + 1).join(' ');
    out.push({ phrase, kind, textStart: tokens.starts[i]!, textEnd: tokens.ends[end]!, first: i, last: RANK_COMPOUND.has(tokens.words[triggerEnd + 1] ?? '') ? triggerEnd + 1 : triggerEnd });
    i = end;
  }
  return out;
}

/**
 * Whether a candidate is a claim about the offer, judged as the claim rules judge a match
 * (src/match/judge.ts): not in a question or a quotation, not a list or status number, not a
 * superlative about a way, a step or someone else ("the easiest way to", "the most popular pages").
 */
export function isOfferClaim(at: { block: TextBlock; tokens: Tokens; claim: ClaimAt; offerWords: ReadonlySet<string> }): boolean {
  const { block, tokens, claim } = at;
  const sentence = sentencesOf(block)[sentenceIndexAt(block, claim.textStart)] ?? [0, block.text.length];
  const why = judgeClaim({
    kind: 'claim',
    text: block.text,
    tokens,
    blockKind: block.kind,
    first: claim.first,
    last: claim.last,
    textStart: claim.textStart,
    textEnd: tokens.ends[claim.last]!,
    sentence: { start: sentence[0], end: sentence[1] },
    exclusions: [],
    offerWords: at.offerWords,
  });
  return why === undefined;
}
