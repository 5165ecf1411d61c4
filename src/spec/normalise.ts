/**
 * Turns one spec file's schema-checked data into normalised items with source positions, and
 * runs the checks that need only that file: phrases, dates, duplicate ids, rule ids. Checks
 * that need the merged spec (channel and disclosure names) are recorded as references.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Severity } from '../model/finding.js';
import { KIND_NAMES, kindName } from '../match/quantity.js';
import { compileValue } from './compile.js';
import { displayPath, quote } from './describe.js';
import { specError } from './errors.js';
import { leadTimeProblem } from './lead-time.js';
import { checkPhrase } from './phrases.js';
import type { PhraseRules, RawPhrase } from './phrases.js';
import type { Claim, ClaimStatus, Disclosure, Exception, Fact, Phrase, Product, ReaderName, Scope, Spec, SpecPos, StockStatus, Term } from './types.js';
import { nodeAt, positionOf, positionOfKey, positionOfPath } from './yaml-source.js';
import type { PathSegment, SpecSource } from './yaml-source.js';

/** The shape the schema guarantees. */
export interface RawSpec {
  version: 1;
  brand?: string;
  owner?: string;
  revision?: string;
  extends?: string[];
  channels?: Record<string, string | string[]>;
  facts?: Record<string, { value?: string | number; kind?: string; says?: RawPhrase[]; about?: RawPhrase[]; units?: 'calendar' | 'exact'; message?: string }>;
  claims?: Array<{
    id: string;
    says: RawPhrase[];
    unless?: RawPhrase[];
    status: ClaimStatus;
    message?: string;
    suggest?: string;
    fix?: boolean;
    channels?: string[];
    requires?: string[];
    valid?: { from?: string; until?: string };
    stock?: StockStatus[];
  }>;
  products?: Record<string, { names: RawPhrase[]; stock?: StockStatus; 'lead-time'?: string }>;
  promises?: { immediate?: RawPhrase[] };
  disclosures?: Record<string, { when?: RawPhrase[]; unless?: RawPhrase[]; include: RawPhrase[]; within?: Scope; before?: boolean; endorsement?: boolean; channels?: string[] }>;
  terms?: Array<{ use: string; not: RawPhrase[]; channels?: string[]; message?: string }>;
  speakers?: { ignore?: string[] };
  severity?: Record<string, Severity | 'off'>;
  ignore?: string[];
  internal?: 'skip' | 'check';
  formats?: {
    csv?: { title: string; text: string; id?: string; channel?: string };
    markdown?: { fields?: string[]; mdx?: 'auto' | boolean };
    mdx?: { props?: Record<string, string[]> };
    json?: { items?: string; title?: string; text?: string; id?: string; channel?: string };
    extensions?: Record<string, ReaderName>;
  };
  exceptions?: Array<{ files: string; rule: string; item?: string; reason: string; 'approved-by': string; until?: string }>;
  plugins?: string[];
}

/** A name an item uses that must be defined somewhere in the merged spec (a rule may come from a plugin). */
export interface Ref {
  kind: 'channel' | 'disclosure' | 'rule';
  name: string;
  pos: SpecPos;
  /** where it is written, for messages: `claims[0].channels` */
  where: string;
}

/** An item with the names it refers to. */
export interface Entry<T> {
  item: T;
  refs: Ref[];
  /**
   * Written without the keys that define it (a fact without `says`): it changes only the keys it
   * writes of the item of the same id in the specs this one extends, which merging fills in.
   */
  partial?: true;
}

/** One spec file, normalised; merged with the files it extends to make the Spec. */
export interface SpecPart {
  file: string;
  brand?: string;
  owner?: string;
  revision?: string;
  extends: Array<{ entry: string; pos: SpecPos }>;
  channels: Map<string, { globs: string[]; pos: SpecPos }>;
  facts: Map<string, Entry<Fact>>;
  claims: Map<string, Entry<Claim>>;
  products: Map<string, Entry<Product>>;
  disclosures: Map<string, Entry<Disclosure>>;
  terms: Map<string, Entry<Term>>;
  promises?: Phrase[];
  speakersIgnore: string[];
  severity: Map<string, Severity | 'off'>;
  ignore: string[];
  internal?: 'skip' | 'check';
  /** as the Spec's, but a file may set one markdown key and leave the other to the file it extends */
  formats: Omit<Spec['formats'], 'markdown'> & { markdown?: { fields?: string[]; mdx?: 'auto' | boolean } };
  exceptions: Exception[];
  /** `plugins:` entries as written; the loader resolves them against this file's folder */
  plugins: Array<{ entry: string; pos: SpecPos; absPath?: string }>;
  /** rule ids named in `severity` and `exceptions`, checked once plugins are known */
  ruleRefs: Ref[];
}

const ANYWHERE: PhraseRules = { allowValue: false, requireValue: false };
const IN_FACT: PhraseRules = { allowValue: true, requireValue: true };

/** Normalises one file's data; `errors` collects what is wrong with it. */
export function normaliseSpec(options: { source: SpecSource; data: RawSpec }): { part: SpecPart; errors: Diagnostic[] } {
  const { source, data } = options;
  const errors: Diagnostic[] = [];
  const fail = (message: string, pos: SpecPos): void => {
    errors.push(specError(message, pos.file, pos.line, pos.column));
  };
  const posOf = (path: readonly PathSegment[]): SpecPos => positionOfPath(source, path);
  const keyPos = (path: readonly PathSegment[], key: string): SpecPos => positionOfKey(source, path, key);
  const phrases = (path: readonly PathSegment[], raws: RawPhrase[] | undefined, rules: PhraseRules): Phrase[] =>
    (raws ?? []).map((raw, index) => checkPhrase({ source, path: [...path, index], raw, rules, errors }));
  const refs = (kind: Ref['kind'], path: readonly PathSegment[], names: string[] | undefined): Ref[] =>
    (names ?? []).map((name, index) => ({ kind, name, pos: posOf([...path, index]), where: displayPath(path) }));
  const date = (path: readonly PathSegment[], value: string | undefined): string | undefined => {
    if (value !== undefined && !isRealDate(value)) fail(`expected a real date at ${displayPath(path)}, found ${quote(value)}`, posOf(path));
    return value;
  };

  const part: SpecPart = {
    file: source.file,
    extends: (data.extends ?? []).map((entry, index) => ({ entry, pos: posOf(['extends', index]) })),
    channels: new Map(),
    facts: new Map(),
    claims: new Map(),
    products: new Map(),
    disclosures: new Map(),
    terms: new Map(),
    speakersIgnore: [...(data.speakers?.ignore ?? [])],
    severity: new Map(),
    ignore: [...(data.ignore ?? [])],
    formats: {},
    exceptions: [],
    plugins: (data.plugins ?? []).map((entry, index) => ({ entry, pos: posOf(['plugins', index]) })),
    ruleRefs: [],
  };
  if (data.brand !== undefined) part.brand = data.brand;
  if (data.internal !== undefined) part.internal = data.internal;
  if (data.owner !== undefined) part.owner = data.owner;
  if (data.revision !== undefined) part.revision = data.revision;

  for (const [name, globs] of Object.entries(data.channels ?? {})) {
    part.channels.set(name, { globs: typeof globs === 'string' ? [globs] : [...globs], pos: keyPos(['channels'], name) });
  }

  for (const [id, raw] of Object.entries(data.facts ?? {})) {
    const path = ['facts', id];
    const fact: Fact = { id, says: phrases([...path, 'says'], raw.says, IN_FACT), pos: keyPos(['facts'], id) };
    if (raw.value !== undefined) {
      fact.value = String(raw.value);
      fact.valuePos = posOf([...path, 'value']);
      const quantity = compileValue(fact.value);
      if (quantity) fact.quantity = quantity;
      // A value the recogniser cannot read could never be compared: refuse it now, not silently later.
      else {
        fail(`expected a quantity at facts.${id}.value (a number, money, percentage, duration, range, time or 24/7), found ${quote(fact.value)}`, fact.valuePos);
      }
    }
    if (raw.kind !== undefined) {
      // The schema allows only the names KIND_NAMES knows.
      const declared = KIND_NAMES[raw.kind]!;
      if (fact.quantity && fact.quantity.kind !== declared) {
        fail(`facts.${id}.kind is ${raw.kind}, but its value ${quote(fact.value ?? '')} is ${kindName(fact.quantity.kind)}`, posOf([...path, 'kind']));
      }
      fact.kind = declared;
    } else if (fact.quantity) {
      fact.kind = fact.quantity.kind;
    }
    if (raw.about !== undefined) fact.about = phrases([...path, 'about'], raw.about, ANYWHERE);
    if (raw.units !== undefined) fact.units = raw.units;
    // Statements are inferred only against a value: on an agree-only fact these keys would do nothing.
    for (const key of ['about', 'units'] as const) {
      if (raw[key] !== undefined && raw.value === undefined) {
        fail(`facts.${id}.${key} needs a value: statements beyond the templates are inferred only for a fact with a value`, keyPos(path, key));
      }
    }
    if (raw.message !== undefined) fact.message = raw.message;
    part.facts.set(id, raw.says === undefined ? { item: fact, refs: [], partial: true } : { item: fact, refs: [] });
  }

  (data.claims ?? []).forEach((raw, index) => {
    const path = ['claims', index];
    const pos = positionOf(source, nodeAt(source, path));
    const earlier = part.claims.get(raw.id);
    if (earlier) {
      fail(`duplicate claim id ${quote(raw.id)}; it is already used on line ${earlier.item.pos.line}`, posOf([...path, 'id']));
      return;
    }
    const claim: Claim = {
      id: raw.id,
      says: phrases([...path, 'says'], raw.says, ANYWHERE),
      unless: phrases([...path, 'unless'], raw.unless, ANYWHERE),
      status: raw.status,
      fix: raw.fix ?? false,
      requires: [...(raw.requires ?? [])],
      pos,
    };
    if (raw.message !== undefined) claim.message = raw.message;
    if (raw.suggest !== undefined) claim.suggest = raw.suggest;
    if (raw.fix === true && raw.suggest === undefined) fail(`fix: true needs a suggest to apply in claims[${index}]`, posOf([...path, 'fix']));
    if (raw.channels !== undefined) claim.channels = [...raw.channels];
    if (raw.stock !== undefined) claim.stock = [...raw.stock];
    if (raw.valid !== undefined) {
      const from = date([...path, 'valid', 'from'], raw.valid.from);
      const until = date([...path, 'valid', 'until'], raw.valid.until);
      claim.valid = {};
      if (from !== undefined) claim.valid.from = from;
      if (until !== undefined) claim.valid.until = until;
      if (from !== undefined && until !== undefined && isRealDate(from) && isRealDate(until) && from > until) {
        fail(`valid.from ${from} is after valid.until ${until} in claims[${index}]`, posOf([...path, 'valid', 'from']));
      }
    }
    part.claims.set(raw.id, {
      item: claim,
      refs: [...refs('channel', [...path, 'channels'], raw.channels), ...refs('disclosure', [...path, 'requires'], raw.requires)],
    });
  });

  for (const [id, raw] of Object.entries(data.products ?? {})) {
    const product: Product = { id, names: phrases(['products', id, 'names'], raw.names, ANYWHERE), pos: keyPos(['products'], id) };
    if (raw.stock !== undefined) product.stock = raw.stock;
    if (raw['lead-time'] !== undefined) {
      product.leadTime = raw['lead-time'];
      const lead = compileValue(raw['lead-time']);
      if (lead) product.lead = lead;
      const problem = leadTimeProblem(raw['lead-time'], lead, displayPath(['products', id, 'lead-time']));
      if (problem) fail(problem, posOf(['products', id, 'lead-time']));
    }
    part.products.set(id, { item: product, refs: [] });
  }

  if (data.promises?.immediate !== undefined) part.promises = phrases(['promises', 'immediate'], data.promises.immediate, ANYWHERE);

  for (const [id, raw] of Object.entries(data.disclosures ?? {})) {
    const path = ['disclosures', id];
    const disclosure: Disclosure = {
      id,
      when: phrases([...path, 'when'], raw.when, ANYWHERE),
      unless: phrases([...path, 'unless'], raw.unless, ANYWHERE),
      include: phrases([...path, 'include'], raw.include, ANYWHERE),
      within: raw.within ?? 'paragraph',
      before: raw.before ?? false,
      endorsement: raw.endorsement ?? false,
      pos: keyPos(['disclosures'], id),
    };
    if (raw.channels !== undefined) disclosure.channels = [...raw.channels];
    part.disclosures.set(id, { item: disclosure, refs: refs('channel', [...path, 'channels'], raw.channels) });
  }

  (data.terms ?? []).forEach((raw, index) => {
    const path = ['terms', index];
    const key = raw.use.toLowerCase();
    const earlier = part.terms.get(key);
    if (earlier) {
      fail(`duplicate term ${quote(raw.use)}; ${quote(earlier.item.use)} is already defined on line ${earlier.item.pos.line}`, posOf([...path, 'use']));
      return;
    }
    const term: Term = { id: raw.use, use: raw.use, not: phrases([...path, 'not'], raw.not, ANYWHERE), pos: positionOf(source, nodeAt(source, path)) };
    if (raw.channels !== undefined) term.channels = [...raw.channels];
    if (raw.message !== undefined) term.message = raw.message;
    part.terms.set(key, { item: term, refs: refs('channel', [...path, 'channels'], raw.channels) });
  });

  for (const [ruleId, severity] of Object.entries(data.severity ?? {})) {
    part.ruleRefs.push({ kind: 'rule', name: ruleId, pos: keyPos(['severity'], ruleId), where: 'severity' });
    part.severity.set(ruleId, severity);
  }

  if (data.formats?.csv) part.formats.csv = { ...data.formats.csv };
  const markdown = data.formats?.markdown;
  if (markdown) part.formats.markdown = { ...(markdown.fields ? { fields: [...markdown.fields] } : {}), ...(markdown.mdx !== undefined ? { mdx: markdown.mdx } : {}) };
  if (data.formats?.mdx?.props) part.formats.mdx = { props: structuredClone(data.formats.mdx.props) };
  if (data.formats?.json) part.formats.json = { ...data.formats.json };
  if (data.formats?.extensions) {
    part.formats.extensions = Object.entries(data.formats.extensions).map(([pattern, reader]) => {
      const pos = keyPos(['formats', 'extensions'], pattern);
      const problem = readerPatternProblem(pattern);
      if (problem) fail(problem, pos);
      return { pattern, reader, pos };
    });
  }

  (data.exceptions ?? []).forEach((raw, index) => {
    const path = ['exceptions', index];
    part.ruleRefs.push({ kind: 'rule', name: raw.rule, pos: posOf([...path, 'rule']), where: `exceptions[${index}]` });
    const pos = positionOf(source, nodeAt(source, path));
    const exception: Exception = { files: raw.files, rule: raw.rule, reason: raw.reason, approvedBy: raw['approved-by'], pos, at: lineAt(source.text, pos) };
    if (raw.item !== undefined) exception.item = raw.item;
    const until = date([...path, 'until'], raw.until);
    if (until !== undefined) exception.until = until;
    part.exceptions.push(exception);
  });

  return { part, errors };
}

/**
 * A `formats.extensions` key is an extension (`.njk`) or a glob relative to the spec's folder (it
 * has a `/` or a glob character); a bare word is neither, and most likely a forgotten dot.
 */
function readerPatternProblem(pattern: string): string | undefined {
  if (/^\.[^/\\*?{}[\]!]+$/.test(pattern)) return undefined;
  if (/[/*?{}[\]]/.test(pattern)) return undefined;
  return `expected an extension such as ${quote(`.${pattern.replace(/^\.+/, '')}`)} or a glob with a "/" or "*" at formats.extensions, found ${quote(pattern)}`;
}

/** The offset of a line:column in the spec's text and that line's text: where exception/expired points. */
function lineAt(text: string, pos: SpecPos): { offset: number; lineText: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/(?<=\n)/);
  const offset = lines.slice(0, pos.line - 1).reduce((sum, line) => sum + line.length, 0) + pos.column - 1;
  return { offset, lineText: (lines[pos.line - 1] ?? '').replace(/\r?\n$/, '').trim() };
}

/** YYYY-MM-DD naming a day that exists (no 2026-02-30). */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
