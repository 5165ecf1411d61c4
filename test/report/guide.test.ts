/** The messaging guide, rendered from a hand-built spec: sentences an employee can read, in Markdown and HTML. */
import { describe, expect, it } from 'vitest';
import { renderGuide } from '../../src/guide/guide.js';
import { globInWords, sayingsOf, titleOf } from '../../src/guide/wording.js';
import { describeQuantity, parseQuantity, quantityFromKey, quantityKey } from '../../src/match/quantity.js';
import { readablePhrase } from '../../src/match/readable.js';
import type { MatrixRow } from '../../src/model/result.js';
import { cspHash } from '../../src/report/html-page.js';
import { compileTemplate } from '../../src/spec/compile.js';
import type { Phrase, Spec, SpecPos } from '../../src/spec/types.js';

let line = 0;
const pos = (): SpecPos => ({ file: 'onemessage.yaml', line: ++line, column: 5 });
const p = (source: string): Phrase => ({ source, isRegex: false, pos: pos(), template: compileTemplate(source, { allowValue: true }) });
const days30 = { text: '30 days', quantity: parseQuantity('30 days')! };

/** The acme spec of spec-v1.md, normalised, with one hostile term. */
function acmeSpec(): Spec {
  return {
    path: 'onemessage.yaml',
    dir: '/home/acme/brand site',
    sha256: '0123456789abcdef'.repeat(4),
    version: 1,
    brand: 'Acme Outdoor',
    owner: 'Brand team, brand@acme.example',
    revision: '2026.2',
    extends: [],
    channels: [
      { name: 'marketing', globs: ['site/**'], pos: pos() },
      { name: 'sales', globs: ['sales/**'], pos: pos() },
      { name: 'support', globs: ['support/**', 'macros/*.json'], pos: pos() },
    ],
    facts: [
      {
        id: 'return-window',
        value: '30 days',
        quantity: days30.quantity,
        says: [p('{value} return'), p('{value} money-back guarantee'), p('return (it|them|your order)? within {value}')],
        message: 'Our return window is 30 days in every channel.',
        pos: pos(),
      },
      { id: 'free-shipping-minimum', value: '$50', quantity: parseQuantity('$50')!, says: [p('free shipping on orders (over|above) {value}')], pos: pos() },
      { id: 'annual-discount', says: [p('save {value} with annual billing')], pos: pos() },
    ],
    claims: [
      {
        id: 'best-in-industry',
        says: [p('best in the industry'), p('#1 rated'), p('number one')],
        unless: [],
        status: 'forbidden',
        message: 'Superiority claims need substantiation we do not have.',
        suggest: 'highly rated by our customers',
        fix: true,
        requires: [],
        pos: pos(),
      },
      { id: 'lifetime-warranty', says: [p('lifetime warranty')], unless: [], status: 'allowed', fix: false, channels: ['marketing', 'sales'], requires: [], pos: pos() },
      { id: 'clinically-tested', says: [p('clinically tested'), p('lab tested')], unless: [], status: 'needs-evidence', fix: false, requires: [], pos: pos() },
      { id: 'waterproof', says: [p('waterproof')], unless: [], status: 'allowed', fix: false, requires: ['ip-rating'], pos: pos() },
      { id: 'free-returns', says: [p('free returns')], unless: [], status: 'allowed', fix: false, requires: [], pos: pos() },
      {
        id: 'black-friday-40',
        says: [p('40% off everything')],
        unless: [],
        status: 'allowed',
        fix: false,
        requires: [],
        valid: { from: '2026-11-27', until: '2026-11-30' },
        pos: pos(),
      },
    ],
    products: [
      { id: 'trailpack-45', names: [p('TrailPack 45'), p('TP-45')], stock: 'made-to-order', leadTime: '6-8 weeks', pos: pos() },
      { id: 'summit-tent', names: [p('Summit Tent')], stock: 'in-stock', pos: pos() },
    ],
    promises: { immediate: [p('in stock'), p('ships (today|now)'), p('ready to ship')], fromSpec: true },
    disclosures: [
      {
        id: 'material-connection',
        when: [p('affiliate link'), p('sponsored')],
        unless: [],
        include: [p('#ad'), p('Paid partnership')],
        within: 'paragraph',
        before: true,
        endorsement: false,
        channels: ['marketing'],
        pos: pos(),
      },
      { id: 'free-trial-terms', when: [p('free trial')], unless: [], include: [p('cancel anytime'), p('renews automatically')], within: 'section', before: false, endorsement: false, pos: pos() },
      { id: 'ip-rating', when: [], unless: [], include: [p('IPX4'), p('IPX7')], within: 'paragraph', before: false, endorsement: false, pos: pos() },
    ],
    terms: [
      { id: 'TrailPack', use: 'TrailPack', not: [p('Trail Pack'), p('Trailpack'), p('trail-pack')], pos: pos() },
      { id: 'sign in', use: 'sign in', not: [p('login to'), p('log-in to')], channels: ['support'], pos: pos() },
      { id: '<b>|x</b>', use: '<b>|x</b>', not: [p('<script>alert\\(1\\)</script>')], channels: ['sales'], message: 'a | b', pos: pos() },
    ],
    speakers: { ignore: ['Prospect'] },
    severity: {},
    ignore: [],
    formats: {},
    exceptions: [],
    plugins: [],
  };
}

/** A message map in which most documents say 20% for the annual discount, and one 25%. */
const matrix: MatrixRow[] = [
  {
    fact: 'annual-discount',
    channels: {
      marketing: [{ text: '20%', key: 'percent:20', count: 2, locations: [], conflicting: false }],
      sales: [{ text: '25 percent', key: 'percent:25', count: 1, locations: [], conflicting: true }],
      support: [{ text: '20 percent', key: 'percent:20', count: 1, locations: [], conflicting: false }],
    },
    conflict: true,
  },
];

describe('readablePhrase (for messages)', () => {
  it('fills in the value and spells out groups', () => {
    expect(readablePhrase(p('return (it|them|your order)? within {value}'), '30 days')).toBe('return [it / them / your order] within 30 days');
    expect(readablePhrase({ source: '\\bTP-?\\d+\\b', isRegex: true, pos: pos() })).toBe('pattern /\\bTP-?\\d+\\b/');
  });
});

describe('sayings: templates spelled out as plain sentences', () => {
  it('spells out alternatives and optional words, optional ones last', () => {
    expect(sayingsOf(p('return (it|them)? within {value}'), days30)).toEqual({ shown: ['return it within 30 days', 'return them within 30 days', 'return within 30 days'], more: 0 });
    expect(sayingsOf(p('dishwasher safe \\(top rack only\\)')).shown).toEqual(['dishwasher safe (top rack only)']);
  });

  it('writes a duration before a noun in its one-word form, and as written elsewhere', () => {
    expect(sayingsOf(p('{value} money-back guarantee'), days30).shown).toEqual(['30-day money-back guarantee']);
    expect(sayingsOf(p('within {value} of delivery'), days30).shown).toEqual(['within 30 days of delivery']);
    expect(sayingsOf(p('{value} return'), { text: '6-8 weeks', quantity: parseQuantity('6-8 weeks')! }).shown).toEqual(['6-to-8-week return']);
    expect(sayingsOf(p('save {value} with annual billing'), { text: '20%', quantity: parseQuantity('20%')! }).shown).toEqual(['save 20% with annual billing']);
    expect(sayingsOf(p('save {value} with annual billing')).shown).toEqual(['save … with annual billing']);
  });

  it('counts sayings that differ only by a hyphen or case once, and cuts a long list', () => {
    expect(sayingsOf(p('ships (same day|same-day|next day)')).shown).toEqual(['ships same day', 'ships next day']);
    expect(sayingsOf(p('(a|b|c) (d|e|f)'))).toEqual({ shown: ['a d', 'a e', 'a f', 'b d', 'b e', 'b f'], more: 3 });
  });

  it('reads a value documents state back from its key, for its canonical form', () => {
    for (const text of ['30 days', '6-8 weeks', '$12.99', '20%', '24/7', '10 business days']) {
      const q = parseQuantity(text)!;
      expect(quantityFromKey(quantityKey(q))).toMatchObject({ kind: q.kind, min: q.min, max: q.max });
      expect(describeQuantity(quantityFromKey(quantityKey(q))!)).toBe(describeQuantity(q));
    }
    expect(quantityFromKey('nonsense')).toBeUndefined();
  });

  it('names ids and globs in words', () => {
    expect(titleOf('return-window')).toBe('Return window');
    expect(titleOf('ip-rating')).toBe('IP rating');
    expect(titleOf('go-to-market')).toBe('Go to market');
    expect(globInWords('site/**')).toBe('everything in site/');
    expect(globInWords('macros/*.json')).toBe('files matching macros/*.json');
  });
});

describe('renderGuide (markdown)', () => {
  const text = renderGuide(acmeSpec(), 'markdown', { asOf: '2026-12-15', matrix, git: { commit: 'c'.repeat(40), clean: true, changed: 0 } });

  it('opens with the company, the owner, the version and the date', () => {
    expect(text.startsWith(
      [
        '# Acme Outdoor messaging guide',
        '',
        '- **Company:** Acme Outdoor',
        '- **Owner:** Brand team, brand@&#8203;acme.example. Ask them before you say anything this guide does not cover.',
        `- **Version:** revision 2026.2, spec file onemessage.yaml, SHA-256 0123456789ab, commit ${'c'.repeat(12)}`,
        '- **Date:** 2026-12-15',
        '',
      ].join('\n'),
    )).toBe(true);
  });

  it('gives each fact its value once, in the heading, and the approved ways to say it as sentences', () => {
    expect(text).toContain(
      [
        '### Return window: 30 days',
        '',
        'Our return window is 30 days in every channel.',
        '',
        '**Say it as:**',
        '',
        '- “30-day return”',
        '- “30-day money-back guarantee”',
        '- “return it within 30 days”',
        '- “return them within 30 days”',
        '- “return your order within 30 days”',
        '- “return within 30 days”',
      ].join('\n'),
    );
    expect(text).toContain('- “free shipping on orders over $50”\n- “free shipping on orders above $50”');
  });

  it('shows the value most documents agree on for a fact the spec leaves open, or says plainly that channels must agree', () => {
    expect(text).toContain(
      '### Annual discount: 20%\n\nThe spec fixes no value; 20% is what most documents say, in Marketing and Support, so use it. Some documents say 25 percent: do not follow them.\n\n**Say it as:**\n\n- “save 20% with annual billing”',
    );
    const open = renderGuide(acmeSpec(), 'markdown');
    expect(open).toContain('### Annual discount\n\nThe spec fixes no value: every channel must state the same one. Ask the owner before you state it.');
  });

  it('groups claims by what may be said, where, and what must go with them', () => {
    expect(text).toContain('### You may say these anywhere\n\n- “free returns”.');
    expect(text).toContain('### Only in some channels\n\n- “lifetime warranty”: only in Marketing and Sales, never in Support.');
    expect(text).toContain('### Only together with a disclosure\n\n- “waterproof”: only with “IPX4” or “IPX7” in the same paragraph.');
    expect(text).toContain('### Only with a source\n\nCite a source, such as a footnote or a link, in the same paragraph whenever you make one of these.\n\n- “clinically tested” or “lab tested”.');
    expect(text).toContain('- “40% off everything”: from 2026-11-27 to 2026-11-30, so no longer.');
    expect(text).toContain(
      '### Never say these\n\n- “best in the industry”, “\\#1 rated” or “number one”. **Why:** Superiority claims need substantiation we do not have. **Say instead:** “highly rated by our customers”.',
    );
  });

  it('gives each product its stock and lead time, and the promises to avoid as plain words', () => {
    expect(text).toContain('- **TrailPack 45**, also “TP-45”: made to order, 6-8 weeks lead time. Never say it is available now. Never promise it sooner than 6-8 weeks.');
    expect(text).toContain('- **Summit Tent**: in stock.');
    expect(text).toContain('- “in stock”\n- “ships today” or “ships now”\n- “ready to ship”');
  });

  it('says for each disclosure when, what, where and in which channels', () => {
    expect(text).toContain(
      '### Material connection\n\nWhen you say “affiliate link” or “sponsored” in Marketing, include “\\#ad” or “Paid partnership” in the same paragraph, before those words.',
    );
    expect(text).toContain('### IP rating\n\nWhen you claim “waterproof”, include “IPX4” or “IPX7” in the same paragraph.');
  });

  it('lists the words we use by channel, and escapes hostile text', () => {
    expect(text).toContain('### In every channel\n\n- Write **TrailPack**, not “Trail Pack”, “Trailpack” or “trail-pack”.');
    expect(text).toContain('### In Support\n\n- Write **sign in**, not “login to” or “log-in to”.');
    expect(text).toContain('- Write **&lt;b&gt;\\|x&lt;/b&gt;**, not “&lt;script&gt;alert(1)&lt;/script&gt;”. **Why:** a \\| b');
  });

  it('writes no ids or globs in code font, and the same bytes twice', () => {
    expect(text).not.toContain('`');
    expect(renderGuide(acmeSpec(), 'markdown', { asOf: '2026-12-15', matrix, git: { commit: 'c'.repeat(40), clean: true, changed: 0 } })).toBe(text);
  });
});

describe('renderGuide (html)', () => {
  const html = renderGuide(acmeSpec(), 'html', { asOf: '2026-12-15', matrix });

  it('is one self-contained, escaped page with a strict CSP and no script', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src ${cspHash(style).replace(/'/g, '&#39;')}; script-src &#39;none&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;">`,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title>Acme Outdoor messaging guide</title>');
    expect(html).toContain('<li>Write <strong>&lt;b&gt;|x&lt;/b&gt;</strong>, not “&lt;script&gt;alert(1)&lt;/script&gt;”. <strong>Why:</strong> a | b</li>');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('renders the same content as the Markdown, with a print layout', () => {
    expect(html).toContain('<h3>Return window: 30 days</h3>');
    expect(html).toContain('<li>“30-day money-back guarantee”</li>');
    expect(html).toContain('@media print');
  });
});
