/**
 * Which products a place in a document is about, for the stock rules: a product named in the
 * same sentence (the same clause when the sentence names several), else the only product
 * named in the paragraph, else the only one named in the section, else the products the
 * document's front matter names. Two products at the nearest level make it ambiguous: nothing.
 */
import type { DocumentContext } from '../../src/lint/rule.js';
import { inScope, scopeOf, type TextPlace } from '../../src/match/scope.js';
import type { Match } from '../../src/match/types.js';
import type { Product, Scope } from '../../src/spec/types.js';

export interface About {
  product: Product;
  /** where the document names the product (absent when only its front matter does) */
  mention?: Match;
  /** how the product was found */
  level: Scope;
}

/** Words that start a new clause about something else within one sentence. */
const CLAUSE_BREAK = /;|\s[—–]\s|\b(?:but|while|whereas|unlike|however)\b/gi;

export function productsAbout(context: Pick<DocumentContext, 'doc' | 'items' | 'matches'>, place: TextPlace): About[] {
  const { doc, items, matches } = context;
  const products = items.products;
  const mentions = matches.of('product').filter((m) => products.has(m.itemId));
  const about = (list: Match[], level: Scope): About[] => {
    const byProduct = new Map<string, Match>();
    for (const m of list) if (!byProduct.has(m.itemId)) byProduct.set(m.itemId, m);
    return [...byProduct].map(([id, mention]) => ({ product: products.get(id)!, mention, level }));
  };

  const inSentence = mentions.filter((m) => inScope(scopeOf(doc, place, 'sentence'), m));
  if (inSentence.length > 0) return about(narrowToClause(doc.blocks[place.block]!.text, place, inSentence), 'sentence');
  for (const level of ['paragraph', 'section'] as const) {
    const range = scopeOf(doc, place, level);
    const found = about(nearestFirst(mentions.filter((m) => inScope(range, m)), place), level);
    if (found.length === 1) return found;
    if (found.length > 1) return [];
  }
  return (doc.products ?? []).flatMap((id) => {
    const product = products.get(id);
    return product ? [{ product, level: 'document' as const }] : [];
  });
}

/** Mentions in the place's own clause; failing that, the nearest one. */
function narrowToClause(text: string, place: TextPlace, mentions: Match[]): Match[] {
  if (new Set(mentions.map((m) => m.itemId)).size === 1) return mentions;
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => m.index);
  const clauseOf = (offset: number) => breaks.filter((b) => b <= offset).length;
  const own = mentions.filter((m) => clauseOf(m.textStart) === clauseOf(place.textStart));
  if (own.length > 0) return own;
  return nearestFirst(mentions, place).slice(0, 1);
}

/** Mentions ordered by distance from the place, the ones before it first at equal distance. */
function nearestFirst(mentions: Match[], place: TextPlace): Match[] {
  const distance = (m: Match) =>
    m.block !== place.block ? 1e9 + Math.abs(m.block - place.block) : m.textEnd <= place.textStart ? place.textStart - m.textEnd : m.textStart - place.textEnd + 0.5;
  return [...mentions].sort((a, b) => distance(a) - distance(b));
}

/** A product's name for messages: its first plain name ("TrailPack 45"), else its id. */
export function productName(product: Product): string {
  for (const name of product.names) {
    // A name of plain words, with no template syntax, is written as people write it.
    if (name.template?.nodes.every((n) => n.type === 'word') && !/[\\()|?{}]/.test(name.source)) return name.source;
  }
  return product.id;
}

/** "TrailPack 45 (trailpack-45)", or the id alone when it is the name. */
export function productLabel(product: Product): string {
  const name = productName(product);
  return name === product.id ? product.id : `${name} (${product.id})`;
}
