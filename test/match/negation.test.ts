/**
 * Negation: whether a phrase sits in a negated clause, judged by looking back from its first word
 * for a cue ("not", "never", "don't", "no" close by) within six words and within the clause.
 */
import { describe, expect, it } from 'vitest';
import { isNegated } from '../../src/match/negation.js';
import { tokenize } from '../../src/match/tokens.js';

/** Whether the phrase, found in the sentence (it must start at a word), is negated there. */
function negated(sentence: string, phrase: string): boolean {
  const at = sentence.toLowerCase().indexOf(phrase.toLowerCase());
  if (at < 0) throw new Error(`${JSON.stringify(phrase)} is not in ${JSON.stringify(sentence)}`);
  const tokens = tokenize(sentence);
  const first = tokens.starts.indexOf(at);
  if (first < 0) throw new Error(`${JSON.stringify(phrase)} does not start at a word of ${JSON.stringify(sentence)}`);
  return isNegated(sentence, tokens, first);
}

describe('isNegated', () => {
  it.each([
    ['The TrailPack 45 is not in stock.', 'in stock'],
    ['This tent is no longer available.', 'available'],
    ['This tent is no longer available.', 'longer available'],
    ["We don't offer a lifetime warranty.", 'lifetime warranty'],
    ['We don’t offer a lifetime warranty.', 'lifetime warranty'],
    ['We never charge restocking fees.', 'restocking fees'],
    ['Ships without a restocking fee.', 'restocking fee'],
    ["This jacket isn't waterproof.", 'waterproof'],
    ['This jacket isnt waterproof.', 'waterproof'],
    ['We cannot promise next-day delivery.', 'next-day delivery'],
    ["We can't ship overnight.", 'ship overnight'],
    ['It won’t arrive tomorrow.', 'arrive tomorrow'],
    ['Neither fast nor free shipping applies.', 'free shipping'],
    ['No lifetime warranty on sale items.', 'lifetime warranty'],
    ['There are no 30 day returns.', '30 day returns'],
    ['Is it not the best in the industry?', 'best in the industry'],
    ['Never have we ever seen a lighter pack.', 'lighter pack'],
    // quotes, dashes and line breaks between words stay inside the clause
    ['Not "in stock" yet.', 'in stock'],
    ['Not - in stock.', 'in stock'],
    ['no\nin stock', 'in stock'],
    // the cue six words back is still in reach
    ['Not one of these tents is in stock.', 'in stock'],
  ])('negated: %j at %j', (sentence, phrase) => {
    expect(negated(sentence, phrase)).toBe(true);
  });

  it.each([
    ['The tent is waterproof.', 'waterproof'],
    ['In stock now.', 'in stock'],
    // words that merely start like a cue
    ['Nothing beats free returns.', 'free returns'],
    ['Nobody offers free returns like we do.', 'free returns'],
    // "no" reaches two words at most
    ['There is no doubt this is the lightest tent.', 'lightest tent'],
    // sentence and clause punctuation ends the look-back
    ['No returns. Free shipping on every order.', 'free shipping'],
    ['No questions asked: free returns.', 'free returns'],
    ['Not only waterproof, it is also the lightest tent.', 'lightest tent'],
    ['We do not ship to PO boxes; orders over $50 ship free.', 'ship free'],
    ['(Not) in stock.', 'in stock'],
    ['Not—in stock.', 'in stock'],
    // so does a word that starts a new clause
    ["We're not sure, but it ships free.", 'ships free'],
    ['It is not heavy but it is waterproof.', 'waterproof'],
    ['It is not heavy and it is waterproof.', 'waterproof'],
    ['Whether or not it rains, free shipping applies.', 'free shipping'],
    // seven words back is out of reach
    ['Not one of these five tents is in stock.', 'in stock'],
  ])('not negated: %j at %j', (sentence, phrase) => {
    expect(negated(sentence, phrase)).toBe(false);
  });

  it('is false for a phrase at the start of the text', () => {
    expect(negated('In stock and ready to ship.', 'in stock')).toBe(false);
  });

  // The module means "no" to reach only what follows it closely, so that "no-hassle" does not
  // negate what comes after it; but the hyphen splits "no-hassle" into two words, so "returns"
  // is two words after "no" and counts as negated, and a "no-hassle returns within 60 days"
  // that contradicts the spec is never checked. Fails today.
  it.fails('does not negate what follows "no-hassle"', () => {
    expect(negated('No-hassle returns within 60 days.', 'returns within')).toBe(false);
  });
});
