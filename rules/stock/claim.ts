/** stock/claim: a claim true only of some stock states ("only 3 left") is made about a product in another state, or about none. */
import { asserts } from '../../src/match/types.js';
import type { DocumentRule } from '../../src/lint/rule.js';
import { itemRef, listWords, note, said } from '../helpers.js';
import { productLabel, productName, productsAbout } from './about.js';

const SPEC =
  'products:\n  summit-tent:\n    names: ["Summit Tent"]\n    stock: in-stock\n  ember-lantern:\n    names: ["Ember Lantern"]\n    stock: limited\nclaims:\n  - id: scarcity\n    says: ["only a few left", "selling fast"]\n    status: allowed\n    stock: [limited]';

export const stockClaim: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'stock/claim',
    description: 'A claim the spec limits to some stock states (`stock: [limited]`) is made about a product in another state, or about no product.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      noProduct: '"{{quote}}" ({{claim}}) is only true of a product whose stock is {{states}}, and it names no product the spec lists.{{note}}',
      wrongStock: '"{{quote}}" ({{claim}}) is only true of a product whose stock is {{states}}, but {{product}} is {{stock}}.{{note}}',
    },
    // Only claims limited to stock states can be made about the wrong product.
    triggers: (spec) => [{ kind: 'claim', items: spec.claims.filter((claim) => claim.stock !== undefined && claim.status !== 'forbidden').map((claim) => claim.id) }],
    docs: {
      details:
        'A claim with `stock` (the `urgency` pack\'s `scarcity` item, once overridden with `status: allowed` and `stock: [limited]`) is true only of products in those stock states. The product it is about is found as for `stock/promise` (same sentence, the only product of the paragraph or section, the front matter\'s `product:`). "Only a few left" about a product that is `in-stock` or `made-to-order` is fake scarcity; about no product at all, nothing in the spec backs it. A negated claim and a forbidden claim (reported by `claim/forbidden`) are not reported here.',
      bad: { spec: SPEC, text: 'The Summit Tent is selling fast this spring.\n' },
      good: { spec: SPEC, text: 'The Ember Lantern is selling fast this spring.\n' },
    },
  },
  check(context) {
    const { doc, items, matches, report } = context;
    const claims = items.claims;
    for (const match of matches.of('claim')) {
      const claim = claims.get(match.itemId);
      if (!claim?.stock || claim.status === 'forbidden' || !asserts(match)) continue;
      const states = listWords(claim.stock).replace(/ and /, ' or ');
      const quote = said(doc, match);
      const about = productsAbout(context, match);
      if (about.length === 0) {
        report({ messageId: 'noProduct', data: { quote, claim: claim.id, states, note: note(claim.message) }, start: match.start, end: match.end, item: itemRef('claim', claim) });
        continue;
      }
      for (const { product, mention, level } of about) {
        if (product.stock && claim.stock.includes(product.stock)) continue;
        const related = mention && level !== 'sentence' ? [{ kind: 'context' as const, start: mention.start, end: mention.end, message: `the ${level} is about ${productName(product)}` }] : [];
        report({
          messageId: 'wrongStock',
          data: { quote, claim: claim.id, states, product: productLabel(product), stock: product.stock ?? 'of unknown stock', note: note(claim.message) },
          start: match.start,
          end: match.end,
          item: itemRef('claim', claim),
          ...(related.length > 0 ? { relatedHere: related } : {}),
        });
      }
    }
  },
};
