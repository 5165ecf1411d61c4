/** stock/promise: immediate availability is promised for a product that is not available now. */
import type { DocumentRule } from '../../src/lint/rule.js';
import type { TextBlock } from '../../src/model/document.js';
import { sentenceIndexAt, sentencesOf } from '../../src/match/sentences.js';
import type { Match } from '../../src/match/types.js';
import { itemRef } from '../helpers.js';
import { productLabel, productName, productsAbout } from './about.js';
import { leadTimeOf, leadTimeWords, UNAVAILABLE } from './describe.js';

/** What may join two promises into one ("In stock and ready to ship"). */
const JOINER = /^\s*(?:,|&|\band\b|\bor\b|,\s*and\b|[-–—])?\s*$/i;

export const stockPromise: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'stock/promise',
    description: 'An immediate-availability promise is made about a product on backorder, made to order, on preorder or discontinued.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      promise: '"{{quote}}" promises immediate availability, but {{product}} {{state}}{{lead}}.',
    },
    // A promise can only be false of a product whose stock makes it so; a spec with none needs no promise read.
    triggers: (spec) => (spec.products.some((product) => UNAVAILABLE[product.stock ?? 'in-stock']) ? [{ kind: 'promise' }] : []),
    docs: {
      details:
        'A promise is a phrase of `promises.immediate`, or of the built-in vocabulary ("in stock", "ships today", "ready to ship", "available now"...) when the spec has none; a negated one ("not in stock", "no longer available") promises nothing. It is about a product named in the same sentence (in the same clause, when the sentence names several), else about the only product named in its paragraph, else in its section, else about the product the front matter names (`product: trailpack-45`). Where two products are named at the nearest level, the promise is about neither and nothing is reported; a promise about no product is not reported either. A promise in a question ("Is it in stock?") asks and promises nothing. Adjacent promises ("In stock and ready to ship") are reported once. A promise with a stated time ("ready to ship in 6-8 weeks") about a product with a `lead-time` is left to `stock/lead-time`.',
      bad: {
        spec: 'products:\n  trailpack-45:\n    names: ["TrailPack 45"]\n    stock: made-to-order\n    lead-time: 6-8 weeks',
        text: 'The TrailPack 45 is in stock and ready to ship.\n',
      },
      good: {
        spec: 'products:\n  trailpack-45:\n    names: ["TrailPack 45"]\n    stock: made-to-order\n    lead-time: 6-8 weeks',
        text: 'Each TrailPack 45 is made to order: plan on 6-8 weeks.\n',
      },
    },
  },
  check(context) {
    const { doc, matches, report } = context;
    const stated = matches.of('delivery').filter((m) => !m.negated && m.value?.quantity.kind === 'duration');
    const asserted = matches.of('promise').filter((m) => !m.negated && !inQuestion(doc.blocks[m.block]!, m));
    for (const group of joinedPromises(doc.blocks, asserted)) {
      for (const { product, mention, level } of productsAbout(context, group[0]!)) {
        const state = UNAVAILABLE[product.stock ?? 'in-stock'];
        if (!state) continue;
        // A promise with a time of its own is judged against the lead time by stock/lead-time.
        const own = leadTimeOf(product) ? group.filter((m) => !stated.some((d) => overlaps(d, m))) : group;
        const first = own[0];
        const last = own[own.length - 1];
        if (!first || !last) continue;
        const block = doc.blocks[first.block]!;
        const quote = block.text.slice(first.textStart, last.textEnd).replace(/\s+/g, ' ');
        const lead = leadTimeWords(product);
        const related = mention && level !== 'sentence' ? [{ kind: 'context' as const, start: mention.start, end: mention.end, message: `the ${level} is about ${productName(product)}` }] : [];
        report({
          messageId: 'promise',
          data: { quote, product: productLabel(product), state, lead: lead && product.stock !== 'discontinued' ? ` with ${lead}` : '' },
          start: first.start,
          end: last.end,
          item: itemRef('product', product),
          ...(related.length > 0 ? { relatedHere: related } : {}),
        });
      }
    }
  },
};

/** Promises in text order, adjacent ones in one group. */
function joinedPromises(blocks: ReadonlyArray<{ text: string }>, promises: Match[]): Match[][] {
  const sorted = [...promises].sort((a, b) => a.block - b.block || a.textStart - b.textStart);
  const groups: Match[][] = [];
  for (const match of sorted) {
    const current = groups[groups.length - 1];
    const previous = current?.[current.length - 1];
    if (current && previous && previous.block === match.block && match.textStart >= previous.textEnd && JOINER.test(blocks[match.block]!.text.slice(previous.textEnd, match.textStart))) {
      current.push(match);
    } else if (!(previous && previous.block === match.block && match.textStart < previous.textEnd)) {
      groups.push([match]);
    }
  }
  return groups;
}

/** "Is the TrailPack 45 in stock?" asks; it promises nothing. */
function inQuestion(block: TextBlock, match: Match): boolean {
  const [start, end] = sentencesOf(block)[sentenceIndexAt(block, match.textStart)] ?? [0, block.text.length];
  return /\?["'”’)\]]*\s*$/.test(block.text.slice(start, end)) && match.textEnd <= end;
}

function overlaps(a: Match, b: Match): boolean {
  return a.block === b.block && a.textStart < b.textEnd && b.textStart < a.textEnd;
}
