/**
 * A tampered `.onemessage-cache` never changes what a run reports or writes: a forged fix is never
 * applied, wrongly typed and null entries and forged positions are checked again from the file, and
 * a folder or a link in the cache's place leaves the run as it would be without the cache.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = `version: 1
channels:
  marketing: ["site/**"]
claims:
  - id: best
    says: ["best in the industry"]
    status: forbidden
terms:
  - use: TrailPack
    not: ["Trail Pack"]
`;
const PAGE = '# Hi\n\nWe are the best in the industry.\n';
const CLEAN = 'Nothing to see here.\n';
const EXPECTED = 'site/a.md\n  3:12  error    "best in the industry" is a forbidden claim (best).  claim/forbidden\n\n✖ 1 problem (1 error, 0 warnings) in 2 files\n';

const check = (dir: string, ...flags: string[]) => runCli(['check', '--cache', '--as-of', '2026-11-23', ...flags], { cwd: dir });

interface CacheFile {
  entries: Record<string, { outcome: Record<string, unknown> & { findings: Array<Record<string, unknown>> } }>;
}

/** A repo whose cache has been written by one honest run; `tamper` edits its JSON. */
async function tampered(tamper: (cache: CacheFile) => void): Promise<string> {
  const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': PAGE, 'site/b.md': CLEAN });
  expect((await check(dir)).stdout).toBe(EXPECTED);
  const file = path.join(dir, '.onemessage-cache');
  const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
  expect(Object.keys(cache.entries)).toEqual(['site/a.md', 'site/b.md']);
  tamper(cache);
  writeFileSync(file, JSON.stringify(cache));
  return dir;
}

const RECHECKED = (n: number) => `warning: .onemessage-cache: ${n} entr${n === 1 ? 'y' : 'ies'} did not match ${n === 1 ? 'its file' : 'their files'} and ${n === 1 ? 'was' : 'were'} checked again\n\n`;

describe('a tampered .onemessage-cache', () => {
  it('an honest cache of inferred fact statements is taken as it is, with the same findings (its shape is validated, not refused)', async () => {
    const spec = 'version: 1\nfacts:\n  return-window:\n    value: 30 days\n    about: [refund]\n    says: ["{value} return policy"]\n';
    const dir = tempRepo({ 'onemessage.yaml': spec, 'site/a.md': 'Refunds are accepted for 14 days.\n', 'site/b.md': 'Our 30 days return policy.\n' });
    const cold = await check(dir);
    expect(cold.stdout).toContain('1:26  warning  "Refunds are accepted for 14 days" states return-window as 14 days');
    const warm = await check(dir);
    expect(warm).toEqual(cold);
  });

  it('a forged fix in range is never applied by check --cache --fix (was: an arbitrary rewrite of the file)', async () => {
    const dir = await tampered((cache) => {
      const finding = cache.entries['site/b.md']!.outcome.findings;
      finding.push({ ruleId: 'term/use', severity: 'warning', message: 'x', path: 'site/b.md', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 8, offset: 7 }, excerpt: 'Nothing', related: [], fix: { start: 0, end: 7, text: '<script>alert(1)</script>' } });
    });
    const out = await check(dir, '--fix');
    expect(readFileSync(path.join(dir, 'site/b.md'), 'utf8')).toBe(CLEAN);
    expect(out).toEqual({ code: 1, stderr: '', stdout: RECHECKED(1) + EXPECTED });
  });

  it('even a forged fix with every position, excerpt and fingerprint right is not taken: fixes come from the text', async () => {
    const dir = await tampered((cache) => {
      const honest = cache.entries['site/a.md']!.outcome.findings[0]!;
      honest.fix = { start: 17, end: 37, text: 'PWNED' };
    });
    const out = await check(dir, '--fix');
    expect(readFileSync(path.join(dir, 'site/a.md'), 'utf8')).toBe(PAGE);
    expect(out).toEqual({ code: 1, stderr: '', stdout: RECHECKED(1) + EXPECTED });
  });

  it('wrongly typed entries are checked again (was: internal error: Cannot read properties...)', async () => {
    const dir = await tampered((cache) => {
      cache.entries['site/a.md']!.outcome.findings = 'none' as never;
      (cache.entries['site/b.md']!.outcome as Record<string, unknown>).statements = { 'fact/mismatch': [{ path: 'site/b.md', start: 0, end: 1, data: { fact: 7 }, where: {} }] };
    });
    expect(await check(dir)).toEqual({ code: 1, stderr: '', stdout: RECHECKED(2) + EXPECTED });
  });

  it('a null outcome is checked again, never a silently dropped file', async () => {
    const dir = await tampered((cache) => {
      cache.entries['site/a.md']!.outcome = null as never;
    });
    expect(await check(dir)).toEqual({ code: 1, stderr: '', stdout: RECHECKED(1) + EXPECTED });
  });

  it('forged positions, excerpts, fingerprints and waivers are checked again (was: printed as they are)', async () => {
    const forgeries: Array<(finding: Record<string, unknown>) => void> = [
      (f) => (f.start = { line: 99, column: 1, offset: 17 }),
      (f) => (f.end = { line: 3, column: 32, offset: 9000 }),
      (f) => (f.excerpt = 'something else'),
      (f) => (f.fingerprint = '0'.repeat(32)),
      (f) => (f.path = 'site/b.md'),
      (f) => (f.suppression = { kind: 'baseline', reason: 'forged' }),
      (f) => (f.severity = 'fatal'),
    ];
    for (const forge of forgeries) {
      const dir = await tampered((cache) => forge(cache.entries['site/a.md']!.outcome.findings[0]!));
      expect(await check(dir)).toEqual({ code: 1, stderr: '', stdout: RECHECKED(1) + EXPECTED });
    }
  });

  it('an entry for another version of the file is a miss, as is a cache of another spec', async () => {
    const dir = await tampered((cache) => {
      (cache as unknown as { specSha256: string }).specSha256 = 'f'.repeat(64);
    });
    expect(await check(dir)).toEqual({ code: 1, stderr: '', stdout: EXPECTED });
  });

  it('not JSON, or JSON of another shape: rebuilt, with a warning', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': PAGE, 'site/b.md': CLEAN, '.onemessage-cache': '{"onemessageCache": 2, "entries": []' });
    expect(await check(dir)).toEqual({ code: 1, stderr: '', stdout: `warning: .onemessage-cache: not valid JSON; rebuilt from this run\n\n${EXPECTED}` });
    writeFileSync(path.join(dir, '.onemessage-cache'), '{"onemessageCache": 3, "entries": []}');
    expect(await check(dir)).toEqual({ code: 1, stderr: '', stdout: `warning: .onemessage-cache: not a onemessage cache (at /: must have required property 'version'); rebuilt from this run\n\n${EXPECTED}` });
    expect(await check(dir)).toEqual({ code: 1, stderr: '', stdout: EXPECTED });
  });

  it('a folder named .onemessage-cache: the run goes on without the cache (was: EISDIR)', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': PAGE, 'site/b.md': CLEAN });
    mkdirSync(path.join(dir, '.onemessage-cache'));
    const warning = 'warning: .onemessage-cache: cannot use it (it is a folder, not a file); running without the cache\n\n';
    expect(await check(dir)).toEqual({ code: 1, stderr: '', stdout: warning + EXPECTED });
  });

  it('a link named .onemessage-cache is neither read nor written through', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': PAGE, 'site/b.md': CLEAN, '.elsewhere': 'keep me\n' });
    // A dotfile: a walk passes it over without a word (issue 15 reports other files it does not read).
    symlinkSync('.elsewhere', path.join(dir, '.onemessage-cache'));
    const warning = 'warning: .onemessage-cache: a symbolic link; running without the cache (onemessage never writes through a link)\n\n';
    expect(await check(dir)).toEqual({ code: 1, stderr: '', stdout: warning + EXPECTED });
    expect(readFileSync(path.join(dir, '.elsewhere'), 'utf8')).toBe('keep me\n');
  });

  it('an honest warm cache passes validation: no entry is checked again', async () => {
    const dir = await tampered(() => undefined);
    const out = await check(dir, '--format', 'json');
    expect(JSON.parse(out.stdout).warnings).toEqual([]);
  });
});
