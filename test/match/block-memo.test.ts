/**
 * A document given as text again and again (an editor's buffer) keeps what its blocks matched:
 * every version is judged exactly as a fresh session judges its text alone, positions included,
 * while an edit in one paragraph scans that paragraph and no other.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlockMatchMemo, Matcher } from '../../src/match/matcher.js';
import { TextBuilder, type Document, type TextBlock } from '../../src/model/document.js';
import { compileTemplate } from '../../src/spec/compile.js';
import { createSession } from '../../src/session.js';
import { VIRTUAL_ROOT } from '../helpers/lint.js';

const SPEC = [
  'version: 1',
  'channels:',
  '  marketing: ["site/**"]',
  '  support: ["support/**"]',
  'facts:',
  '  return-window:',
  '    value: 30 days',
  '    says: ["return it within {value}"]',
  'claims:',
  '  - id: best',
  '    says: ["best in the industry"]',
  '    status: forbidden',
  'terms:',
  '  - use: TrailPack',
  '    not: ["Trail Pack"]',
  '',
].join('\n');

const PARAGRAPHS = [
  'You can return it within 30 days of delivery.',
  'The best in the industry, says nobody.',
  'Our Trail Pack is light.',
  'Nothing to see in this sentence.',
  'Return it within 45 days, or not the best in the industry.',
  '# The Trail Pack',
];

const AS_OF = '2026-11-23';
const reference = createSession({ specText: SPEC, cwd: VIRTUAL_ROOT, asOf: AS_OF });
/** The text judged alone: forgetting a document also drops what the session kept of its versions. */
const fresh = async (rel: string, text: string) => {
  reference.forget(rel);
  return reference.lintText(rel, text);
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a document edited in a session', () => {
  it('is judged at every version as a fresh session judges its text alone', async () => {
    const page = fc.array(fc.constantFrom(...PARAGRAPHS), { minLength: 1, maxLength: 6 });
    const session = createSession({ specText: SPEC, cwd: VIRTUAL_ROOT, asOf: AS_OF });
    await fc.assert(
      fc.asyncProperty(fc.array(page, { minLength: 2, maxLength: 5 }), async (versions) => {
        session.forget('site/page.md');
        for (const paragraphs of versions) {
          const text = paragraphs.join('\n\n') + '\n';
          expect((await session.lintText('site/page.md', text)).findings).toEqual((await fresh('site/page.md', text)).findings);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('keeps positions right when a paragraph moves, in a macro export too', async () => {
    const session = createSession({ specText: SPEC, cwd: VIRTUAL_ROOT, asOf: AS_OF });
    const macro = (body: string) => JSON.stringify({ macros: [{ id: 1, title: 'Returns', actions: [{ field: 'comment_value', value: body }] }] }, null, 2);
    const texts: Array<[string, string]> = [
      ['support/macros.json', macro('Our Trail Pack is light.')],
      ['support/macros.json', macro('Hello.\n\nOur Trail Pack is light.')],
      ['site/page.md', 'Our Trail Pack is light.\n'],
      ['site/page.md', 'A new first line.\n\nOur Trail Pack is light.\n'],
    ];
    for (const [rel, text] of texts) {
      const findings = (await session.lintText(rel, text)).findings;
      expect(findings.map((f) => [f.ruleId, f.start])).toEqual((await fresh(rel, text)).findings.map((f) => [f.ruleId, f.start]));
      expect(findings.length).toBe(1);
    }
  });

  it('scans only the paragraph an edit changed', async () => {
    const session = createSession({ specText: SPEC, cwd: VIRTUAL_ROOT, asOf: AS_OF });
    const paragraphs = Array.from({ length: 20 }, (_, i) => `${PARAGRAPHS[i % PARAGRAPHS.length]!} Paragraph ${i}.`);
    await session.lintText('site/page.md', paragraphs.join('\n\n'));
    const scans = vi.spyOn(Matcher.prototype as unknown as { scanBlock(text: string): unknown }, 'scanBlock');
    paragraphs[7] = 'Now the best in the industry, edited.';
    const report = await session.lintText('site/page.md', paragraphs.join('\n\n'));
    expect(scans.mock.calls.map(([text]) => text)).toEqual(['Now the best in the industry, edited.']);
    expect(report.findings.filter((f) => f.ruleId === 'claim/forbidden').map((f) => f.start.line)).toEqual([3, 15, 27, 39]);
  });
});

describe('BlockMatchMemo', () => {
  const template = (source: string) => ({ kind: 'claim' as const, itemId: source, phrase: { source, isRegex: false, pos: { file: 'onemessage.yaml', line: 1, column: 1 }, template: compileTemplate(source, { allowValue: false }) } });
  const doc = (text: string): Document => {
    const builder = new TextBuilder();
    builder.appendVerbatim(text, 0);
    const blocks: TextBlock[] = [builder.build({ kind: 'paragraph' })!];
    return { path: 'page.md', format: 'markdown', blocks, directives: [] };
  };

  it('answers only the matcher that filled it, and forgets what two versions did not use', () => {
    const memo = new BlockMatchMemo();
    const best = new Matcher([template('best')]);
    const light = new Matcher([template('light')]);
    expect(best.match(doc('the best and light'), memo).all.map((m) => m.itemId)).toEqual(['best']);
    memo.nextVersion();
    expect(light.match(doc('the best and light'), memo).all.map((m) => m.itemId)).toEqual(['light']);
    memo.nextVersion();
    memo.nextVersion();
    expect(memo.get(light, 'the best and light')).toBeUndefined();
  });
});
