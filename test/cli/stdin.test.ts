/** `check --stdin --stdin-filename NAME`: one document from standard input, read as if it were NAME. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = [
  'version: 1',
  'brand: Acme Outdoor',
  'channels:',
  '  marketing: ["site/**"]',
  '  sales: ["sales/**"]',
  '  support: ["support/**"]',
  'claims:',
  '  - id: best-in-industry',
  '    says: ["best in the industry"]',
  '    status: forbidden',
  '  - id: lifetime-warranty',
  '    says: ["lifetime warranty"]',
  '    status: allowed',
  '    channels: [marketing, sales]',
  'speakers:',
  '  ignore: ["Prospect"]',
  'ignore: ["site/legacy/**"]',
  '',
].join('\n');

const SCRIPT = [
  'Rep: Thanks for calling Acme Outdoor. Every pack has a lifetime warranty.',
  "Prospect: I heard you're the best in the industry.",
  'Rep: Our customers say we are the best in the industry.',
  '',
].join('\n');

function repo(): string {
  return tempRepo({
    'onemessage.yaml': SPEC,
    // on disk under the same name, a different text: --stdin must never read it
    'sales/scripts/inbound.txt': 'Rep: Nothing to see here.\n',
    'site/index.md': '# Acme\n\nThe best in the industry, since 1998.\n',
  });
}

describe('check --stdin', () => {
  it('reads the document from standard input under the given name: format, channel and speakers follow it', async () => {
    const dir = repo();
    const result = await runCli(['check', '--stdin', '--stdin-filename', 'sales/scripts/inbound.txt'], { cwd: dir, stdin: SCRIPT });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'sales/scripts/inbound.txt',
        '  3:35  error    "best in the industry" is a forbidden claim (best-in-industry).  claim/forbidden',
        '',
        '✖ 1 problem (1 error, 0 warnings) in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('gives the channel of the name: the same text as a support macro breaks the channel rule', async () => {
    const dir = repo();
    const text = 'Every pack has a lifetime warranty.\n';
    const asSales = await runCli(['check', '--stdin', '--stdin-filename', 'sales/notes.md'], { cwd: dir, stdin: text });
    expect(asSales.code).toBe(0);
    const asSupport = await runCli(['check', '--stdin', '--stdin-filename', 'support/macros/warranty.md', '--format', 'json'], { cwd: dir, stdin: text });
    expect(asSupport.code).toBe(1);
    const report = JSON.parse(asSupport.stdout);
    expect(report.files).toEqual([
      { path: 'support/macros/warranty.md', format: 'markdown', channel: 'support', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), documents: 1, bytes: 36 },
    ]);
    expect(report.findings.map((f: { ruleId: string; path: string; start: { line: number; column: number } }) => [f.ruleId, f.path, f.start.line, f.start.column])).toEqual([
      ['claim/channel', 'support/macros/warranty.md', 1, 18],
    ]);
  });

  it('checks that one document only, not the rest of the repository', async () => {
    const dir = repo();
    const result = await runCli(['check', '--stdin', '--stdin-filename', 'site/about.md', '--format', 'json'], { cwd: dir, stdin: 'Made in Portland.\n' });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['site/about.md']);
    expect(report.findings).toEqual([]);
    // nor is a glob that matches nothing else worth a warning when one document is checked
    expect(report.warnings).toEqual([]);
  });

  it('takes the name relative to the working folder and finds the spec above it, as for files', async () => {
    const dir = repo();
    const result = await runCli(['check', '--stdin', '--stdin-filename', 'landing.html'], {
      cwd: path.join(dir, 'site'),
      stdin: '<!doctype html>\n<title>Acme</title>\n<p>The <b>best</b> in the industry.</p>\n',
    });
    expect(result.stdout).toBe(
      ['landing.html', '  3:11  error    "best in the industry" is a forbidden claim (best-in-industry).  claim/forbidden', '', '✖ 1 problem (1 error, 0 warnings) in 1 file', ''].join('\n'),
    );
    expect(result.code).toBe(1);
  });

  it("reports a document the reader cannot read under the given name, and honours the spec's ignore globs", async () => {
    const dir = repo();
    const broken = await runCli(['check', '--stdin', '--stdin-filename', 'support/macros.json'], { cwd: dir, stdin: '{"macros": [' });
    expect(broken.stdout).toContain('support/macros.json\n  1:13  error    invalid JSON: expected a value but found end of file  file/unreadable\n');
    expect(broken.code).toBe(1);
    const ignored = await runCli(['check', '--stdin', '--stdin-filename', 'site/legacy/old.md'], { cwd: dir, stdin: 'The best in the industry.\n' });
    expect(ignored).toEqual({ code: 0, stdout: "warning: site/legacy/old.md: ignored by the spec's ignore globs, not checked\n\n✔ no problems in 0 files\n", stderr: '' });
  });

  it('refuses --stdin without a name, with paths, and a name without --stdin', async () => {
    const dir = repo();
    expect(await runCli(['check', '--stdin'], { cwd: dir, stdin: 'x' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'onemessage: --stdin needs --stdin-filename NAME: its extension picks the format and its path the channel\n',
    });
    expect(await runCli(['check', '--stdin', '--stdin-filename', 'site/a.md', 'site'], { cwd: dir, stdin: 'x' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'onemessage: --stdin reads one document from standard input; drop the paths (site) or --stdin\n',
    });
    expect(await runCli(['check', '--stdin-filename', 'site/a.md'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'onemessage: --stdin-filename names the document read with --stdin; add --stdin\n',
    });
  });

  it('reads the real standard input of a process, with a BOM and CRLF line endings', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'sales/scripts/inbound.txt'), 'Rep: unrelated\n');
    const input = `\uFEFF${SCRIPT.replace(/\n/g, '\r\n')}`;
    const result = spawnCli(['check', '--stdin', '--stdin-filename', 'sales/scripts/inbound.txt'], { cwd: dir, input });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  3:35  error    "best in the industry" is a forbidden claim (best-in-industry).  claim/forbidden\n');
  });
});
