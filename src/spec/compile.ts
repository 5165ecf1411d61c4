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
import { BUILTIN_IDIOM_FILE, IDIOM_ITEM, IDIOM_TEMPLATES } from '../match/idioms.js';
import { parseTemplate, type Template } from '../match/template.js';
import { tokenize } from '../match/tokens.js';
import type { Phrase, PhraseKind, PhraseSelection, Quantity, SpecPhrase } from '../match/types.js';
import { BUILTIN_DELIVERY_FILE, DELIVERY_ITEM, DELIVERY_TEMPLATES } from './delivery.js';
import { factTopics, type FactTopics } from './topics.js';
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
let idiomPhrases: Phrase[] | undefined;

/** The built-in idioms (src/match/idioms.ts), compiled once per process. */
export function builtinIdiomPhrases(): Phrase[] {
  idiomPhrases ??= compileBuiltinPhrases(IDIOM_TEMPLATES, BUILTIN_IDIOM_FILE);
  return idiomPhrases;
}

const COMMON_NAME_WORDS = new Set(['the', 'and', 'for', 'pro', 'plus', 'max', 'mini', 'inc', 'ltd', 'llc', 'gmbh', 'company', 'group', 'labs', 'app', 'one', 'new']);

/** Words of the brand's and the products' names: what a superlative may be about besides a product noun. */
export function offerWords(spec: Spec): string[] {
  const names = [spec.brand ?? '', ...spec.products.flatMap((p) => p.names.filter((n) => !n.isRegex).map((n) => n.source))];
  // Numbers and short words ("45" in "TrailPack 45", "co") name nothing on their own.
  return [...new Set(names.flatMap((name) => tokenize(name).words))].filter((word) => word.length >= 3 && /\p{L}/u.test(word) && !COMMON_NAME_WORDS.has(word));
}

/** The built-in delivery-time vocabulary, compiled once per process. */
export function builtinDeliveryPhrases(): Phrase[] {
  deliveryPhrases ??= compileBuiltinPhrases(DELIVERY_TEMPLATES, BUILTIN_DELIVERY_FILE, { allowValue: true });
  return deliveryPhrases;
}

/** Spec items by id, for rules that start from a match's item id. */
export interface SpecIndex {
  facts: ReadonlyMap<string, Fact>;
  /** fact id -> its topic, for facts with a value whose topic is compiled (see `CompileOptions.topics`) */
  topics: ReadonlyMap<string, FactTopics>;
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
  /** compile each fact's topic (its `about:` words) for statements inferred beyond templates; default false */
  topics?: boolean;
  /** the phrases that can set off an active rule (the rules' triggers); absent: every phrase */
  triggers?: readonly PhraseSelection[];
}

export function compileSpec(spec: Spec, options: CompileOptions = {}): CompiledSpec {
  const topics = new Map<string, FactTopics>();
  if (options.topics) {
    for (const fact of spec.facts) {
      const topic = factTopics(fact);
      if (topic && topic.phrases.length > 0) topics.set(fact.id, topic);
    }
  }
  const phrases = specPhrases(spec, topics);
  const isTrigger = triggerTest(options.triggers);
  // Only phrases that can set off a rule make a file worth parsing: with no product whose stock
  // allows it, "in stock" and "ships today" cannot.
  const prefilter = options.prefilter === false ? undefined : compilePrefilter(phrases.filter((p) => isTrigger(p.kind, p.itemId)));
  return {
    spec,
    phrases,
    items: {
      facts: new Map(spec.facts.map((item) => [item.id, item])),
      topics,
      claims: new Map(spec.claims.map((item) => [item.id, item])),
      products: new Map(spec.products.map((item) => [item.id, item])),
      disclosures: new Map(spec.disclosures.map((item) => [item.id, item])),
      terms: new Map(spec.terms.map((item) => [item.id, item])),
    },
    matcher: new Matcher(phrases, {
      ignoredSpeakers: spec.speakers.ignore,
      // Times of day are quantities only where a fact's value is one, so "9:00" is not otherwise read.
      times: spec.facts.some((fact) => fact.quantity?.kind === 'time'),
      offerWords: offerWords(spec),
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

/** Every phrase of the spec, in spec order (with the facts' topics given), then the built-in delivery times. */
export function specPhrases(spec: Spec, topics: ReadonlyMap<string, FactTopics> = new Map()): SpecPhrase[] {
  const out: SpecPhrase[] = [];
  const add = (kind: PhraseKind, itemId: string, phrases: Phrase[]) => {
    for (const phrase of phrases) out.push({ kind, itemId, phrase });
  };
  for (const fact of spec.facts) add('fact', fact.id, fact.says);
  for (const [id, topic] of topics) add('topic', id, topic.phrases);
  for (const claim of spec.claims) {
    add('claim', claim.id, claim.says);
    add('claim-unless', claim.id, claim.unless);
  }
  for (const product of spec.products) add('product', product.id, product.names);
  add('promise', 'immediate', spec.promises.immediate);
  for (const disclosure of spec.disclosures) {
    add('disclosure-when', disclosure.id, disclosure.when);
    add('disclosure-unless', disclosure.id, disclosure.unless);
    add('disclosure-include', disclosure.id, disclosure.include);
  }
  for (const term of spec.terms) add('term', term.id, term.not);
  add('delivery', DELIVERY_ITEM, builtinDeliveryPhrases());
  // Idioms matter only where a claim or a trigger can match.
  if (spec.claims.length > 0 || spec.disclosures.some((d) => d.when.length > 0)) add('idiom', IDIOM_ITEM, builtinIdiomPhrases());
  return out;
}
