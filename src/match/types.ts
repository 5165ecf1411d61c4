/** The matcher's vocabulary: phrases (compiled templates), quantities, and what a match is. */
import type { SpecPos } from '../model/finding.js';
import type { Template } from './template.js';

export type QuantityKind = 'number' | 'money' | 'percent' | 'duration' | 'time' | 'always' | 'size';

export interface Quantity {
  kind: QuantityKind;
  /**
   * Normalised amount, in the unit as written: 30 for "30 days" and "thirty-day", 50 for
   * "$50.00", 20 for "20%", 1000000 for "1M", minutes since midnight for a time, 0 for 24/7.
   */
  min: number;
  /** equal to min unless a range ("6-8 weeks": min 6, max 8) */
  max: number;
  /**
   * money: ISO 4217 code ('USD', 'EUR', 'GBP'...); duration: 'second', 'minute', 'hour', 'day',
   * 'business-day', 'week', 'month', 'year'; size: 'KB', 'MB', 'GB', 'TB'; otherwise absent.
   */
  unit?: string;
  /** offsets of the whole quantity in the scanned string */
  start: number;
  end: number;
  /** the quantity exactly as written (text.slice(start, end)) */
  text: string;
}

/** One phrase template (`"{value} return"`) or a user regex, with its position in the spec. */
export interface Phrase {
  /** the template as written; for a regex phrase, the pattern */
  source: string;
  isRegex: boolean;
  pos: SpecPos;
  /** the parsed template (absent for a regex), compiled once when the spec is parsed */
  template?: Template;
}


/** How far a disclosure's `within` reaches from a place, and how far the stock rules look for a product. */
export type Scope = 'sentence' | 'paragraph' | 'section' | 'document';

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

/**
 * Some phrases of a spec: those of one kind, of the items named (every item of the kind when
 * `items` is absent). What a rule declares as its triggers.
 */
export interface PhraseSelection {
  kind: PhraseKind;
  items?: readonly string[];
}

/** A phrase of the spec with the part and item it belongs to: what the matcher and the prefilter are built from. */
export interface SpecPhrase {
  kind: PhraseKind;
  itemId: string;
  phrase: Phrase;
}

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
