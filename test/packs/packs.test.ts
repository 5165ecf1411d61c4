/**
 * The built-in packs: each loads and validates through `extends:`, and each of its items has
 * cases that fire and cases that must not, checked through the real engine.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { builtinPackDir } from '../../src/package-root.js';
import { loadSpec } from '../../src/spec/load.js';
import { lintRepo, tempRepo } from '../helpers/lint.js';

interface ItemCases {
  /** each text reports this item, with the rule named */
  fires: Array<{ text: string; rule: string }>;
  /** each text reports nothing about this item */
  quiet: string[];
}

const CASES: Record<string, Record<string, ItemCases>> = {
  'ftc-endorsements': {
    'material-connection': {
      fires: [
        { rule: 'disclosure/missing', text: 'This trip was sponsored, so thank you Glowlab!\n' },
        { rule: 'disclosure/missing', text: 'Shop my favourites with my affiliate link below.\n' },
        { rule: 'disclosure/missing', text: 'Use my code TRAIL20 for 20% off. #partner\n' },
        { rule: 'disclosure/missing', text: 'This serum was #gifted and I love it.\n' },
        { rule: 'disclosure/placement', text: 'Use my code TRAIL20 for 20% off! #hiking #gear #sponsored\n' },
        { rule: 'disclosure/placement', text: 'All links are affiliate links.\n\nI earn a commission if you buy.\n' },
      ],
      quiet: [
        '#ad Use my code TRAIL20 for 20% off!\n',
        'Some links on this page are affiliate links: if you buy through them, we may earn an affiliate commission.\n',
        'To see how affiliate links are tracked, open the Sources report.\n',
        'Acme partnered with a cloud provider to bring the runtime to more regions.\n',
        'The command exits with code 2 when the file is missing.\n',
        'If the file is missing, the command returns code 2.\n',
        'Employer-sponsored retirement plans often match contributions.\n',
        'Paid partnership with Acme Outdoor. Use my code TRAIL20 for 20% off.\n',
        'This post is sponsored by Glowlab.\n',
        'I may earn a commission from the affiliate links in this post.\n',
        'This review is not sponsored: I bought the tent myself.\n',
        'The sunrise from the ridge was worth the 4 am start.\n',
      ],
    },
    'typical-results': {
      fires: [
        { rule: 'disclosure/missing', text: '"I lost 30 pounds in three months on the plan!" - Dana, Ohio\n' },
        { rule: 'disclosure/missing', text: 'Jen made $5,000 a month from her spare room after the course.\n' },
      ],
      quiet: [
        '"I lost 30 pounds in three months!" - Dana. Results not typical: most members lose 1-2 pounds a month.\n',
        'Individual results may vary. "I made $2,000 in my first month." - Sam\n',
        'The pack lost 200 grams in the redesign.\n',
      ],
    },
  },
  'absolute-claims': {
    'guaranteed-results': {
      fires: [{ rule: 'claim/evidence', text: 'Guaranteed results in 30 days or less.\n' }],
      quiet: ['Results guaranteed, or your money back ([terms](https://example.com/guarantee)).\n', 'Satisfaction guaranteed.\n'],
    },
    'risk-free': {
      fires: [{ rule: 'claim/forbidden', text: 'Try it risk-free for 30 days.\n' }, { rule: 'claim/forbidden', text: 'There is zero risk to you.\n' }],
      quiet: ['Try it for 30 days with a money-back guarantee.\n'],
    },
    'number-one': {
      fires: [{ rule: 'claim/evidence', text: 'Ours is the #1 trail runner in America.\n' }, { rule: 'claim/evidence', text: 'We are the number one brand in outdoor gear.\n' }],
      quiet: ['Ours is the #1 trail runner in America ([Runner\'s World 2026 survey](https://example.com/survey)).\n', 'Our number one goal is comfort.\n', 'Step #1: unpack the tent.\n', 'Their #1 trail runner sold out in a day.\n', 'Video #1 goes live on Monday.\n', 'Why it is our #1 pick:\n', 'Start from #1 and work down the list.\n', 'Consistency is the #1 predictor of success.\n'],
    },
    best: {
      fires: [{ rule: 'claim/evidence', text: 'The best in the industry, hands down.\n' }, { rule: 'claim/evidence', text: 'A best-in-class waterproof shell.\n' }],
      quiet: ['The best way to pack a tent is to roll it.\n'],
    },
    superlative: {
      fires: [{ rule: 'claim/evidence', text: 'We make the quickest open-source search engine for your docs.\n' }, { rule: 'claim/evidence', text: 'Trailhead is our most trusted tent yet.\n' }],
      quiet: ['The quickest way to pitch a tent is to practise at home.\n', 'The report shows the most popular pages on your site.\n', 'Our lightest tent weighs 900 g ([spec sheet](https://example.com/spec)).\n'],
    },
    'absolutely-safe': {
      fires: [{ rule: 'claim/forbidden', text: 'Our sunscreen is 100% safe for kids.\n' }, { rule: 'claim/forbidden', text: 'Completely harmless to pets.\n' }],
      quiet: ['Tested for skin irritation on 200 adult volunteers.\n', 'It is not completely safe to leave the stove unattended.\n'],
    },
    cure: {
      fires: [{ rule: 'claim/forbidden', text: 'This balm cures eczema overnight.\n' }, { rule: 'claim/forbidden', text: 'It cured my back pain in a week.\n' }],
      quiet: ['This balm soothes dry skin.\n', 'It is not a cure for eczema.\n'],
    },
    'no-side-effects': {
      fires: [{ rule: 'claim/forbidden', text: 'All natural, with no side effects.\n' }, { rule: 'claim/forbidden', text: 'Fall asleep faster without side effects.\n' }],
      quiet: ['The most common side effect in the trial was mild drowsiness (4% of users).\n'],
    },
  },
  urgency: {
    scarcity: {
      fires: [
        { rule: 'stock/claim', text: 'Only 3 left in stock!\n' },
        { rule: 'stock/claim', text: 'The Summit Tent is selling fast.\n' },
        { rule: 'stock/claim', text: '---\nproduct: summit-tent\n---\n\nAlmost sold out: order today.\n' },
      ],
      quiet: ['Our Ember Lantern is almost sold out.\n', 'The Summit Tent is in stock in three colours.\n', 'We keep plenty of stock all season.\n', 'The colours are not in limited stock.\n'],
    },
    'limited-time': {
      fires: [{ rule: 'claim/forbidden', text: 'Free shipping for a limited time.\n' }, { rule: 'claim/forbidden', text: 'Offer ends tonight!\n' }],
      quiet: ['Free shipping on orders over $50.\n'],
    },
    'act-now': {
      fires: [{ rule: 'claim/forbidden', text: 'Act now and save.\n' }, { rule: 'claim/forbidden', text: "Don't miss out on the new colours.\n" }],
      quiet: ['Take your time: the price holds all season.\n', "You don't need to hurry; the price holds all season.\n"],
    },
  },
};

const PACKS = readdirSync(builtinPackDir())
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => name.replace(/\.ya?ml$/, ''))
  .sort();

/** The pack alone, with channels and two products for the items that read stock. */
const specFor = (pack: string) =>
  `version: 1\nextends: [${pack}]\nchannels:\n  marketing: ["marketing/**"]\nproducts:\n  summit-tent:\n    names: ["Summit Tent"]\n    stock: in-stock\n  ember-lantern:\n    names: ["Ember Lantern"]\n    stock: limited\n`;

describe('built-in packs', () => {
  it('are the three the docs describe', () => {
    expect(PACKS).toEqual(['absolute-claims', 'ftc-endorsements', 'urgency']);
  });

  for (const pack of PACKS) {
    describe(pack, () => {
      const dir = tempRepo({ 'onemessage.yaml': specFor(pack) });
      const loaded = loadSpec({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, knownRuleIds: rules.map((r) => r.meta.id) });
      const items = [...loaded.spec.claims, ...loaded.spec.disclosures, ...loaded.spec.facts, ...loaded.spec.products].filter((item) => item.pos.file === `pack:${pack}`);

      it('loads through extends with no warnings, every item positioned in the pack', () => {
        expect(loaded.warnings).toEqual([]);
        expect(items.length).toBeGreaterThan(0);
      });

      it('has cases for every item, and no cases for items it lacks', () => {
        expect(items.map((item) => item.id).sort()).toEqual(Object.keys(CASES[pack] ?? {}).sort());
      });

      for (const [id, cases] of Object.entries(CASES[pack] ?? {})) {
        expect(cases.fires.length).toBeGreaterThan(0);
        expect(cases.quiet.length).toBeGreaterThan(0);
        for (const { text, rule } of cases.fires) {
          it(`${id} fires (${rule}): ${text.trim()}`, async () => {
            const { findings } = await lintRepo({ 'onemessage.yaml': specFor(pack), 'marketing/post.md': text });
            expect(findings.filter((f) => f.item?.id === id).map((f) => f.ruleId)).toContain(rule);
          });
        }
        for (const text of cases.quiet) {
          it(`${id} stays quiet: ${text.trim()}`, async () => {
            const { findings } = await lintRepo({ 'onemessage.yaml': specFor(pack), 'marketing/post.md': text });
            expect(findings.filter((f) => f.item?.id === id).map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
          });
        }
      }
    });
  }
});
