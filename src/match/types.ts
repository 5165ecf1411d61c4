/** What the compiled matcher finds: one match of one spec phrase in one block of a document. */
import type { Phrase } from '../spec/types.js';
import type { Quantity } from './quantity.js';

/** Which part of the spec a phrase belongs to. */
export type PhraseKind =
  | 'fact' // a fact's `says`
  | 'claim' // a claim's `says`
  | 'product' // a product's `names`
  | 'promise' // `promises.immediate`
  | 'disclosure-when'
  | 'disclosure-include'
  | 'term' // a term's `not`
  | 'delivery'; // a stated delivery time, built in (src/spec/delivery.ts), with `{value}`

export interface Match {
  kind: PhraseKind;
  /** id of the spec item the phrase belongs to */
  itemId: string;
  phrase: Phrase;
  /** index of the block in the document */
  block: number;
  /** range in the block's text */
  textStart: number;
  textEnd: number;
  /** range in the source file */
  start: number;
  end: number;
  /** the match sits in a negated clause ("not in stock") and does not assert the phrase */
  negated: boolean;
  /** for fact and delivery phrases with `{value}`: the quantity stated, with its range in the source */
  value?: { quantity: Quantity; start: number; end: number };
}
