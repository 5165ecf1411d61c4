/**
 * The loaded, validated and normalised spec: what the rest of onemessage reads. The YAML
 * shape is the contract in spec-v1.md; this is its normalised form, with a source position
 * for every item so that findings can point at the spec line.
 */
import type { Severity, SpecPos } from '../model/finding.js';
import type { Phrase, Quantity, QuantityKind, Scope } from '../match/types.js';

export type { SpecPos } from '../model/finding.js';
export type { Phrase, Scope } from '../match/types.js';

export interface Fact {
  id: string;
  /** the spec's value as written (`30 days`), absent for agree-only facts */
  value?: string;
  /** the value read as a quantity, once, when the spec is parsed */
  quantity?: Quantity;
  /**
   * What kind of quantity states the fact: declared (`kind: duration`) or the value's own. A
   * statement of another kind is no statement of this fact ("$10 of trial credit" is not a trial
   * length). Absent for an agree-only fact that declares none: then any kind is compared.
   */
  kind?: QuantityKind;
  says: Phrase[];
  /**
   * `about:` as written: words that name what the fact is about, so that a quantity of its kind
   * beside them is a statement of it even where no template matches. Absent: derived from `says`
   * when the spec is compiled; empty: the fact is stated only through its templates.
   */
  about?: Phrase[];
  /**
   * How an inferred statement's duration compares with the value: `calendar` (the default) reads
   * both as calendar days, a month being 28 to 31 of them, so "a month" states 30 days; `exact`
   * compares as templates do, so "a month" is not "30 days".
   */
  units?: 'calendar' | 'exact';
  message?: string;
  pos: SpecPos;
  valuePos?: SpecPos;
}

export type ClaimStatus = 'forbidden' | 'allowed' | 'needs-evidence';

export interface Claim {
  id: string;
  says: Phrase[];
  /** phrases in which the claim's phrases are not the claim ("best practice" for `best`) */
  unless: Phrase[];
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
  /** the lead time read as a duration, once, when the spec is parsed */
  lead?: Quantity;
  pos: SpecPos;
}


export interface Disclosure {
  id: string;
  when: Phrase[];
  /** phrases in which a trigger is not one ("affiliate links work" for `affiliate link`) */
  unless: Phrase[];
  include: Phrase[];
  within: Scope;
  before: boolean;
  /** a trigger counts only where it is framed as an endorsement ("my affiliate link", "links in this post") */
  endorsement: boolean;
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

/** A reader `formats.extensions` may name: a format module, or `json` for any JSON export (the vendors' shapes first). */
export type ReaderName = 'markdown' | 'mdx' | 'html' | 'text' | 'csv' | 'json' | 'zendesk' | 'helpscout' | 'freshdesk' | 'intercom';

export interface Exception {
  files: string;
  rule: string;
  item?: string;
  reason: string;
  approvedBy?: string;
  /** the offset of `pos` in its spec file and the text of that line, for reports that point at the exception */
  at: { offset: number; lineText: string };
  until?: string;
  pos: SpecPos;
}

/** A local module of custom rules the spec names in `plugins:`. */
export interface PluginRef {
  /** as written in the spec */
  entry: string;
  /** resolved against the folder of the spec file that names it */
  absPath: string;
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
  /** who owns the message (a team, a person, an address) */
  owner?: string;
  /** the message's own version, as the owner names it */
  revision?: string;
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
  /** internal notes (text only agents read): skipped (absent or `skip`), or checked in the `internal` channel */
  internal?: 'skip' | 'check';
  formats: {
    csv?: { title?: string; text?: string; id?: string; channel?: string };
    /** `mdx`: read `.md` files as MDX: `auto` (absent) when they look like MDX, `true` always, `false` never */
    markdown?: { fields: string[]; mdx?: 'auto' | boolean };
    /** component name (or `*`) -> the string props read as text */
    mdx?: { props: Record<string, string[]> };
    /** where a JSON macro export of another shape keeps its macros, and their keys */
    json?: { items?: string; title?: string; text?: string; id?: string; channel?: string };
    /** which reader reads which files: an extension (`.njk`) or a glob relative to the spec's folder, in the spec's order */
    extensions?: Array<{ pattern: string; reader: ReaderName; pos: SpecPos }>;
  };
  exceptions: Exception[];
  /** local modules of custom rules, in order, each once */
  plugins: PluginRef[];
}
