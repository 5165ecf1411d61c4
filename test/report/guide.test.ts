import { describe, expect, it } from 'vitest';
import type { Phrase, Spec, SpecPos } from '../../src/spec/types.js';
import { readablePhrase, renderGuide } from '../../src/guide/guide.js';
import { compileTemplate } from '../../src/spec/compile.js';
import { cspHash } from '../../src/report/html-page.js';

let line = 0;
const pos = (): SpecPos => ({ file: 'onemessage.yaml', line: ++line, column: 5 });
const p = (source: string): Phrase => ({ source, isRegex: false, pos: pos(), template: compileTemplate(source, { allowValue: true }) });

/** The acme spec of spec-v1.md, normalised, with one hostile term. */
function acmeSpec(): Spec {
  return {
    path: 'onemessage.yaml',
    dir: '/home/acme/brand site',
    sha256: '0123456789abcdef'.repeat(4),
    version: 1,
    brand: 'Acme Outdoor',
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
        says: [p('{value} return'), p('{value} money-back guarantee'), p('return (it|them|your order)? within {value}')],
        message: 'Our return window is 30 days in every channel.',
        pos: pos(),
      },
      { id: 'free-shipping-minimum', value: '$50', says: [p('free shipping on orders (over|above) {value}')], pos: pos() },
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
    promises: { immediate: [p('in stock'), p('ships today'), p('ready to ship')], fromSpec: true },
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
  };
}

describe('readablePhrase', () => {
  it('fills in the value and spells out groups', () => {
    expect(readablePhrase(p('return (it|them|your order)? within {value}'), '30 days')).toBe('return [it / them / your order] within 30 days');
    expect(readablePhrase(p('free shipping on orders (over|above) {value}'), '$50')).toBe('free shipping on orders (over / above) $50');
    expect(readablePhrase(p('save {value} with annual billing'))).toBe('save ‹value› with annual billing');
    expect(readablePhrase(p('dishwasher safe \\(top rack only\\)'))).toBe('dishwasher safe (top rack only)');
    expect(readablePhrase(p('(a|b) (c(d)?|e)'))).toBe('(a / b) (c[d] / e)');
    expect(readablePhrase({ source: '\\bTP-?\\d+\\b', isRegex: true, pos: pos() })).toBe('pattern /\\bTP-?\\d+\\b/');
  });
});

describe('renderGuide (markdown)', () => {
  const text = renderGuide(acmeSpec(), 'markdown');

  it('opens with the title and where it comes from', () => {
    expect(text.startsWith('# Acme Outdoor messaging guide\n\nGenerated from `onemessage.yaml` (SHA-256 0123456789ab). Words in \\[brackets\\] are optional; (a / b) means any one of them.\n')).toBe(true);
  });

  it('lists the facts with their values and approved wording', () => {
    expect(text).toContain(
      [
        '| Fact | Value | Approved wording | Note |',
        '| --- | --- | --- | --- |',
        '| `return-window` | **30 days** | “30 days return”, “30 days money-back guarantee”, “return \\[it / them / your order\\] within 30 days” | Our return window is 30 days in every channel. |',
        '| `free-shipping-minimum` | **$50** | “free shipping on orders (over / above) $50” |   |',
        '| `annual-discount` | the same in every channel | “save ‹value› with annual billing” |   |',
      ].join('\n'),
    );
  });

  it('sorts claims into allowed, needs evidence, forbidden with what to say instead, and dated', () => {
    expect(text).toContain('| `lifetime-warranty` | “lifetime warranty” | marketing, sales |   |');
    expect(text).toContain('| `waterproof` | “waterproof” | all channels | ip-rating |');
    expect(text).toContain('### Claims that need evidence\n\nCite a source (a footnote or a link) in the same paragraph whenever you make one of these.');
    expect(text).toContain(
      '| `best-in-industry` | “best in the industry”, “\\#1 rated”, “number one” | Superiority claims need substantiation we do not have. | **highly rated by our customers** | all channels |',
    );
    expect(text).toContain('| `black-friday-40` | “40% off everything” | 2026-11-27 | 2026-11-30 |');
  });

  it('gives each product its stock and lead time, and the promises to avoid', () => {
    expect(text).toContain('| `trailpack-45` | “TrailPack 45”, “TP-45” | made to order | 6-8 weeks |');
    expect(text).toContain('| `summit-tent` | “Summit Tent” | in stock | — |');
    expect(text).toContain(
      'Never promise immediate availability (“in stock”, “ships today”, “ready to ship”) for `trailpack-45`, and never promise delivery sooner than a product’s lead time.',
    );
  });

  it('gives each disclosure its triggers, texts, scope, placement and channels', () => {
    expect(text).toContain(
      [
        '### material-connection',
        '',
        '- **When you say:** “affiliate link”, “sponsored”',
        '- **Include one of:** “\\#ad”, “Paid partnership”',
        '- **Where:** in the same paragraph, before the words that call for it',
        '- **Channels:** marketing',
      ].join('\n'),
    );
    expect(text).toContain('### ip-rating\n\n- **When you make the claim:** waterproof\n- **Include one of:** “IPX4”, “IPX7”\n');
  });

  it('groups terms by channel and escapes hostile text', () => {
    expect(text).toContain('### In every channel\n\n| Write | Not | Note |\n| --- | --- | --- |\n| **TrailPack** | “Trail Pack”, “Trailpack”, “trail-pack” |   |');
    expect(text).toContain('### In support\n\n| Write | Not | Note |\n| --- | --- | --- |\n| **sign in** | “login to”, “log-in to” |   |');
    expect(text).toContain('| **&lt;b&gt;\\|x&lt;/b&gt;** | “&lt;script&gt;alert(1)&lt;/script&gt;” | a \\| b |');
  });

  it('writes the same bytes twice', () => {
    expect(renderGuide(acmeSpec(), 'markdown')).toBe(text);
  });
});

describe('renderGuide (html)', () => {
  const html = renderGuide(acmeSpec(), 'html');

  it('is one self-contained, escaped page with a strict CSP and no script', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src ${cspHash(style).replace(/'/g, '&#39;')}; script-src &#39;none&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;">`,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title>Acme Outdoor messaging guide</title>');
    expect(html).toContain('<td><strong>&lt;b&gt;|x&lt;/b&gt;</strong></td><td>“&lt;script&gt;alert(1)&lt;/script&gt;”</td>');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('renders the same content as the Markdown', () => {
    expect(html).toContain(
      '<tr><td><code>return-window</code></td><td><strong>30 days</strong></td><td>“30 days return”, “30 days money-back guarantee”, “return [it / them / your order] within 30 days”</td><td>Our return window is 30 days in every channel.</td></tr>',
    );
    expect(html).toContain('<li><strong>Where:</strong> in the same section, before or after the words that call for it</li>');
  });
});
