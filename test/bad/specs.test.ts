/**
 * Broken and hostile specs, and a reader that fails, through the CLI: exit 2 with one line per
 * problem naming file:line:col and no stack trace for a spec or usage error; a warning (not an
 * error) for a channel glob that matches nothing; file/unreadable for a reader's internal error,
 * with its stack only under --debug.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markdown } from '../../src/formats/markdown.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const PAGE = '# Summit Tent\n\nThe best in the industry.\n';

async function checkWith(spec: string, files: Record<string, string> = { 'site/index.md': PAGE }, argv: string[] = []) {
  const dir = tempRepo({ 'onemessage.yaml': spec, ...files });
  return runCli(['check', ...argv], { cwd: dir });
}

function expectSpecError(run: { code: number; stdout: string; stderr: string }, lines: string[]): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(lines.map((line) => `${line}\n`).join(''));
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.code).toBe(2);
}

describe('broken and hostile specs through the CLI: exit 2, one line each, no stack', () => {
  it('type errors and unknown keys, each at its line and column', async () => {
    const run = await checkWith('version: 1\nbrand: 4\nchanels: {}\nclaims:\n  - id: x\n    says: "y"\n    status: maybe\n    severity: loud\n');
    expectSpecError(run, [
      'onemessage.yaml:2:8: expected a string at brand, found a number (4)',
      'onemessage.yaml:3:1: unknown key "chanels" in the spec; did you mean "channels"?',
      'onemessage.yaml:6:11: expected a list of strings at claims[0].says, found "y"',
      'onemessage.yaml:7:13: expected one of forbidden, allowed, needs-evidence at claims[0].status, found "maybe"',
      'onemessage.yaml:8:5: unknown key "severity" in claims[0]',
    ]);
  });

  it('not YAML at all', async () => {
    expectSpecError(await checkWith('version: 1\nclaims: [\n'), ['onemessage.yaml:3:1: bad YAML: flow sequence in block collection must be sufficiently indented and end with a ]']);
  });

  it('a YAML alias bomb: refused before it expands', async () => {
    const lines = ['version: 1', 'ignore: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 9; i++) lines.push(`x${i}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    // Expanded, this spec would hold 9^9 (387 million) strings: finishing at all, with this
    // error, shows the loader refused before expanding.
    const run = await checkWith(`${lines.join('\n')}\n`);
    expectSpecError(run, ['onemessage.yaml:3:9: bad YAML: aliases (*name) expand to more than 100 copies; write the values out instead']);
  });

  it('a catastrophic-backtracking regex cannot hang the run: re2js does not backtrack', async () => {
    const spec = 'version: 1\nchannels:\n  marketing: ["site/**"]\nclaims:\n  - id: evil\n    says: [{ regex: "(a+)+$" }]\n    status: forbidden\n';
    // A backtracking engine would try 2^50000 ways to split this line and never finish; the test
    // finishing (within the suite's timeout) with no finding is the check, no clock needed.
    const run = await checkWith(spec, { 'site/index.md': `${'a'.repeat(50_000)}!\n` });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('a regex re2js cannot run (a backreference, a lookahead) is refused at load', async () => {
    const run = await checkWith('version: 1\nclaims:\n  - id: r\n    says: [{ regex: "(a)\\\\1" }, { regex: "(?=a)b" }]\n    status: forbidden\n');
    expectSpecError(run, [
      'onemessage.yaml:4:21: bad regex "(a)\\1": invalid escape sequence: `\\1`',
      'onemessage.yaml:4:42: bad regex "(?=a)b": invalid or unsupported Perl syntax: `(?=`',
    ]);
  });

  it('a template with 10,001 alternatives is refused; one with 10,000 loads', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join('|');
    const run = await checkWith(`version: 1\nclaims:\n  - id: many\n    says: ["(${words(10_001)})"]\n    status: forbidden\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^onemessage\.yaml:4:12: too many alternatives: "\(w0\|w1\|[^\n]*…" expands to more than 10,000 phrases; split it into several phrases\n$/);
    const ok = await checkWith(`version: 1\nchannels:\n  marketing: ["site/**"]\nclaims:\n  - id: many\n    says: ["(${words(10_000)})"]\n    status: forbidden\n`);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
  });

  it('extends: a missing pack, itself, a cycle, a URL, an absolute path', async () => {
    const missing = await checkWith('version: 1\nextends: [ftc-endorsment]\n');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    // what follows the name depends on the packs this build ships: a did-you-mean or their list
    expect(missing.stderr).toMatch(/^onemessage\.yaml:2:11: unknown pack "ftc-endorsment"[^\n]*\n$/);
    expectSpecError(await checkWith('version: 1\nextends: [./onemessage.yaml]\n'), ['onemessage.yaml:2:11: "./onemessage.yaml" is this spec itself: a spec cannot extend itself']);
    expectSpecError(await checkWith('version: 1\nextends: [shared/base.yaml]\n', { 'shared/base.yaml': 'version: 1\nextends: [../onemessage.yaml]\n' }), [
      'shared/base.yaml:2:11: extends cycle: onemessage.yaml -> shared/base.yaml -> onemessage.yaml',
    ]);
    expectSpecError(await checkWith('version: 1\nextends: ["https://packs.example.com/claims.yaml"]\n'), [
      'onemessage.yaml:2:11: "https://packs.example.com/claims.yaml" is a URL: onemessage never fetches a spec; copy it into the repository and extend it by a relative path',
    ]);
    expectSpecError(await checkWith('version: 1\nextends: [/etc/passwd]\n'), [
      'onemessage.yaml:2:11: "/etc/passwd" is an absolute path: extend a built-in pack by name or a file by a path relative to this spec',
    ]);
  });

  // a spec with channels only can report nothing, and says so
  const NOTE = 'onemessage: note: onemessage.yaml holds no facts, claims, products, disclosures or terms yet, so nothing can be reported; uncomment and adapt its examples (see docs/spec.md)\n';

  it('a channel glob that matches nothing: a warning on the report, not an error', async () => {
    const run = await checkWith('version: 1\nchannels:\n  marketing: ["site/**"]\n  sales: ["sales/**"]\n', { 'site/index.md': '# Summit Tent\n\nLight and strong.\n' });
    expect(run).toEqual({ code: 0, stderr: NOTE, stdout: 'warning: onemessage.yaml: channel "sales" glob "sales/**" matches no file\n\n✔ no problems in 1 file\n' });
  });

  it('usage errors: one line, exit 2', async () => {
    const dir = tempRepo({ 'onemessage.yaml': 'version: 1\n', 'site/index.md': PAGE });
    expect(await runCli(['check', 'nowhere'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: no such file or folder: nowhere\n' });
    expect(await runCli(['check', '--as-of', '23/11/2026'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: --as-of expects a date as YYYY-MM-DD, found "23/11/2026"\n' });
    expect(await runCli(['check', '--format', 'xml'], { cwd: dir })).toMatchObject({ code: 2, stdout: '' });
    expect(await runCli(['check', '--spec', 'missing.yaml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'missing.yaml: cannot read the spec: no such file\n' });
  });

  it('as a process: a broken spec prints its lines and exits 2, no stack trace', () => {
    const dir = tempRepo({ 'onemessage.yaml': 'version: 1\nextends: [./onemessage.yaml]\nbrand: [x]\n', 'site/index.md': PAGE });
    const result = spawnCli(['check'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('onemessage.yaml:3:8: expected a string at brand, found a list\n');
  });
});

describe('a reader that throws something other than a FormatError', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const SPEC = 'version: 1\nchannels:\n  marketing: ["site/**"]\nclaims:\n  - id: best\n    says: ["best in the industry"]\n    status: forbidden\n';

  it('costs that file only: file/unreadable "internal error", the other formats still read, no stack', async () => {
    vi.spyOn(markdown, 'read').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'offset')\n    at somewhere.js:1:1");
    });
    const run = await checkWith(SPEC, { 'site/index.md': PAGE, 'site/about.html': '<p>The best in the industry.</p>' });
    expect(run).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        'site/about.html',
        '  1:8  error    "best in the industry" is a forbidden claim (best).  claim/forbidden',
        '',
        'site/index.md',
        "  1:1  error    internal error reading this file: TypeError: Cannot read properties of undefined (reading 'offset')  file/unreadable",
        '',
        '✖ 2 problems (2 errors, 0 warnings) in 2 files',
        '',
      ].join('\n'),
    });
  });

  it('--debug adds the stack as a warning', async () => {
    vi.spyOn(markdown, 'read').mockImplementation(() => {
      throw new RangeError('Invalid array length');
    });
    const run = await checkWith(SPEC, { 'site/index.md': PAGE }, ['--debug']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^warning: site\/index\.md: RangeError: Invalid array length\s+at /);
    expect(run.stdout).toContain('internal error reading this file: RangeError: Invalid array length  file/unreadable');
  });
});
