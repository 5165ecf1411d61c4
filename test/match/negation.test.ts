/**
 * Negation by clause: whether a phrase sits in a clause a negation governs, each cue with its
 * own scope. The sentences are written for the tests in the shapes real copy takes.
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
  const last = tokens.ends.indexOf(at + phrase.length);
  if (last < 0) throw new Error(`${JSON.stringify(phrase)} does not end at a word of ${JSON.stringify(sentence)}`);
  return isNegated(sentence, tokens, first, last);
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
    // a cue governs its whole clause, however far back
    ['Not one of these tents is in stock.', 'in stock'],
    ['Not one of these five tents is in stock.', 'in stock'],
    // "no" and "without" govern their noun phrase, modifiers included
    ['There is no free plan for teams.', 'free plan'],
    ['There is no free plan for teams.', 'plan for teams'],
    ['Ships without any restocking fee.', 'restocking fee'],
    ['This tent is no longer in stock.', 'in stock'],
    // "not" right before a definite noun phrase negates it: a predicate, not a presupposition
    ['It is not the best in the industry.', 'best in the industry'],
    // a negated verb of saying reaches into its "that" clause
    ['We do not claim that it is the best in the industry.', 'best in the industry'],
    ['We never claim to be the best in the industry.', 'best in the industry'],
    // a negated availability after the phrase
    ['Free shipping is not available on sale items.', 'free shipping'],
    ['A lifetime warranty isn’t included with refurbished tents.', 'lifetime warranty'],
    ['Same-day dispatch does not apply to custom orders.', 'same-day dispatch'],
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
    // a definite noun phrase is presupposed: the window exists whatever we cannot do within it
    ['We are not able to answer within the 24 hour window.', '24 hour window'],
    ["We don't extend the 30-day return window for sale items.", '30-day return window'],
    // verbs that take the negation themselves
    ["Don't forget to start a free trial.", 'free trial'],
    ['Never hesitate to ask for a free trial.', 'free trial'],
    // idioms that only look negative
    ['No matter which plan you pick you get 24/7 support.', '24/7 support'],
    ['Without a doubt the best in the industry.', 'best in the industry'],
    ['Not just a free trial: a 30-day money-back guarantee.', 'free trial'],
    // "no" and "without" stop at the verb that ends their noun phrase
    ['No credit card is needed for the free trial.', 'free trial'],
    ['No-hassle returns within 60 days.', 'returns within'],
    ['No-hassle returns within 60 days.', '60 days'],
    // the "that" clause of anything but a verb of saying is out of reach
    ['It is no secret that we are the best in the industry.', 'best in the industry'],
    // a negation after the phrase that is not about its availability
    ['Our 30-day returns don’t need a receipt.', '30-day returns'],
    ['Free shipping, not free returns.', 'free shipping'],
    // table cells are separate texts: a "Not included" in the next column negates nothing here
    ['Up to 12 years of support\tIncluded\tNot included', '12 years of support'],
  ])('not negated: %j at %j', (sentence, phrase) => {
    expect(negated(sentence, phrase)).toBe(false);
  });

  it('is false for a phrase at the start of the text', () => {
    expect(negated('In stock and ready to ship.', 'in stock')).toBe(false);
  });
});
