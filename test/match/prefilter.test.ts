/** The prefilter's required words, and the spellings it must see through to stay exact. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { rules } from '../../rules/index.js';
import { allFormats } from '../../src/formats/index.js';
import { compilePrefilter, regexLiteral } from '../../src/match/prefilter.js';
import { anchorWords, wordRuns } from '../../src/match/phrase-runs.js';
import { compileTemplate } from '../../src/spec/compile.js';
import { createLintContext } from '../../src/lint/context.js';
import { severityKeys } from '../../src/lint/rule.js';
import { loadSpec } from '../../src/spec/load.js';
import { checkFolder, tempRepo } from '../helpers/lint.js';

const words = (template: string) => anchorWords(wordRuns(compileTemplate(template, { allowValue: true }).nodes));
const phrase = (source: string, isRegex = false) => ({
  kind: 'claim' as const,
  itemId: 'x',
  phrase: { source, isRegex, pos: { file: 's', line: 1, column: 1 }, ...(isRegex ? {} : { template: compileTemplate(source, { allowValue: true }) }) },
});
/** Whether the format of that name may go unread when the prefilter proves a text free of phrases. */
const readsQuietly = async (name: string, text: string) => (await allFormats()).find((format) => format.name === name)!.readsQuietly?.(text) ?? false;

describe('required words', () => {
  it('takes the least common word every match holds', () => {
    expect(words('in stock')).toEqual(['stock']);
    expect(words('{value} money-back guarantee')).toEqual(['guarantee']);
    expect(words('(available|in stock) (now|today)')).toEqual(['available', 'stock']);
    expect(words('return (it|them)? within {value}')).toEqual(['return']);
    expect(words('{value}')).toBeUndefined();
  });

  it('finds a literal every regex match holds, or none', () => {
    expect(regexLiteral('ships in (?P<value>\\d+) business days')).toBe('business');
    expect(regexLiteral('colou?r fastness')).toBe('fastness');
    expect(regexLiteral('free|gratis')).toBeUndefined();
    expect(regexLiteral('(?:free) [a-z]+')).toBeUndefined();
    expect(compilePrefilter([phrase('in stock'), phrase('a|b', true)])).toBeUndefined();
  });
});

describe('mayMatch', () => {
  const prefilter = compilePrefilter([phrase('in stock'), phrase('best ridgeline in the industry'), phrase('café latte'), phrase('ships in (?P<value>\\d+) business days', true)])!;
  it.each([
    ['plain', 'Now in stock.'],
    ['a plural', 'Three stocks left.'],
    ['capitals', 'IN STOCK'],
    ['emphasis inside the word', 'In **st**ock today'],
    ['a link inside the word', 'In [st](/x)ock today'],
    ['a tag inside the word', 'In st<b>ock</b> today'],
    ['a comment inside the word', 'In st<!-- > -->ock today'],
    ['a soft hyphen', 'In st&shy;ock today'],
    ['a decimal entity', 'In &#115;tock today'],
    ['a hex entity', 'In s&#x74;ock today'],
    ['a named entity', 'caf&eacute; latte'],
    ['a legacy entity without semicolon', 'caf&eacute latte'],
    ['a JSON unicode escape', '"In \\u0073tock"'],
    ['a JSON newline escape', '"Now\\nstock"'],
    ['JSON-escaped markup', '"st\\u003cb\\u003eock"'],
    ['a YAML hex escape', '"in \\x73tock"'],
    ['a regex literal', 'Ships in 3 Business days'],
    ['a long s for a regex', 'ships in 3 buſineſs days'],
    ['a directive', '<!-- onemessage-disable -->'],
  ])('sees %s', (_, text) => {
    expect(prefilter.mayMatch(text)).toBe(true);
  });

  it('proves copy without the words free of matches', () => {
    expect(prefilter.mayMatch('Our team helps customers plan trips &amp; pick gear.')).toBe(false);
    // Without a view of its words (HTML), letters in a row are looked for: "Stockholm" may hold "stock".
    expect(prefilter.mayMatch('Stockholm is lovely.')).toBe(true);
    // A format's view of its words (Markdown, text) tells words apart, and finds runs of words.
    expect(prefilter.mayMatch('Stockholm is lovely.', () => 'Stockholm is lovely.')).toBe(false);
    expect(prefilter.mayMatch('Stock up: in a week.', () => 'Stock up: in a week.')).toBe(false);
    expect(prefilter.mayMatch('Now in stock.', () => 'Now in stock.')).toBe(true);
  });
});

describe('files read quietly without a parse', () => {
  it('only Markdown, text and shallow HTML whose front matter is valid and declares no channel', async () => {
    expect(await readsQuietly('markdown', '---\ntitle: Hello\n---\n\nText.\n')).toBe(true);
    expect(await readsQuietly('markdown', '---\ntitle: [unclosed\n---\n')).toBe(false);
    expect(await readsQuietly('markdown', '---\nchannel: sales\n---\n')).toBe(false);
    expect(await readsQuietly('markdown', '---\ntitle: never closed\n')).toBe(false);
    expect(await readsQuietly('markdown', '---\ntitle: One\ntitle: Two\n---\n')).toBe(false);
    expect(await readsQuietly('html', '<div>'.repeat(799))).toBe(true);
    expect(await readsQuietly('html', '<div>'.repeat(800))).toBe(false);
    expect(await readsQuietly('zendesk', '{}')).toBe(false);
    expect(await readsQuietly('mdx', 'x')).toBe(false);
  });
});

describe('on a generated corpus', () => {
  it('skips most files without phrases, none with one, and reports progress for every file', async () => {
    const corpus = generateCorpus({ seed: 3, documents: 200, items: 40, hitRate: 0.2, tricky: true });
    const dir = tempRepo(Object.fromEntries(corpus.files));
    const { spec } = loadSpec({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, knownRuleIds: rules.map((r) => r.meta.id) });
    const { compiled, formatOptions } = createLintContext({ spec, asOf: '2026-12-15', rules });
    const prefilter = compiled.prefilter!;
    const formats = await allFormats();
    let skipped = 0;
    for (const [rel, text] of corpus.files) {
      const format = formats.find((f) => f.extensions.some((ext) => rel.endsWith(ext)) && (f.sniff?.(text) ?? true));
      if (!format?.readsQuietly || prefilter.mayMatch(text, () => format.phraseView?.(text))) continue;
      skipped++;
      // A file the prefilter skips holds no phrase that can set off a rule, as the reader sees it.
      for (const doc of format.read({ path: rel, text, options: formatOptions }).documents) {
        expect(compiled.matcher.match(doc).all.filter((m) => compiled.isTrigger(m.kind, m.itemId)), rel).toEqual([]);
      }
    }
    expect(skipped).toBeGreaterThan(60);
    const progress: Array<[number, number]> = [];
    const result = await checkFolder(dir, { asOf: '2026-12-15', threads: 0, onProgress: (done, total) => progress.push([done, total]) });
    expect(progress.length).toBe(result.files.length);
    expect(progress.at(-1)).toEqual([result.files.length, result.files.length]);
  });
});

describe('word runs of built-in vocabularies', () => {
  it('every built-in delivery and promise template has one, so the prefilter stays on', async () => {
    const { DELIVERY_TEMPLATES } = await import('../../src/spec/delivery.js');
    const { DEFAULT_IMMEDIATE_PROMISES } = await import('../../src/spec/promises.js');
    for (const template of [...DELIVERY_TEMPLATES, ...DEFAULT_IMMEDIATE_PROMISES]) {
      expect(wordRuns(compileTemplate(template, { allowValue: true }).nodes).length, template).toBeGreaterThan(0);
    }
  });
});

describe('the phrases rules can be set off by', () => {
  const contextFor = (yaml: string, ruleList = rules) => {
    const dir = tempRepo({ 'onemessage.yaml': `version: 1\n${yaml}` });
    const { spec } = loadSpec({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, knownRuleIds: severityKeys(ruleList) });
    return createLintContext({ spec, asOf: '2026-12-15', rules: ruleList });
  };

  it('leave out the built-in promise and delivery words when no product makes the stock rules fire', () => {
    const terms = contextFor('terms:\n  - use: email\n    not: ["e-mail"]\n');
    expect([...terms.compiled.prefilter!.words]).toEqual(['mail']);
    const inStock = contextFor('products:\n  tent:\n    names: ["Summit Tent"]\n    stock: in-stock\n');
    expect(inStock.compiled.prefilter!.words.has('stock')).toBe(false);
    const madeToOrder = contextFor('products:\n  pack:\n    names: ["TrailPack"]\n    stock: made-to-order\n    lead-time: 6-8 weeks\n');
    expect(madeToOrder.compiled.prefilter!.words.has('stock')).toBe(true);
    expect(madeToOrder.compiled.isTrigger('delivery', 'delivery')).toBe(true);
  });

  it('leave out claims no active rule reports, and the phrases of rules turned off', () => {
    const context = contextFor('claims:\n  - id: warm\n    says: ["toasty warm"]\n    status: allowed\n  - id: best\n    says: ["unbeatable"]\n    status: forbidden\nterms:\n  - use: email\n    not: ["e-mail"]\nseverity:\n  term/use: off\n');
    expect([...context.compiled.prefilter!.words].sort()).toEqual(['unbeatable']);
  });

  it("take in a fact's topic words while its inferred statements are reported, so a file that only infers one is read", async () => {
    const returns = 'facts:\n  return-window:\n    value: 30 days\n    about: [refund]\n    says: ["{value} return policy"]\n';
    const on = contextFor(returns);
    expect(on.compiled.isTrigger('topic', 'return-window')).toBe(true);
    expect(on.compiled.prefilter!.words.has('refund')).toBe(true);
    const off = contextFor(`${returns}severity:\n  fact/mismatch/inferred: off\n`);
    expect(off.compiled.prefilter!.words.has('refund')).toBe(false);
    const dir = tempRepo({ 'onemessage.yaml': `version: 1\n${returns}`, 'help.md': 'Refunds are accepted for 14 days after delivery.\n' });
    const result = await checkFolder(dir, { threads: 0 });
    expect(result.findings.map((f) => [f.ruleId, f.variant, f.start.line, f.start.column])).toEqual([['fact/mismatch', 'inferred', 1, 26]]);
  });

  it('are every phrase when some active rule does not declare its triggers (a plugin)', () => {
    const plugin = { ...rules.find((r) => r.meta.id === 'term/use')!, meta: { ...rules.find((r) => r.meta.id === 'term/use')!.meta, id: 'local/any', triggers: undefined } } as (typeof rules)[number];
    const context = contextFor('claims:\n  - id: warm\n    says: ["toasty warm"]\n    status: allowed\n', [...rules, plugin]);
    expect(context.compiled.prefilter!.words.has('toasty')).toBe(true);
  });
});
