/**
 * Finds candidate claims in one block: superlatives ("fastest", "best in the industry", "#1
 * rated") and absolutes ("guaranteed", "never expires", "100% waterproof", "lifetime
 * warranty"), each as the short phrase it opens, so that repeated claims group by wording.
 */
import { isNegated } from '../match/negation.js';
import { joinsPhrase, tokenize, type Tokens } from '../match/tokens.js';
import { isContentWord } from './lexicon.js';
import type { ClaimKind } from './types.js';

export interface ClaimAt {
  phrase: string;
  kind: ClaimKind;
  textStart: number;
  textEnd: number;
}

const SUPERLATIVES = new Set(
  'best fastest cheapest easiest lowest highest strongest lightest safest smartest simplest largest biggest quickest toughest most leading unbeatable unmatched unrivaled unrivalled #1 top-rated'.split(' '),
);
const ABSOLUTES = new Set('guaranteed never always 100% forever lifetime unlimited risk-free zero instantly'.split(' '));
/** Claims complete on their own; every other trigger needs the word it qualifies ("best" alone says little). */
const STANDALONE = new Set(['guaranteed', '#1', 'unbeatable', 'unmatched', 'unrivaled', 'unrivalled']);
/** "number one" is #1 spelt out. */
const TWO_WORD: Record<string, Record<string, ClaimKind>> = { number: { one: 'superlative' }, world: { class: 'superlative' }, risk: { free: 'absolute' } };
const REACH = 3;
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
    out.push({ phrase, kind, textStart: tokens.starts[i]!, textEnd: tokens.ends[end]! });
    i = end;
  }
  return out;
}
