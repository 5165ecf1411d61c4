/** stock/lead-time: a stated delivery time is shorter than the product's lead time. */
import type { DocumentRule } from '../../src/lint/rule.js';
import { describeQuantity, durationInDays } from '../../src/match/quantity.js';
import { itemRef, said } from '../helpers.js';
import { productLabel, productName, productsAbout } from './about.js';
import { leadTimeOf, leadTimeWords } from './describe.js';

export const stockLeadTime: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'stock/lead-time',
    description: "A stated delivery or shipping time is shorter than the product's lead time.",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      tooSoon: '"{{quote}}" promises delivery in {{stated}}, but {{product}} has {{lead}}.',
    },
    // A stated delivery time can only be too short for a product with a lead time.
    triggers: (spec) => (spec.products.some((product) => leadTimeOf(product)) ? [{ kind: 'delivery' }] : []),
    docs: {
      details:
        'A delivery time is found by a built-in vocabulary ("ships in 3 days", "dispatched within 24 hours", "delivered within a week", "2-day shipping", "lead time is 10 business days"). It is about a product as in `stock/promise` (same sentence, the only product of the paragraph or section, or the front matter\'s `product:`). It is reported when its longest reading is shorter than the shortest reading of the product\'s `lead-time`, after converting both to days (a business day is 7/5 of a day, a month 30 days): "ships in 1-2 weeks" is fine for a 2-3 week lead time, "ships in 10 days" is not for 6-8 weeks.',
      bad: {
        spec: 'products:\n  trailpack-45:\n    names: ["TrailPack 45"]\n    stock: made-to-order\n    lead-time: 6-8 weeks',
        text: 'Order the TrailPack 45 today and it ships in 10 days.\n',
      },
      good: {
        spec: 'products:\n  trailpack-45:\n    names: ["TrailPack 45"]\n    stock: made-to-order\n    lead-time: 6-8 weeks',
        text: 'Order the TrailPack 45 today and it ships in 6-8 weeks.\n',
      },
    },
  },
  check(context) {
    const { doc, matches, report } = context;
    for (const match of matches.of('delivery')) {
      const value = match.value?.quantity;
      const statedDays = value && durationInDays(value);
      if (match.negated || !value || !statedDays) continue;
      for (const { product, mention, level } of productsAbout(context, match)) {
        const lead = leadTimeOf(product);
        if (!lead || statedDays.max >= lead.days.min) continue;
        const related = mention && level !== 'sentence' ? [{ kind: 'context' as const, start: mention.start, end: mention.end, message: `the ${level} is about ${productName(product)}` }] : [];
        report({
          messageId: 'tooSoon',
          data: { quote: said(doc, match), stated: describeQuantity(value), product: productLabel(product), lead: leadTimeWords(product) ?? '' },
          start: match.start,
          end: match.end,
          item: itemRef('product', product),
          ...(related.length > 0 ? { relatedHere: related } : {}),
        });
      }
    }
  },
};
