/**
 * The compile step, the one place a phrase template or a spec value is parsed. The spec parser
 * compiles each phrase and value as it reads them (so a bad one is reported at its line), and
 * `compileSpec` then builds, once per run and once per worker, what linting needs from the
 * spec: every phrase with the item it belongs to, the items by id, the matcher and the
 * prefilter. Nothing else parses a template, a spec quantity or a number word.
 */
import { Matcher } from '../match/matcher.js';
import { compilePrefilter, type Prefilter } from '../match/prefilter.js';
import { parseQuantity } from '../match/quantity.js';
import { parseTemplate, type Template } from '../match/template.js';
import type { Phrase, PhraseKind, PhraseSelection, Quantity, SpecPhrase } from '../match/types.js';
import { BUILTIN_DELIVERY_FILE, DELIVERY_ITEM, DELIVERY_TEMPLATES } from './delivery.js';
import type { Claim, Disclosure, Fact, Product, Spec, Term } from './types.js';

export type { SpecPhrase } from '../match/types.js';

/** Phrase kinds whose templates may hold `{value}`: facts, and the built-in delivery times. */
export function takesValue(kind: PhraseKind): boolean {
  return kind === 'fact' || kind === 'delivery';
}

/** Parses a template; throws TemplateSyntaxError (with the index of the character at fault). */
export function compileTemplate(source: string, options: { allowValue: boolean }): Template {
  return parseTemplate(source, options);
}

/** A spec value (a fact's `value`, a product's `lead-time`) as one quantity, or undefined when it is none. */
export function compileValue(text: string): Quantity | undefined {
  return parseQuantity(text);
}

/** Built-in phrases (a vocabulary in code), each positioned at its line in the list. */
export function compileBuiltinPhrases(sources: readonly string[], file: string, options: { allowValue: boolean } = { allowValue: false }): Phrase[] {
  return sources.map((source, index) => ({ source, isRegex: false, pos: { file, line: index + 1, column: 1 }, template: compileTemplate(source, options) }));
}

let deliveryPhrases: Phrase[] | undefined;

/** The built-in delivery-time vocabulary, compiled once per process. */
export function builtinDeliveryPhrases(): Phrase[] {
  deliveryPhrases ??= compileBuiltinPhrases(DELIVERY_TEMPLATES, BUILTIN_DELIVERY_FILE, { allowValue: true });
  return deliveryPhrases;
}

/** Spec items by id, for rules that start from a match's item id. */
export interface SpecIndex {
  facts: ReadonlyMap<string, Fact>;
  claims: ReadonlyMap<string, Claim>;
  products: ReadonlyMap<string, Product>;
  disclosures: ReadonlyMap<string, Disclosure>;
  terms: ReadonlyMap<string, Term>;
}

/** What linting needs from a spec, built once. */
export interface CompiledSpec {
  spec: Spec;
  /** every phrase of the spec with the item it belongs to, in spec order, then the built-in delivery times */
  phrases: SpecPhrase[];
  items: SpecIndex;
  matcher: Matcher;
  /** proves files free of trigger phrases so they need no parse; absent: every file is parsed */
  prefilter?: Prefilter;
  /** whether a match of this kind and item can set off an active rule (what the prefilter looks for) */
  isTrigger(kind: PhraseKind, itemId: string): boolean;
}

export interface CompileOptions {
  /** default true; false when some active rule reports without a phrase match */
  prefilter?: boolean;
  /** the phrases that can set off an active rule (the rules' triggers); absent: every phrase */
  triggers?: readonly PhraseSelection[];
}

export function compileSpec(spec: Spec, options: CompileOptions = {}): CompiledSpec {
  const phrases = specPhrases(spec);
  const isTrigger = triggerTest(options.triggers);
  // Only phrases that can set off a rule make a file worth parsing: with no product whose stock
  // allows it, "in stock" and "ships today" cannot.
  const prefilter = options.prefilter === false ? undefined : compilePrefilter(phrases.filter((p) => isTrigger(p.kind, p.itemId)));
  return {
    spec,
    phrases,
    items: {
      facts: new Map(spec.facts.map((item) => [item.id, item])),
      claims: new Map(spec.claims.map((item) => [item.id, item])),
      products: new Map(spec.products.map((item) => [item.id, item])),
      disclosures: new Map(spec.disclosures.map((item) => [item.id, item])),
      terms: new Map(spec.terms.map((item) => [item.id, item])),
    },
    matcher: new Matcher(phrases, {
      ignoredSpeakers: spec.speakers.ignore,
      // Times of day are quantities only where a fact's value is one, so "9:00" is not otherwise read.
      times: spec.facts.some((fact) => fact.quantity?.kind === 'time'),
    }),
    ...(prefilter ? { prefilter } : {}),
    isTrigger,
  };
}

/** The test for trigger phrases: every phrase when no selection is given. */
function triggerTest(selections: readonly PhraseSelection[] | undefined): (kind: PhraseKind, itemId: string) => boolean {
  if (selections === undefined) return () => true;
  const allOf = new Set<PhraseKind>();
  const items = new Set<string>();
  for (const { kind, items: ids } of selections) {
    if (ids === undefined) allOf.add(kind);
    else for (const id of ids) items.add(`${kind}\u0000${id}`);
  }
  return (kind, itemId) => allOf.has(kind) || items.has(`${kind}\u0000${itemId}`);
}

/** Every phrase of the spec, in spec order, then the built-in delivery times. */
export function specPhrases(spec: Spec): SpecPhrase[] {
  const out: SpecPhrase[] = [];
  const add = (kind: PhraseKind, itemId: string, phrases: Phrase[]) => {
    for (const phrase of phrases) out.push({ kind, itemId, phrase });
  };
  for (const fact of spec.facts) add('fact', fact.id, fact.says);
  for (const claim of spec.claims) add('claim', claim.id, claim.says);
  for (const product of spec.products) add('product', product.id, product.names);
  add('promise', 'immediate', spec.promises.immediate);
  for (const disclosure of spec.disclosures) {
    add('disclosure-when', disclosure.id, disclosure.when);
    add('disclosure-include', disclosure.id, disclosure.include);
  }
  for (const term of spec.terms) add('term', term.id, term.not);
  add('delivery', DELIVERY_ITEM, builtinDeliveryPhrases());
  return out;
}
