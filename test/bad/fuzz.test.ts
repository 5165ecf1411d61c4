/**
 * Property tests over the whole pipeline (reader, matcher, rules, positions), in-process and in
 * batches: over 2,500 generated Markdown, MDX, HTML, text, JSON and CSV documents built from
 * real copy and hostile markup, nothing throws, every finding lies inside its file with its
 * excerpt equal to the source there, and the same input gives the same output.
 */
import fc from 'fast-check';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import type { Finding } from '../../src/model/finding.js';
import { lintText, type FileOutcome } from '../../src/lint/file.js';
import { createLintContext } from '../../src/lint/context.js';
import { assemble } from '../../src/lint/corpus.js';
import { loadFormatsFor } from '../../src/formats/index.js';
import { lintBytes } from '../../src/runner/read.js';
import { loadSpec } from '../../src/spec/load.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = `version: 1
channels:
  marketing: ["site/**"]
  support: ["support/**"]
facts:
  return-window:
    value: 30 days
    says: ["{value} return", "return (it|them)? within {value}"]
  free-shipping-minimum:
    value: $50
    says: ["free shipping on orders (over|above) {value}"]
claims:
  - id: best-in-industry
    says: ["best in the industry", "#1 rated"]
    status: forbidden
  - id: clinically-tested
    says: ["clinically tested"]
    status: needs-evidence
  - id: black-friday
    says: ["40% off everything"]
    status: allowed
    valid: { from: 2026-11-27, until: 2026-11-30 }
  - id: price-regex
    says: [{ regex: "only \\\\$[0-9]+ a month" }]
    status: forbidden
terms:
  - use: TrailPack
    not: ["Trail Pack", "trailpack"]
`;

const dir = tempRepo({ 'onemessage.yaml': SPEC });
const { spec } = loadSpec({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, knownRuleIds: rules.map((r) => r.meta.id) });
const context = createLintContext({ spec, asOf: '2026-11-23', rules });

const COPY = [
  'We offer a 30 days return', 'a 60 days return', 'Return it within 45 days', 'free shipping on orders over $75', 'free shipping on orders above $50',
  'the best in the industry', "not the best in the industry", '#1 rated', 'clinically tested', '40% off everything', 'only $9 a month',
  'the Trail Pack', 'our trailpack', 'TrailPack', 'Rep: ', 'Customer: ', 'thirty days', '30\u00a0days', 'caf\u00e9', '\u{1f600}', '\u200b', 'e\u0301',
  'Gr\u00fc\u00dfe', '\u05e9\u05dc\u05d5\u05dd', ' ', '  ', '. ', ', ', '\t',
];
const MARKDOWN = [
  '\n', '\n\n', '\r\n', '\r', '# ', '## ', '- ', '* ', '1. ', '> ', '    ', '**', '*', '_', '`', '```\n', '~~~', '[', '](https://x.test)', '![alt ', '[^1]', '[^1]: ',
  '<!-- onemessage-disable-next-line claim/forbidden -->', '<!--', '-->', '<div>', '</div>', '<b>', '&amp;', '&#x31;', '\\', '| a | b |\n|---|---|\n', '---\n', '---\ntitle: ', '\ntitle: "',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "=cmd|' /C calc'!A0", '\u001b[31m', '::error ::', '%0A',
];
const MDX = [...MARKDOWN, '<Callout>', '</Callout>', '<Card title="', '" />', '{', '}', '{/* onemessage-disable claim/forbidden */}', 'import x from "y"\n', 'export const a = 1\n'];
const HTML = [
  '<p>', '</p>', '<h1>', '</h1>', '<ul><li>', '</li>', '<br>', '<img alt="', '">', '<a title="', '" href="/x">', '</a>', '<script>', '</script>', '<style>', '<!--', '-->',
  '&nbsp;', '&amp;', '&#', '&#x2019;', '<table><tr><td>', '</td><td>', '<meta name="description" content="', '<!doctype html>', '<', '>', '"', "'", '\n', '\r\n',
  '<template>', '<pre>', '<code>', '<svg><title>', '<math>', '\u0000',
];

const piecesOf = (extra: string[]) => fc.array(fc.oneof(fc.constantFrom(...COPY), fc.constantFrom(...extra), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((p) => p.join(''));

/** A macro export built with JSON.stringify (valid JSON, any text), or raw pieces (often invalid JSON). */
const zendesk = fc.array(fc.record({ id: fc.nat(), title: piecesOf(COPY), body: piecesOf(HTML), active: fc.boolean() }), { maxLength: 4 }).map((macros) =>
  JSON.stringify({ macros: macros.map((m) => ({ id: m.id, title: m.title, active: m.active, actions: [{ field: 'comment_value_html', value: m.body }, { field: 'subject', value: m.title }] })) }),
);
const brokenJson = fc.array(fc.constantFrom('{', '}', '[', ']', '"macros"', ':', ',', '"', '\\u00', '\\', 'null', '1e9', '"actions"', '"value"', '"comment_value"', ...COPY), { maxLength: 40 }).map((p) => p.join(''));
const csv = fc.array(fc.tuple(fc.nat(999), piecesOf(COPY), piecesOf([...COPY, '"', '""', ',', '\n', '\r\n'])), { maxLength: 5 }).map(
  (rows) => `ID,Name,Body\n${rows.map(([id, name, body]) => `${id},"${name.replace(/"/g, '""')}","${body.replace(/"/g, '""')}"`).join('\n')}\n`,
);
const rawCsv = piecesOf([...COPY, '"', ',', '\n', '\r\n', 'ID,Name,Body\n']);

const documents = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constant('site/page.md'), piecesOf(MARKDOWN)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('site/page.mdx'), piecesOf(MDX)) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('site/page.html'), piecesOf(HTML)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('site/script.txt'), piecesOf(['\n', '\n\n', 'Rep: ', 'Prospect: ', '\r'])) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('support/macros.json'), zendesk) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('support/macros.json'), brokenJson) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('support/macros.csv'), csv) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('support/macros.csv'), rawCsv) },
);

function lint(rel: string, text: string): FileOutcome | undefined {
  return lintText({ abs: path.join(dir, rel), rel, explicit: true }, text, context, { sha256: '', bytes: text.length });
}

/** line:col of an offset, counted independently of the engine: CRLF, CR and LF end a line. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function expectInside(finding: Pick<Finding, 'start' | 'end' | 'excerpt'>, text: string): void {
  const { start, end } = finding;
  expect(0 <= start.offset && start.offset <= end.offset && end.offset <= text.length).toBe(true);
  expect(finding.excerpt).toBe(text.slice(start.offset, end.offset));
  expect({ line: start.line, column: start.column }).toEqual(lineColumn(text, start.offset));
  expect({ line: end.line, column: end.column }).toEqual(lineColumn(text, end.offset));
}

describe('the whole pipeline on generated documents', () => {
  beforeAll(async () => {
    await loadFormatsFor(['a.md', 'a.mdx', 'a.html', 'a.txt', 'a.json', 'a.csv']);
  });

  it('never throws; every finding and statement lies inside its file with its exact excerpt; same input, same output (2,500 documents)', () => {
    let read = 0;
    let findings = 0;
    fc.assert(
      fc.property(documents, ([rel, text]) => {
        const first = lint(rel, text);
        const second = lint(rel, text);
        expect(second).toEqual(first);
        read++;
        if (!first) return;
        for (const finding of first.findings) {
          findings++;
          expectInside(finding, text);
        }
        for (const list of Object.values(first.statements)) for (const statement of list) expectInside({ ...statement.where }, text);
        // Corpus rules over this file's statements, as the engine assembles them.
        const result = assemble([first], context, { cwd: dir, warnings: [] });
        for (const finding of result.findings) expectInside(finding, text);
      }),
      // 2,500 runs, seeded: each of the 8 weighted generators yields a few hundred documents, with
      // about 1,200 findings in all (10,000 runs, which also pass, took 10 s of the suite).
      { numRuns: 2_500, seed: 20261123 },
    );
    expect(read).toBe(2_500);
    // The generators must produce real findings, or the range checks prove nothing.
    expect(findings).toBeGreaterThan(1_000);
  }, 120_000);

  it('random Unicode never throws in any reader', () => {
    const readers = ['site/a.md', 'site/a.mdx', 'site/a.html', 'site/a.txt', 'support/a.json', 'support/a.csv'];
    fc.assert(
      fc.property(fc.constantFrom(...readers), fc.string({ unit: 'binary', maxLength: 200 }), (rel, text) => {
        const outcome = lint(rel, text);
        for (const finding of outcome?.findings ?? []) expectInside(finding, text);
      }),
      // 1,000 runs of up to 200 random code units each, spread over the six readers
      { numRuns: 1_000, seed: 7 },
    );
  });

  it('positions are exact for every decoded text: UTF-8 with a BOM and a second U+FEFF, UTF-16 LE and BE give the findings the text gives (was: 70 wrong positions in 14,078)', async () => {
    const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
      const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
      if (bigEndian) for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return le;
    };
    // Each encoding, and the text it decodes to: the BOM goes, a second U+FEFF stays a character.
    const encodings: Array<{ bytes: (text: string) => Uint8Array; shift: number }> = [
      { bytes: (text) => Buffer.from(`\uFEFF\uFEFF${text}`, 'utf8'), shift: 1 },
      { bytes: (text) => utf16(text, false), shift: 0 },
      { bytes: (text) => utf16(text, true), shift: 0 },
    ];
    const shape = (outcome: FileOutcome | undefined, shift: number) =>
      outcome?.findings.map((f) => ({ rule: f.ruleId, start: f.start.offset - shift, end: f.end.offset - shift, excerpt: f.excerpt, message: f.message }));
    let compared = 0;
    let findings = 0;
    await fc.assert(
      fc.asyncProperty(documents, fc.nat(2), async ([rel, text], which) => {
        // A NUL is binary whatever the encoding; a lone surrogate has no UTF-8 form.
        if (text.includes('\u0000') || /\p{Surrogate}/u.test(text) || text.startsWith('\uFEFF')) return;
        const { bytes, shift } = encodings[which]!;
        const decoded = await lintBytes({ abs: path.join(dir, rel), rel, explicit: true }, bytes(text), '', context);
        expect(shape(decoded, shift)).toEqual(shape(lint(rel, text), 0));
        for (const finding of decoded?.findings ?? []) expectInside(finding, `${'\uFEFF'.repeat(shift)}${text}`);
        compared++;
        findings += decoded?.findings.length ?? 0;
      }),
      { numRuns: 400, seed: 19 },
    );
    expect(compared).toBeGreaterThan(300);
    expect(findings).toBeGreaterThan(100);
  }, 60_000);
});
