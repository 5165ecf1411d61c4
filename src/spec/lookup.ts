/** Spec items by id, built once per spec, for rules that start from a match's item id. */
import type { Claim, Disclosure, Fact, Product, Spec, Term } from './types.js';

export interface SpecIndex {
  facts: Map<string, Fact>;
  claims: Map<string, Claim>;
  products: Map<string, Product>;
  disclosures: Map<string, Disclosure>;
  terms: Map<string, Term>;
}

const cache = new WeakMap<Spec, SpecIndex>();

export function indexOf(spec: Spec): SpecIndex {
  let index = cache.get(spec);
  if (!index) {
    index = {
      facts: new Map(spec.facts.map((item) => [item.id, item])),
      claims: new Map(spec.claims.map((item) => [item.id, item])),
      products: new Map(spec.products.map((item) => [item.id, item])),
      disclosures: new Map(spec.disclosures.map((item) => [item.id, item])),
      terms: new Map(spec.terms.map((item) => [item.id, item])),
    };
    cache.set(spec, index);
  }
  return index;
}

/** Whether an item limited to `channels` applies to a document in `channel` (no channel: not limited). */
export function appliesIn(channels: string[] | undefined, channel: string | undefined): boolean {
  if (!channels) return true;
  return channel !== undefined && channels.includes(channel);
}
