/**
 * The loaded, validated and normalised spec: what the rest of onemessage reads. The YAML
 * shape is the contract in spec-v1.md; this is its normalised form, with a source position
 * for every item so that findings can point at the spec line.
 */
import type { Severity } from '../model/finding.js';

/** Where something is written in a spec file (or a built-in pack). */
export interface SpecPos {
  /** spec file path relative to the working folder, or `pack:NAME` for a built-in pack */
  file: string;
  line: number;
  column: number;
}

/** One phrase template (`"{value} return"`) or a user regex, with its position in the spec. */
export interface Phrase {
  /** the template as written; for a regex phrase, the pattern */
  source: string;
  isRegex: boolean;
  pos: SpecPos;
}

export interface Fact {
  id: string;
  /** the spec's value as written (`30 days`), absent for agree-only facts */
  value?: string;
  says: Phrase[];
  message?: string;
  pos: SpecPos;
  valuePos?: SpecPos;
}

export type ClaimStatus = 'forbidden' | 'allowed' | 'needs-evidence';

export interface Claim {
  id: string;
  says: Phrase[];
  status: ClaimStatus;
  message?: string;
  suggest?: string;
  /** apply `suggest` under --fix */
  fix: boolean;
  channels?: string[];
  requires: string[];
  /** ISO dates (YYYY-MM-DD), inclusive */
  valid?: { from?: string; until?: string };
  /** the claim is true only of products in these stock states (checked by stock/claim) */
  stock?: StockStatus[];
  pos: SpecPos;
}

export type StockStatus = 'in-stock' | 'limited' | 'backorder' | 'made-to-order' | 'preorder' | 'discontinued';

export interface Product {
  id: string;
  names: Phrase[];
  stock?: StockStatus;
  /** as written, e.g. `6-8 weeks` */
  leadTime?: string;
  pos: SpecPos;
}

export type Scope = 'sentence' | 'paragraph' | 'section' | 'document';

export interface Disclosure {
  id: string;
  when: Phrase[];
  include: Phrase[];
  within: Scope;
  before: boolean;
  channels?: string[];
  pos: SpecPos;
}

export interface Term {
  /** the term's id: its `use` text */
  id: string;
  use: string;
  not: Phrase[];
  channels?: string[];
  message?: string;
  pos: SpecPos;
}

export interface Exception {
  files: string;
  rule: string;
  item?: string;
  reason: string;
  approvedBy?: string;
  until?: string;
  pos: SpecPos;
}

export interface Spec {
  /** spec file path relative to the working folder */
  path: string;
  /** absolute path of the folder holding the spec; channel globs and ignores are relative to it */
  dir: string;
  /** SHA-256 of the spec file's bytes */
  sha256: string;
  version: 1;
  brand?: string;
  extends: string[];
  /** channel name -> globs, in the spec's order (the order breaks ties in fact/conflict) */
  channels: Array<{ name: string; globs: string[]; pos: SpecPos }>;
  facts: Fact[];
  claims: Claim[];
  products: Product[];
  /** availability promises: the spec's `promises.immediate`, or the built-in vocabulary */
  promises: { immediate: Phrase[]; fromSpec: boolean };
  disclosures: Disclosure[];
  terms: Term[];
  speakers: { ignore: string[] };
  /** rule id -> severity, or `off` */
  severity: Record<string, Severity | 'off'>;
  ignore: string[];
  formats: {
    csv?: { title?: string; text?: string; id?: string; channel?: string };
    markdown?: { fields: string[] };
  };
  exceptions: Exception[];
}
