/**
 * The bad-input corpus: every broken or hostile input file, with its exact outcome. Small files
 * live in fixtures/bad/; large and special ones (long lines, 10,000 nesting levels, pipes,
 * links, permissions, a file that vanishes) are made here in a temporary folder.
 */
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import type { Finding } from '../../src/model/finding.js';
import type { RunResult } from '../../src/model/result.js';
import { discoverFiles } from '../../src/runner/files.js';
import { lintFile, MAX_FILE_BYTES, readRegularFile } from '../../src/runner/read.js';
import { createLintContext, type LintContext } from '../../src/lint/context.js';
import { lintText } from '../../src/lint/file.js';
import { knownExtensions, loadFormatsFor } from '../../src/formats/index.js';
import { UNKNOWN_JSON_MESSAGE } from '../../src/formats/json-generic.js';
import { loadSpec } from '../../src/spec/load.js';
import { parseSpec } from '../../src/spec/parse.js';
import { specPhrases } from '../../src/spec/compile.js';
import { Matcher } from '../../src/match/matcher.js';
import { TextBuilder } from '../../src/model/document.js';
import { runCli } from '../helpers/cli.js';
import { checkFolder, tempRepo } from '../helpers/lint.js';
import { countRegexWork } from '../helpers/work.js';

const FORBIDDEN = '"best in the industry" is a forbidden claim (best-in-industry). Superiority claims need substantiation we do not have.';
/** the same claim under the generated tests' spec, which gives no message */
const FORBIDDEN_PLAIN = '"best in the industry" is a forbidden claim (best-in-industry).';
const SIXTY = '"60 days return" states return-window as 60 days, but the spec says 30 days.';
const SIXTY_WITHIN = '"Return it within 60 days" states return-window as 60 days, but the spec says 30 days.';

const describeFinding = (f: Finding) => `${f.start.line}:${f.start.column} ${f.ruleId} ${f.message}`;

describe('fixtures/bad: the committed corpus, through the CLI', () => {
  let result: RunResult;
  let code: number;
  let stderr: string;
  beforeAll(async () => {
    const run = await runCli(['check', 'fixtures/bad', '--format', 'json', '--as-of', '2026-11-23']);
    code = run.code;
    stderr = run.stderr;
    result = JSON.parse(run.stdout) as RunResult;
  });
  const of = (file: string) => result.findings.filter((f) => f.path === `fixtures/bad/${file}`).map(describeFinding);

  it('reads every file, reports the broken ones and exits 1, with nothing on stderr', () => {
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(result.files.map((f) => f.path.replace('fixtures/bad/', ''))).toEqual([
      'site/crlf.md',
      'site/empty.md',
      'site/latin1.md',
      'site/logo-saved-as.md',
      'site/lone-cr.md',
      'site/path with spaces/café ünïcode — naïve.md',
      'site/unclosed.html',
      'site/unclosed.mdx',
      'site/utf16-bom.md',
      'site/utf8-bom.md',
      'support/quoted-newline.csv',
      'support/ragged.csv',
      'support/truncated.json',
    ]);
  });

  it('empty file: read, no findings', () => {
    expect(of('site/empty.md')).toEqual([]);
    expect(result.files.find((f) => f.path.endsWith('empty.md'))).toMatchObject({ format: 'markdown', bytes: 0, documents: 1 });
  });

  it('binary file with a text extension: file/unreadable', () => {
    expect(of('site/logo-saved-as.md')).toEqual(['1:1 file/unreadable binary file (a NUL byte at byte 8), not text']);
  });

  it('invalid UTF-8: file/unreadable naming the byte', () => {
    expect(of('site/latin1.md')).toEqual(['1:6 file/unreadable not valid UTF-8 text (bad byte 0xe9 at byte 5); save it as UTF-8']);
  });

  it('UTF-16 with a BOM: read, positions in characters after the BOM', () => {
    expect(of('site/utf16-bom.md')).toEqual([`3:5 claim/forbidden ${FORBIDDEN}`]);
  });

  it('UTF-8 with a BOM: read, the BOM is not a column', () => {
    expect(of('site/utf8-bom.md')).toEqual([`3:5 claim/forbidden ${FORBIDDEN}`]);
  });

  it('CRLF line endings: lines counted once per CRLF', () => {
    expect(of('site/crlf.md')).toEqual([`3:11 fact/mismatch ${SIXTY}`, `4:5 claim/forbidden ${FORBIDDEN}`]);
  });

  it('lone CR line endings: a CR is a line break', () => {
    expect(of('site/lone-cr.md')).toEqual([`3:11 fact/mismatch ${SIXTY}`, `4:5 claim/forbidden ${FORBIDDEN}`]);
  });

  it('unclosed HTML: read as a browser would', () => {
    expect(of('site/unclosed.html')).toEqual([`3:29 claim/forbidden ${FORBIDDEN}`, `4:42 fact/mismatch ${SIXTY_WITHIN}`]);
  });

  it('unclosed MDX: file/unreadable at the tag', () => {
    expect(of('site/unclosed.mdx')).toEqual(['3:1 file/unreadable Invalid MDX: Expected a closing tag for `<Callout>` (3:1-3:22)']);
  });

  it('a path with spaces and non-ASCII characters', () => {
    expect(of('site/path with spaces/café ünïcode — naïve.md')).toEqual([`3:17 claim/forbidden ${FORBIDDEN}`]);
  });

  it('truncated JSON export: file/unreadable at the line and column', () => {
    expect(of('support/truncated.json')).toEqual(["8:90 file/unreadable invalid JSON: expected a control character to be escaped but found '\\n'"]);
  });

  it('CSV with a quoted newline (and CRLF): the cell spans lines, positions exact', () => {
    const findings = result.findings.filter((f) => f.path.endsWith('quoted-newline.csv'));
    expect(findings.map(describeFinding)).toEqual([`3:18 fact/mismatch ${SIXTY_WITHIN}`, `4:16 claim/forbidden ${FORBIDDEN}`]);
    expect(findings.map((f) => f.documentTitle)).toEqual(['Returns', 'Praise']);
  });

  it('CSV with a ragged row: file/unreadable naming the row', () => {
    expect(of('support/ragged.csv')).toEqual(['3:1 file/unreadable row on line 3 has 4 fields; the header has 3']);
  });
});

const SPEC = [
  'version: 1',
  'channels:',
  '  marketing: ["site/**"]',
  '  support: ["support/**"]',
  'claims:',
  '  - id: best-in-industry',
  '    says: ["best in the industry"]',
  '    status: forbidden',
  '',
].join('\n');
const GOOD_PAGE = '# Summit Tent\n\nThe best in the industry.\n';

async function runIn(dir: string, paths: string[] = ['.']): Promise<RunResult> {
  return checkFolder(dir, { paths });
}

/** Findings by file, `line:col rule message`, for a run over a folder. */
function byFile(result: RunResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const finding of result.findings) (out[finding.path] ??= []).push(describeFinding(finding));
  return out;
}

/** The same long line of real-looking copy, `bytes` long, with a forbidden claim every ~120 characters. */
function longLine(bytes: number): string {
  const sentence = 'Our Summit Tent is the best in the industry, and free shipping covers every order over fifty dollars. ';
  return sentence.repeat(Math.ceil(bytes / sentence.length)).slice(0, bytes);
}

describe('generated: huge and deeply nested inputs, each reader', () => {
  const readers: Array<[string, string, (line: string) => string]> = [
    ['Markdown', 'site/long.md', (line) => line],
    ['MDX', 'site/long.mdx', (line) => line],
    ['HTML', 'site/long.html', (line) => `<p>${line}</p>`],
    ['text', 'site/long.txt', (line) => line],
    ['JSON export', 'support/long.json', (line) => JSON.stringify({ macros: [{ id: 1, title: 'Long', actions: [{ field: 'comment_value', value: line }] }] })],
    ['CSV', 'support/long.csv', (line) => `ID,Name,Body\n1,Long,"${line}"\n`],
  ];
  let context: LintContext;
  let dir: string;
  beforeAll(async () => {
    dir = tempRepo({ 'onemessage.yaml': SPEC });
    const { spec } = loadSpec({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, knownRuleIds: rules.map((r) => r.meta.id) });
    context = createLintContext({ spec, asOf: '2026-11-23', rules });
    await loadFormatsFor(readers.map(([, file]) => file));
  });

  // Linear time is checked by counting work, not with a clock (speed is the benchmark's job): what
  // the regexes of the reader, tokeniser, matcher and rules read grows about 10 times for a line
  // 10 times longer. Quadratic work, such as a rescan of the rest of the line per match, grows
  // about 100 times.
  for (const [reader, file, wrap] of readers) {
    it(`a single long line through ${reader}: every claim found, and work linear in its length`, () => {
      const lint = (bytes: number) => {
        const line = longLine(bytes);
        const text = wrap(line);
        const work = countRegexWork(() => lintText({ abs: path.join(dir, file), rel: file, explicit: true }, text, context, { sha256: '', bytes: text.length }));
        const findings = work.result!.findings;
        expect(findings.filter((f) => f.ruleId === 'file/unreadable')).toEqual([]);
        expect(findings.filter((f) => f.ruleId === 'claim/forbidden')).toHaveLength(line.split('best in the industry').length - 1);
        return work.scanned;
      };
      const ratio = lint(200_000) / lint(20_000);
      expect(ratio).toBeGreaterThan(9);
      expect(ratio).toBeLessThan(11);
    });
  }

  // A regex phrase's match was once placed on its first token by scanning the block's tokens from
  // the start, once per match (4,000 matches in a 400 KB line took 1.7 s). The matcher's `work`
  // hook counts the tokens it walks to place them: 10 times the line, about 10 times the steps.
  it('a single long line with a regex phrase: every match found, work linear in its length', () => {
    const { spec } = parseSpec(['version: 1', 'claims:', '  - id: best', '    says: [{ regex: "best in the (industry|world)" }]', '    status: forbidden', ''].join('\n'), 'onemessage.yaml', { absPath: path.join(dir, 'onemessage.yaml'), knownRuleIds: rules.map((r) => r.meta.id) });
    const place = (bytes: number) => {
      const work = { steps: 0 };
      const matcher = new Matcher(specPhrases(spec!), { ignoredSpeakers: [], work });
      const line = longLine(bytes);
      const builder = new TextBuilder();
      builder.appendVerbatim(line, 0);
      const doc = { path: 'long.txt', format: 'text', blocks: [builder.build({ kind: 'paragraph' })!], directives: [] };
      expect(matcher.match(doc).of('claim')).toHaveLength(line.split('best in the industry').length - 1);
      return work.steps;
    };
    const ratio = place(100_000) / place(10_000);
    expect(ratio).toBeGreaterThan(9);
    expect(ratio).toBeLessThan(11);
  });

  it('a 300 KB single line of Markdown through the whole run (read, decode, corpus rules): every claim found', async () => {
    const line = longLine(300_000);
    const result = await runIn(tempRepo({ 'onemessage.yaml': SPEC, 'site/long.md': line }));
    expect(result.findings.filter((f) => f.ruleId === 'claim/forbidden')).toHaveLength(line.split('best in the industry').length - 1);
    expect(result.findings.filter((f) => f.ruleId === 'file/unreadable')).toEqual([]);
  });

  const nested: Array<[string, string, string, string]> = [
    ['10,000 nested list items (Markdown)', 'site/list.md', `${'- '.repeat(10000)}The best in the industry`, '1:201 file/unreadable lists or block quotes nested more than 100 levels deep; onemessage reads at most 100'],
    ['10,000 nested block quotes (Markdown)', 'site/quote.md', `${'>'.repeat(10000)} The best in the industry`, '1:101 file/unreadable lists or block quotes nested more than 100 levels deep; onemessage reads at most 100'],
    ['a ladder of 1,000 indented list items (Markdown)', 'site/ladder.md', Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- the best in the industry, level ${i}`).join('\n'), '101:201 file/unreadable lists or block quotes nested more than 100 levels deep; onemessage reads at most 100'],
    ['10,000 nested list items (MDX)', 'site/list.mdx', `${'* '.repeat(10000)}The best in the industry`, '1:201 file/unreadable lists or block quotes nested more than 100 levels deep; onemessage reads at most 100'],
    ['10,000 nested emphasis marks', 'site/emphasis.md', `${'*'.repeat(10000)}best in the industry${'*'.repeat(10000)}`, '1:1001 file/unreadable a paragraph holds more than 1000 emphasis marks and brackets; onemessage reads at most 1000'],
    ['10,000 nested links', 'site/links.md', `${'['.repeat(10000)}best in the industry${'](/x)'.repeat(10000)}`, '1:33 file/unreadable brackets nested more than 32 levels deep; onemessage reads at most 32'],
    ['10,000 nested divs (HTML)', 'site/deep.html', `${'<div>'.repeat(10000)}best in the industry${'</div>'.repeat(10000)}`, '1:1 file/unreadable HTML is nested too deeply to read'],
  ];
  for (const [name, file, text, expected] of nested) {
    // The limits are checked before the parser meets the input: the exact refusal, at the first
    // marker past the limit, shows that the parser never ran on it.
    it(`${name}: file/unreadable at the limit, and the run goes on`, async () => {
      const dir = tempRepo({ 'onemessage.yaml': SPEC, [file]: text, 'site/index.md': GOOD_PAGE });
      const result = await runIn(dir);
      expect(byFile(result)).toEqual({ [file]: [expected], 'site/index.md': [`3:5 claim/forbidden ${FORBIDDEN_PLAIN}`] });
    });
  }

  it('10,000 nested arrays (JSON) in a channel: read without overflowing the stack, and counted as data (no export shape), not content', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'support/deep.json': `${'['.repeat(10000)}${']'.repeat(10000)}`, 'site/index.md': GOOD_PAGE });
    const result = await runIn(dir);
    expect(byFile(result)).toEqual({ 'site/index.md': [`3:5 claim/forbidden ${FORBIDDEN_PLAIN}`] });
    expect(result.notRead).toEqual([{ extension: '.json', files: 1, reason: 'code' }]);
    // named on the command line, it is a file onemessage was asked to read and cannot
    const named = await runIn(dir, ['support/deep.json']);
    expect(byFile(named)).toEqual({ 'support/deep.json': [`1:1 file/unreadable ${UNKNOWN_JSON_MESSAGE}`] });
  });

  it('deeply nested JSON in a support channel export: the reader stays iterative', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'support/deep.json': `{"macros": ${'['.repeat(100000)}` });
    const result = await runIn(dir);
    expect(byFile(result)['support/deep.json']).toEqual(['1:100012 file/unreadable invalid JSON: expected a value but found end of file']);
  });
});

describe('generated: files that cannot be read', () => {
  const isRoot = process.getuid?.() === 0;

  it.skipIf(isRoot)('a file without read permission: file/unreadable, the run goes on', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/locked.md': GOOD_PAGE, 'site/index.md': GOOD_PAGE });
    chmodSync(path.join(dir, 'site/locked.md'), 0o000);
    const result = await runIn(dir);
    expect(byFile(result)['site/locked.md']).toEqual(['1:1 file/unreadable cannot read file: permission denied']);
    expect(byFile(result)['site/index.md']).toHaveLength(1);
  });

  it('a pipe named page.md: file/unreadable at once, never a hang', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': GOOD_PAGE });
    execFileSync('mkfifo', [path.join(dir, 'site/pipe.md')]);
    const folder = await runIn(dir);
    expect(byFile(folder)['site/pipe.md']).toEqual(['1:1 file/unreadable cannot read file: not a regular file (a pipe, socket or device)']);
    expect(byFile(folder)['site/index.md']).toHaveLength(1);
    const named = await runIn(dir, ['site/pipe.md']);
    expect(byFile(named)).toEqual({ 'site/pipe.md': ['1:1 file/unreadable cannot read file: not a regular file (a pipe, socket or device)'] });
  });

  it('a folder named page.md is walked as a folder', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/page.md/index.md': GOOD_PAGE });
    const result = await runIn(dir);
    expect(result.files.map((f) => f.path)).toEqual(['site/page.md/index.md']);
  });

  it('a file link that loops on itself, and one that points at nothing: file/unreadable each', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': GOOD_PAGE });
    symlinkSync('loop.md', path.join(dir, 'site/loop.md'));
    symlinkSync('gone.md', path.join(dir, 'site/dangling.md'));
    const result = await runIn(dir);
    expect(byFile(result)).toMatchObject({
      'site/dangling.md': ['1:1 file/unreadable cannot read file: broken symbolic link (it points at nothing)'],
      'site/loop.md': ['1:1 file/unreadable cannot read file: too many levels of symbolic links'],
    });
  });

  it('a folder link that loops back up: each file read once', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': GOOD_PAGE });
    symlinkSync('..', path.join(dir, 'site/up'));
    symlinkSync('.', path.join(dir, 'site/here'));
    const result = await runIn(dir);
    expect(result.files.map((f) => f.path)).toEqual(['site/index.md']);
  });

  it('a file that vanishes between discovery and reading: file/unreadable, the others still read', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': GOOD_PAGE, 'site/b.md': GOOD_PAGE });
    const { spec } = loadSpec({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, knownRuleIds: rules.map((r) => r.meta.id) });
    const { files } = await discoverFiles({ cwd: dir, paths: ['.'], specDir: dir, ignoreGlobs: [], extensions: knownExtensions() });
    expect(files.map((f) => f.rel)).toEqual(['site/a.md', 'site/b.md']);
    rmSync(path.join(dir, 'site/a.md'));
    const context = createLintContext({ spec, asOf: '2026-11-23', rules });
    const outcomes = await Promise.all(files.map((file) => lintFile(file, context)));
    expect(outcomes.map((o) => o!.findings.map(describeFinding))).toEqual([['1:1 file/unreadable cannot read file: it no longer exists'], [`3:5 claim/forbidden ${FORBIDDEN_PLAIN}`]]);
  });

  it('a file over the size limit: refused before it is read, with its size and the limit', () => {
    const dir = tempRepo({ 'site/big.md': 'x'.repeat(3 * 1024 * 1024 + 1) });
    expect(readRegularFile(path.join(dir, 'site/big.md'), 3 * 1024 * 1024)).toEqual({ reason: "file too large: 3.1 MB, over onemessage's limit of 3 MB per file" });
    expect(readRegularFile(path.join(dir, 'site/big.md'))).toMatchObject({ bytes: expect.any(Buffer) });
    expect(MAX_FILE_BYTES).toBe(32 * 1024 * 1024);
  });

  it('a file replaced by a folder between discovery and reading', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': GOOD_PAGE });
    const { spec } = loadSpec({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, knownRuleIds: rules.map((r) => r.meta.id) });
    rmSync(path.join(dir, 'site/a.md'));
    mkdirSync(path.join(dir, 'site/a.md'));
    const outcome = await lintFile({ abs: path.join(dir, 'site/a.md'), rel: 'site/a.md' }, createLintContext({ spec, asOf: '2026-11-23', rules }));
    expect(outcome!.findings.map(describeFinding)).toEqual(['1:1 file/unreadable cannot read file: it is a folder']);
  });

  it('through the CLI: one line per unreadable file, exit 1, nothing on stderr', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC.replace('  support: ["support/**"]\n', ''), 'site/index.md': '# Summit Tent\n\nLight and strong.\n' });
    writeFileSync(path.join(dir, 'site/logo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    symlinkSync('gone.md', path.join(dir, 'site/old.md'));
    const run = await runCli(['check'], { cwd: dir });
    expect(run).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        'site/logo.md',
        '  1:1  error    binary file (a NUL byte at byte 4), not text  file/unreadable',
        '',
        'site/old.md',
        '  1:1  error    cannot read file: broken symbolic link (it points at nothing)  file/unreadable',
        '',
        '✖ 2 problems (2 errors, 0 warnings) in 3 files',
        '',
      ].join('\n'),
    });
  });
});
