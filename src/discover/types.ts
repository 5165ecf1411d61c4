/** What `discover` finds: quantity statements grouped into candidate facts, candidate claims, product names and promises. */
import type { Quantity } from '../match/quantity.js';

/** Where something was said, with positions in the source file (1-based line and column). */
export interface Place {
  path: string;
  line: number;
  column: number;
  channel?: string;
  /** the sentence (or clause) it was said in, trimmed, for the reader */
  excerpt: string;
}

/** One statement of a quantity about a topic, as found in one block. */
export interface QuantityStatement {
  /** index of the document in the run, and of the block inside it */
  doc: number;
  block: number;
  quantity: Quantity;
  /** the value in canonical form ("30 days", "$50") and its comparison key */
  value: string;
  valueKey: string;
  /** group key: topic, quantity class and qualifier ("returns|duration|") */
  key: string;
  topic: string;
  qualifier?: string;
  /** the phrase template this statement's own wording gives ("return it within {value}") */
  template: string;
  place: Place;
}

export interface ValueTally {
  value: string;
  valueKey: string;
  count: number;
  /** channel -> count; files in no channel count under "(none)" */
  channels: Record<string, number>;
  places: Place[];
}

export interface FactGroup {
  /** id for the draft spec (`return-window`, `free-shipping-minimum`) */
  id: string;
  topic: string;
  qualifier?: string;
  /** what the group is about, in words ("return window") */
  label: string;
  /** values by how often they are stated, most first; the first is the majority unless `tie` */
  values: ValueTally[];
  /** every statement agrees on one value */
  agree: boolean;
  /** the most stated values are stated equally often: no value is the majority, none is proposed */
  tie: boolean;
  /** channels that state more than one value, or one value another channel contradicts */
  channels: string[];
  /** `says` templates that together match every statement of the group */
  says: string[];
  statements: QuantityStatement[];
}

export type ClaimKind = 'superlative' | 'absolute';

export interface ClaimCandidate {
  id: string;
  phrase: string;
  kind: ClaimKind;
  count: number;
  channels: Record<string, number>;
  places: Place[];
}

export interface NameCandidate {
  id: string;
  name: string;
  count: number;
  documents: number;
  places: Place[];
}

export interface PromiseCandidate {
  phrase: string;
  count: number;
  places: Place[];
}

export interface Discovery {
  /** files read, with the channel each was put in */
  files: Array<{ path: string; channel?: string; format?: string }>;
  /** channel -> globs, relative to the draft's folder */
  channels: Array<{ name: string; globs: string[] }>;
  /** where the channels came from: an existing spec, or folder names */
  channelSource: { kind: 'spec'; path: string } | { kind: 'folders' };
  facts: FactGroup[];
  claims: ClaimCandidate[];
  products: NameCandidate[];
  /** the company's own name, when one recurring name looks like it (see `brandOf`) */
  brand?: string;
  promises: PromiseCandidate[];
  /** speaker labels whose lines were skipped (customers in scripts) */
  ignoredSpeakers: string[];
  warnings: string[];
}
