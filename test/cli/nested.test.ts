/**
 * Nested specs on fixtures/brands: a group spec and two brand folders whose own onemessage.yaml
 * extends it with a different return window. One run over the repository checks each file
 * against its nearest spec; cross-document rules compare only statements under the same
 * definition of a fact, whatever the number of threads, with the cache, or in shards.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';

const AS_OF = ['--as-of', '2026-12-15'];

/** A copy of fixtures/brands, with files changed or added. */
function brands(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onemessage-brands-'));
  cpSync(path.join(ROOT, 'fixtures/brands'), dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(dir, rel), text);
  return dir;
}

describe('nested specs (fixtures/brands)', () => {
  it('two brands with different return windows, each consistent: nothing to report', async () => {
    expect(await runCli(['check', 'fixtures/brands', ...AS_OF])).toEqual({ code: 0, stdout: '✔ no problems in 4 files\n', stderr: '' });
  });

  it('a contradiction planted inside one brand is reported against that brand\'s spec, with its other side', async () => {
    const cwd = brands({ 'coastal/support/shipping.md': '# Shipping\n\nChanged your mind? Return it within 30 days.\n' });
    const run = await runCli(['check', ...AS_OF], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'coastal/support/shipping.md',
        '  3:37  error    "Return it within 30 days" states return-window as 30 days, but the spec says 60 days.  fact/mismatch',
        '        ↳ coastal/site/index.md:3:25  marketing says "60-day returns"',
        '',
        '✖ 1 problem (1 error, 0 warnings) in 5 files',
        '',
      ].join('\n'),
    );
  });

  it('a fact both brands take from the group spec is one definition: its statements are compared across brands', async () => {
    const cwd = brands({ 'coastal/site/index.md': '# Coastal Outfitters\n\nPaddle with confidence: 60-day returns on every board.\n\nSave 25% with annual billing on the Coastal Crew membership.\n' });
    const run = await runCli(['check', '--format', 'json', ...AS_OF], { cwd });
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; path: string; related: Array<{ path: string }> }> }).findings;
    // one document each way is a tie (issue 17): no value is the reference, so both sides are reported
    expect(findings.map((f) => [f.ruleId, f.path, f.related.map((r) => r.path)])).toEqual([
      ['fact/conflict', 'alpine/site/index.md', ['coastal/site/index.md']],
      ['fact/conflict', 'coastal/site/index.md', ['alpine/site/index.md']],
    ]);
  });

  it('--spec names one spec for every file: then the brands contradict each other', async () => {
    const run = await runCli(['check', '--spec', 'fixtures/brands/onemessage.yaml', 'fixtures/brands', '--format', 'json', ...AS_OF]);
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; messageId: string }> }).findings;
    // each brand's value once against the other's: two ties, every side reported
    expect(findings.map((f) => `${f.ruleId} ${f.messageId}`)).toEqual(Array(4).fill('fact/conflict conflictTie'));
  });

  it('--print-config FILE shows which spec a file gets, merged', async () => {
    const run = await runCli(['check', '--print-config', 'fixtures/brands/coastal/site/index.md']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('# fixtures/brands/coastal/site/index.md is checked against fixtures/brands/coastal/onemessage.yaml (extends ../onemessage.yaml, merged)');
    expect(run.stdout).toContain('brand: Coastal Outfitters\n');
    // coastal gives only a value: the phrases are the group's
    expect(run.stdout).toContain('    value: 60 days\n    says:\n      - "{value} return"\n');
    // what the group spec adds comes along
    expect(run.stdout).toContain('  - id: best-in-industry\n');
  });

  it('the guide of a spec counts only the files it governs, not a brand folder with its own spec', async () => {
    const group = await runCli(['guide', '-c', 'fixtures/brands/onemessage.yaml', ...AS_OF]);
    expect(group.stdout).toContain('### Return window\n\nThe spec fixes no value: every channel must state the same one.');
    expect(group.stdout).not.toContain('60-day');
    const coastal = await runCli(['guide', '-c', 'fixtures/brands/coastal/onemessage.yaml', ...AS_OF]);
    expect(coastal.stdout).toContain('### Return window: 60 days\n');
    expect(coastal.stdout).toContain('### Annual discount: 20%\n\nThe spec fixes no value; 20% is what most documents say, in Marketing, so use it.');
  });

  it('the message map names the spec file of each row, a brand\'s value beside its own spec', async () => {
    const run = await runCli(['matrix', 'fixtures/brands', ...AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'spec file                                fact             spec     marketing  support',
      'fixtures/brands/onemessage.yaml          return-window    (agree)  —          —',
      'fixtures/brands/onemessage.yaml          annual-discount  (agree)  —          —',
      'fixtures/brands/alpine/onemessage.yaml   return-window    30 days  30-day ×1  30 days ×1',
      'fixtures/brands/alpine/onemessage.yaml   annual-discount  (agree)  20% ×1     —',
      'fixtures/brands/coastal/onemessage.yaml  return-window    60 days  60-day ×1  60 days ×1',
      'fixtures/brands/coastal/onemessage.yaml  annual-discount  (agree)  20% ×1     —',
      '',
      '✔ every channel states every fact the same way (6 facts, counted once per spec: 3 specs)',
      '',
    ]);
  });

  it('each file is reported with the spec it was checked against, and json lists the specs', async () => {
    const run = await runCli(['check', 'fixtures/brands', '--format', 'json', ...AS_OF]);
    const result = JSON.parse(run.stdout) as { specs: Array<{ path: string; brand: string }>; files: Array<{ path: string; spec: string }> };
    expect(result.specs.map((spec) => `${spec.path} ${spec.brand}`)).toEqual([
      'fixtures/brands/onemessage.yaml Summit Group',
      'fixtures/brands/alpine/onemessage.yaml Alpine Gear',
      'fixtures/brands/coastal/onemessage.yaml Coastal Outfitters',
    ]);
    expect(result.files.map((file) => `${file.path} -> ${file.spec}`)).toContain('fixtures/brands/coastal/support/returns.md -> fixtures/brands/coastal/onemessage.yaml');
  });

  it('SARIF lists every spec as configuration and names each file\'s spec, and stays valid', async () => {
    const run = await runCli(['check', 'fixtures/brands', '--format', 'sarif', ...AS_OF]);
    const log = JSON.parse(run.stdout) as { runs: Array<{ artifacts: Array<{ location: { uri: string }; roles: string[]; properties?: { spec?: string } }> }> };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const artifacts = log.runs[0]!.artifacts;
    expect(artifacts.filter((a) => a.roles.includes('userSpecifiedConfiguration')).map((a) => a.location.uri)).toEqual([
      'fixtures/brands/onemessage.yaml',
      'fixtures/brands/alpine/onemessage.yaml',
      'fixtures/brands/coastal/onemessage.yaml',
    ]);
    expect(artifacts.find((a) => a.location.uri === 'fixtures/brands/coastal/site/index.md')?.properties?.spec).toBe('fixtures/brands/coastal/onemessage.yaml');
  });

  it('markdown and junit name the nested specs beside the root one', async () => {
    const markdown = await runCli(['check', 'fixtures/brands', '--format', 'markdown', ...AS_OF]);
    expect(markdown.stdout).toContain('**Summit Group** · spec `fixtures/brands/onemessage.yaml` · nested `fixtures/brands/alpine/onemessage.yaml`, `fixtures/brands/coastal/onemessage.yaml` · ');
    const junit = await runCli(['check', 'fixtures/brands', '--format', 'junit', ...AS_OF]);
    expect(junit.stdout).toContain('<property name="spec.nested.2" value="fixtures/brands/coastal/onemessage.yaml"/>');
  });

  it('no "holds nothing yet" note when the shared spec holds only channels and the brands hold the items', async () => {
    const cwd = brands({ 'onemessage.yaml': 'version: 1\nchannels:\n  marketing: ["site/**"]\n', 'coastal/onemessage.yaml': 'version: 1\nextends: [../onemessage.yaml]\nterms:\n  - use: sign in\n    not: ["login to"]\n', 'alpine/onemessage.yaml': 'version: 1\nextends: [../onemessage.yaml]\n' });
    expect(await runCli(['check', ...AS_OF], { cwd })).toEqual({ code: 0, stdout: '✔ no problems in 4 files\n', stderr: '' });
    expect((await runCli(['check', 'alpine', ...AS_OF], { cwd })).stderr).toContain('onemessage: note: onemessage.yaml holds no facts');
  });

  it('a brand spec with a mistake stops the run with its file:line:col, as the root spec would', async () => {
    const cwd = brands({ 'coastal/onemessage.yaml': 'version: 1\nextends: [../onemessage.yaml]\nbrnd: Coastal\n' });
    expect(await runCli(['check'], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'coastal/onemessage.yaml:3:1: unknown key "brnd" in the spec; did you mean "brand"?\n' });
  });

  it('standard input is checked against the spec of the path it stands for', async () => {
    const run = await runCli(['check', '--stdin', '--stdin-filename', 'coastal/site/new.md', ...AS_OF], { cwd: brands(), stdin: 'Enjoy 30-day returns.\n' });
    expect(run.stdout).toContain('states return-window as 30-day, but the spec says 60 days.');
  });

  it('gives the same result with worker threads, from the cache, and from shards merged', async () => {
    const cwd = brands({ 'coastal/support/shipping.md': '# Shipping\n\nReturn it within 30 days. Login to your account.\n' });
    const json = async (args: string[]) => {
      const run = await runCli(args[0] === 'merge' ? args : [...args, ...AS_OF], { cwd });
      const result = JSON.parse(run.stdout) as Record<string, unknown>;
      delete result.startedAt;
      delete result.command;
      return result;
    };
    const plain = await json(['check', '--format', 'json', '--threads', '0']);
    expect((plain.findings as unknown[]).length).toBe(2);
    expect(await json(['check', '--format', 'json', '--threads', '2'])).toEqual(plain);
    await json(['check', '--format', 'json', '--cache']);
    expect(await json(['check', '--format', 'json', '--cache'])).toEqual(plain);
    for (const shard of ['1/2', '2/2']) {
      expect((await runCli(['check', '--shard', shard, '--format', 'shard', '--output', `shard-${shard[0]}.json`, ...AS_OF], { cwd })).code).toBe(0);
    }
    expect(await json(['merge', 'shard-1.json', 'shard-2.json', '--format', 'json'])).toEqual(plain);
  });
});
