import { describe, expect, it } from 'vitest';
import { draftYaml } from '../../src/discover/draft.js';
import { claimsOf, isOfferClaim } from '../../src/discover/claims.js';
import { groupStatements, mergeTemplates } from '../../src/discover/group.js';
import { tokenize } from '../../src/match/tokens.js';
import type { TextBlock } from '../../src/model/document.js';
import { renderDiscovery } from '../../src/discover/render.js';
import { parseSpec } from '../../src/spec/parse.js';
import { statementsOf } from '../../src/discover/statements.js';
import type { QuantityStatement } from '../../src/discover/types.js';
import { describeQuantity, quantityKey } from '../../src/match/quantity.js';

/** Statements of each sentence as if each were its own document in the given channel. */
function statements(sentences: Array<[string, string]>): QuantityStatement[] {
  return sentences.flatMap(([channel, text], doc) =>
    statementsOf(text).map((found) => ({
      doc,
      block: 0,
      quantity: found.quantity,
      value: describeQuantity(found.quantity),
      valueKey: quantityKey(found.quantity),
      key: found.key,
      topic: found.topic,
      ...(found.qualifier !== undefined ? { qualifier: found.qualifier } : {}),
      template: found.template,
      place: { path: `${channel}/page-${doc}.md`, line: 1, column: found.quantity.start + 1, channel, excerpt: text },
    })),
  );
}

describe('statementsOf', () => {
  it('reads the topic from the words around the quantity and keeps its own wording as a template', () => {
    expect(statementsOf('Packs, tents and stoves for every trail, with a 30-day return policy.').map((s) => [s.key, s.template])).toEqual([['returns|duration|', '{value} return']]);
    expect(statementsOf('You can return your order within 14 days of delivery for a full refund.').map((s) => [s.key, s.template])).toEqual([['returns|duration|', 'return your order within {value}']]);
    expect(statementsOf('Free shipping on orders over $50, and a 60-day money-back guarantee.').map((s) => [s.key, s.template])).toEqual([
      ['shipping|money|free', 'free shipping on orders over {value}'],
      ['returns|duration|', '{value} money-back guarantee'],
    ]);
    expect(statementsOf('Orders over $50 ship free.').map((s) => s.template)).toEqual(['orders over {value} ship free']);
    expect(statementsOf('Save 20% with annual billing on any plan.').map((s) => [s.key, s.template])).toEqual([['discount|percent|annual', 'save {value} with annual billing']]);
    expect(statementsOf('Every plan includes 10 GB of storage and 24/7 support.').map((s) => [s.key, s.template])).toEqual([
      ['limit|size|storage', '{value} of storage'],
      ['support|always|', '{value} support'],
    ]);
  });

  it('skips codes and counts that are articles: a status code, "1 site", "2 files"', () => {
    expect(statementsOf('Each 404 error page counts as one of the 404 events you track.')).toEqual([]);
    expect(statementsOf('Add 1 site to the dashboard, then upload 2 files.')).toEqual([]);
    expect(statementsOf('Every plan includes 10 sites.').map((s) => s.key)).toEqual(['limit|number|site']);
  });

  it('skips what no topic head claims, and negated statements', () => {
    expect(statementsOf('The frame is tested to carry 60 lb for 1,000 miles.')).toEqual([]);
    expect(statementsOf('Five days on the Lost Coast Trail.')).toEqual([]);
    expect(statementsOf('We do not offer a 30-day return on clearance items.')).toEqual([]);
  });
});

describe('groupStatements', () => {
  it('puts three phrasings of one fact in one group, with every value and the majority first', () => {
    const groups = groupStatements(
      statements([
        ['marketing', 'Every order comes with a 30-day return policy.'],
        ['sales', 'You can return it within 30 days if it does not fit.'],
        ['support', 'You can return it within 14 days of delivery.'],
        ['marketing', 'Try it risk-free with our 60-day money-back guarantee.'],
      ]),
    );
    expect(groups.map((g) => g.id)).toEqual(['return-window']);
    const [group] = groups;
    expect(group!.agree).toBe(false);
    expect(group!.values.map((v) => [v.value, v.count, v.channels])).toEqual([
      ['30 days', 2, { marketing: 1, sales: 1 }],
      ['14 days', 1, { support: 1 }],
      ['60 days', 1, { marketing: 1 }],
    ]);
    expect(group!.channels).toEqual(['marketing', 'sales', 'support']);
    expect(group!.says).toEqual(['return it within {value}', '{value} return', '{value} money-back guarantee']);
  });

  it('keeps two facts that share a number apart', () => {
    const groups = groupStatements(
      statements([
        ['marketing', 'Start your 30-day trial today.'],
        ['sales', 'Every plan starts with a 30-day free trial.'],
        ['marketing', 'Not happy? We offer 30-day returns.'],
        ['support', 'Items can be returned within 30 days.'],
      ]),
    );
    expect(groups.map((g) => [g.id, g.values.map((v) => v.value), g.statements.length])).toEqual([
      ['return-window', ['30 days'], 2],
      ['trial-length', ['30 days'], 2],
    ]);
    expect(groups.every((g) => g.agree)).toBe(true);
  });

  it('keeps the annual discount apart from a sale, and puts conflicting groups first', () => {
    const groups = groupStatements(
      statements([
        ['marketing', 'Save 20% with annual billing.'],
        ['sales', 'Customers save 15% with annual billing.'],
        ['marketing', 'Black Friday: 40% off everything.'],
        ['support', 'This weekend only, 40% off everything.'],
      ]),
    );
    expect(groups.map((g) => [g.id, g.agree, g.values.map((v) => v.value)])).toEqual([
      ['annual-discount', false, ['20%', '15%']],
      ['discount', true, ['40%']],
    ]);
  });

  it('needs two statements to call something a fact', () => {
    expect(groupStatements(statements([['marketing', 'Start your 14-day free trial.']]))).toEqual([]);
  });
});

describe('mergeTemplates', () => {
  it('folds templates that differ in the middle into alternatives', () => {
    expect(mergeTemplates(['return it within {value}', 'return your order within {value}', '{value} return'])).toEqual(['return (it|your order) within {value}', '{value} return']);
    expect(mergeTemplates(['free shipping on orders over {value}', 'free shipping over {value}'])).toEqual(['free shipping (on orders)? over {value}']);
  });
});

describe('a tie', () => {
  const groups = () =>
    groupStatements(
      statements([
        ['marketing', 'Every order comes with a 30-day return policy.'],
        ['support', 'You can return it within 14 days of delivery.'],
      ]),
    );
  const discovery = (facts = groups()) => ({ files: [], channels: [], channelSource: { kind: 'folders' as const }, facts, claims: [], products: [], promises: [], ignoredSpeakers: [], warnings: [] });

  it('is a tie, whatever the order of reading: no value is the majority', () => {
    expect(groups().map((g) => [g.agree, g.tie, g.values.map((v) => v.count)])).toEqual([[false, true, [1, 1]]]);
  });

  it('is written into the draft as a choice, never as the value, and the summary says so', () => {
    const draft = draftYaml(discovery(), { fileName: 'onemessage.discovered.yaml' });
    expect(draft).toContain('  #   30 days (tie): once (marketing 1)');
    expect(draft).toContain('  #   14 days (tie): once (support 1)');
    expect(draft).toContain('  # TIE: no value is proposed (30 days vs 14 days); choose the one the company means, then uncomment:');
    expect(draft).not.toMatch(/^ +value: /m);
    expect(draft).not.toContain('majority');
    const loaded = parseSpec(draft, 'onemessage.discovered.yaml', { knownRuleIds: [], absPath: '/draft/onemessage.discovered.yaml' });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.spec!.facts).toEqual([]);
    expect(renderDiscovery(discovery(), 'stylish', { color: false })).toContain('return-window  2 values in 2 statements, channels marketing, support, a tie: no value proposed');
    expect(renderDiscovery(discovery(), 'markdown', { color: false })).toContain('a tie: no value proposed');
    expect(JSON.parse(renderDiscovery(discovery(), 'json', { color: false })).facts[0].tie).toBe(true);
  });
});

describe('claim candidates: claims about the offer, judged as the claim rules judge them', () => {
  const candidates = (text: string) => {
    const block = { kind: 'paragraph' as const, text, start: 0, end: text.length, segments: [] } as unknown as TextBlock;
    const tokens = tokenize(text);
    return claimsOf(text, tokens)
      .filter((claim) => isOfferClaim({ block, tokens, claim, offerWords: new Set() }))
      .map((claim) => claim.phrase);
  };

  it('keeps superlatives and absolutes about what we offer', () => {
    expect(candidates('We make the lightest tents on the market, with a lifetime warranty.')).toEqual(['lightest tents', 'lifetime warranty']);
    expect(candidates('Readers have the Summit 2 #1 rated for comfort.')).toEqual(['#1 rated']);
  });

  it('drops the ways, the steps, the behaviour words and the measures', () => {
    expect(candidates('The easiest way to add a goal is the quickest way to learn.')).toEqual([]);
    expect(candidates('The report always returns the most visited pages and never counts bots.')).toEqual([]);
    expect(candidates('A bounce rate of 100% of the visits means zero conversions.')).toEqual([]);
  });
});
