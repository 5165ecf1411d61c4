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
  | 'delivery' // a stated delivery time, built in (src/spec/delivery.ts), with `{value}`
  | 'claim-unless' // a claim's `unless`: where its phrases are not the claim
  | 'disclosure-unless' // a disclosure's `unless`: where its triggers are not one
  | 'idiom' // a built-in idiom (src/match/idioms.ts): where no claim or trigger is
  | 'topic'; // a fact's `about` words (or its templates' words): where a statement of it may be inferred

/** Kinds that only hold other matches back: they report nothing themselves, so the prefilter ignores them. */
export const EXCLUDING_KINDS: ReadonlySet<PhraseKind> = new Set(['claim-unless', 'disclosure-unless', 'idiom']);

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
  /**
   * For a claim or a disclosure trigger: why, in its context, it is not a statement about the
   * offer (an idiom, an `unless` phrase, a question, a list number...; src/match/judge.ts).
   * Rules treat it as they treat a negated match; `--debug` shows the reason.
   */
  heldBack?: string;
  /** for fact and delivery phrases with `{value}`: the quantity stated, with its range in the source */
  value?: { quantity: Quantity; start: number; end: number };
}

/** Whether a match states what it says: not negated, and not held back by the claim judgement. */
export function asserts(match: Pick<Match, 'negated' | 'heldBack'>): boolean {
  return !match.negated && match.heldBack === undefined;
}
