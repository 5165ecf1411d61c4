/** The baseline workflow through the CLI: adopt onemessage on day one, then see only what is new. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = `version: 1
channels:
  marketing: ["site/**"]
  support: ["support/**"]
claims:
  - id: best-in-industry
    says: ["best in the industry", "#1 rated"]
    status: forbidden
terms:
  - use: TrailPack
    not: ["Trail Pack"]
`;

const PAGE = [
  '# The TrailPack 45',
  '',
  'The best in the industry for weekend hikes.',
  '',
  'Every Trail Pack ships with a rain cover.',
  '',
  'Customers call it the best in the industry.',
  '',
].join('\n');

const check = (dir: string, ...flags: string[]) => runCli(['check', '--as-of', '2026-11-23', ...flags], { cwd: dir });

describe('--write-baseline and --baseline', () => {
  it('records today, reports only a new finding after lines move, and lists a deleted one as fixed', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/hikes.md': PAGE, 'support/faq.md': 'Is the Trail Pack waterproof?\n' });

    const first = await check(dir, '--write-baseline');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('onemessage: wrote 4 findings to the baseline .onemessage-baseline.json\n');
    const written = JSON.parse(readFileSync(path.join(dir, '.onemessage-baseline.json'), 'utf8'));
    expect(written.version).toBe(1);
    expect(written.entries.map((e: { path: string; ruleId: string; excerpt: string }) => `${e.path} ${e.ruleId} ${e.excerpt}`)).toEqual([
      'site/hikes.md claim/forbidden best in the industry',
      'site/hikes.md claim/forbidden best in the industry',
      'site/hikes.md term/use Trail Pack',
      'support/faq.md term/use Trail Pack',
    ]);

    // Writing again with nothing changed gives the same bytes.
    const bytes = readFileSync(path.join(dir, '.onemessage-baseline.json'), 'utf8');
    await check(dir, '--write-baseline');
    expect(readFileSync(path.join(dir, '.onemessage-baseline.json'), 'utf8')).toBe(bytes);

    // Lines inserted above the old findings, and one new finding.
    const edited = ['# The TrailPack 45', '', 'New for spring:', 'lighter straps and a bigger lid.', '', ...PAGE.split('\n').slice(2)].join('\n') + 'Hikers say it is #1 rated.\n';
    writeFileSync(path.join(dir, 'site/hikes.md'), edited);
    const second = await check(dir, '--baseline', '--format', 'json');
    expect(second.code).toBe(1);
    const json = JSON.parse(second.stdout);
    const active = json.findings.filter((f: { suppression?: unknown }) => !f.suppression);
    expect(active.map((f: { path: string; start: { line: number; column: number }; ruleId: string }) => `${f.path}:${f.start.line}:${f.start.column} ${f.ruleId}`)).toEqual([
      'site/hikes.md:11:18 claim/forbidden',
    ]);
    expect(json.findings.filter((f: { suppression?: { kind: string } }) => f.suppression?.kind === 'baseline')).toHaveLength(4);
    expect(json.baseline).toEqual({ file: '.onemessage-baseline.json', matched: 4, fixed: [] });

    // An old finding deleted: listed as fixed.
    writeFileSync(path.join(dir, 'support/faq.md'), 'Is the TrailPack waterproof?\n');
    const third = await check(dir, '--baseline');
    expect(third.code).toBe(1);
    expect(third.stdout).toBe(
      [
        'site/hikes.md',
        '  11:18  error    "#1 rated" is a forbidden claim (best-in-industry).  claim/forbidden',
        '',
        '✖ 1 problem (1 error, 0 warnings) in 2 files, 3 suppressed',
        '1 baseline entry no longer matches (fixed); drop it with --baseline --write-baseline:',
        '  support/faq.md  term/use  "Trail Pack"',
        '',
      ].join('\n'),
    );

    // Both flags: the baseline shrinks to what still matches and never adopts the new finding.
    const pruned = await check(dir, '--baseline', '--write-baseline');
    expect(pruned.code).toBe(1);
    expect(pruned.stderr).toBe('onemessage: wrote 3 findings to the baseline .onemessage-baseline.json\n');
    const after = JSON.parse(readFileSync(path.join(dir, '.onemessage-baseline.json'), 'utf8'));
    expect(after.entries.map((e: { path: string; ruleId: string }) => `${e.path} ${e.ruleId}`)).toEqual([
      'site/hikes.md claim/forbidden',
      'site/hikes.md claim/forbidden',
      'site/hikes.md term/use',
    ]);
  });

  it('refuses a missing or malformed baseline with a one-line usage error', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': 'Hello.\n', 'broken.json': '{"entries": 3}' });
    expect(await check(dir, '--baseline')).toEqual({ code: 2, stdout: '', stderr: 'onemessage: cannot read the baseline .onemessage-baseline.json (write one first with --write-baseline)\n' });
    expect(await check(dir, '--baseline', 'broken.json')).toEqual({ code: 2, stdout: '', stderr: 'onemessage: broken.json: not a onemessage baseline (expected {"version": 1, "entries": [...]})\n' });
  });
});
