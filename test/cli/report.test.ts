/**
 * The reviewer's `report` command and the employees' `guide` command through the CLI, and what
 * every report format promises through the CLI: SARIF that validates against the official
 * schema, and the same bytes from the same run apart from the timestamp.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acmeCopy } from '../helpers/acme.js';
import { ROOT, runCli, spawnCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';
import { sarifValidator } from '../helpers/sarif.js';

const SPEC = [
  'version: 1',
  'brand: Acme Outdoor',
  'channels:',
  '  marketing: ["site/**"]',
  '  support: ["support/**"]',
  'claims:',
  '  - id: best-in-industry',
  '    says: ["best in the industry"]',
  '    status: forbidden',
  'terms:',
  '  - use: TrailPack',
  '    not: ["Trail Pack"]',
  '',
].join('\n');

const FILES = {
  'onemessage.yaml': SPEC,
  'site/index.md': '# Acme Outdoor\n\nThe best in the industry, and the Trail Pack proves it.\n',
  'support/returns.md': 'You can return your TrailPack within 30 days.\n',
};

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('onemessage report', () => {
  it('writes onemessage-report.html in the working folder, says where, and exits 0 despite errors', async () => {
    const dir = tempRepo(FILES);
    const result = await runCli(['report'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: 'Wrote onemessage-report.html: 2 findings (1 error, 1 warning) in 2 files\n', stderr: '' });
    const html = read(dir, 'onemessage-report.html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<code class="rule">claim/forbidden</code> <span class="loc mono">site/index.md:3:5–3:25</span>');
  });

  it('writes each --format to its --output, or to onemessage-report.<ext> when none is given', async () => {
    const dir = tempRepo(FILES);
    const result = await runCli(['report', 'site', '--format', 'csv', '--format', 'sarif', '--output', 'out/audit.sarif', '-f', 'markdown', '-f', 'json', '-o', 'findings.json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Wrote onemessage-report.csv: 2 findings (1 error, 1 warning) in 1 file',
        'Wrote out/audit.sarif: 2 findings (1 error, 1 warning) in 1 file',
        'Wrote onemessage-report.md: 2 findings (1 error, 1 warning) in 1 file',
        'Wrote findings.json: 2 findings (1 error, 1 warning) in 1 file',
        '',
      ].join('\n'),
    );
    expect(readdirSync(dir).sort()).toEqual(['findings.json', 'onemessage-report.csv', 'onemessage-report.md', 'onemessage.yaml', 'out', 'site', 'support']);
    expect(read(dir, 'onemessage-report.csv').split('\r\n')[0]).toBe(
      '\uFEFFpath,line,column,endLine,endColumn,severity,rule,item,channel,document,message,excerpt,fingerprint,suppressed,suppression reason,approved by,until,sentence,contradicts,context',
    );
    expect(JSON.parse(read(dir, 'out/audit.sarif')).version).toBe('2.1.0');
    expect(JSON.parse(read(dir, 'findings.json')).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['claim/forbidden', 'term/use']);
    expect(read(dir, 'onemessage-report.md')).toContain('site/index.md');
  });

  it('writes the CSV without its byte-order mark when told', async () => {
    const dir = tempRepo(FILES);
    expect((await runCli(['report', '--format', 'csv', '--no-bom'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'onemessage-report.csv').startsWith('path,line,')).toBe(true);
    expect((await runCli(['check', '--format', 'csv', '--no-bom'], { cwd: dir })).stdout.startsWith('path,line,')).toBe(true);
  });

  it('never reads its own reports back as content on the next run', async () => {
    const dir = tempRepo(FILES);
    expect((await runCli(['report', '-f', 'html', '-f', 'markdown', '-f', 'csv'], { cwd: dir })).code).toBe(0);
    const check = await runCli(['check'], { cwd: dir });
    expect(check.stdout).toBe(
      [
        'site/index.md',
        '  3:5   error    "best in the industry" is a forbidden claim (best-in-industry).  claim/forbidden',
        '  3:35  warning  Use "TrailPack" instead of "Trail Pack".  term/use',
        '',
        '✖ 2 problems (1 error, 1 warning) in 2 files',
        '  1 fixable with --fix',
        '',
      ].join('\n'),
    );
    // nor a check its own --output file inside the checked folder
    const args = ['check', '--format', 'stylish', '--format', 'html', '--output', 'site/audit.html'];
    const first = await runCli(args, { cwd: dir });
    expect(existsSync(path.join(dir, 'site/audit.html'))).toBe(true);
    expect(await runCli(args, { cwd: dir })).toEqual(first);
  });

  it('exits 0 as a real process on a folder with errors, where check exits 1', async () => {
    const dir = tempRepo(FILES);
    // check's exit status as a process is test/cli/process.test.ts's; here, the contrast
    expect((await runCli(['check'], { cwd: dir })).code).toBe(1);
    expect(spawnCli(['report', '--format', 'junit'], { cwd: dir })).toEqual({
      code: 0,
      stdout: 'Wrote onemessage-report.xml: 2 findings (1 error, 1 warning) in 2 files\n',
      stderr: '',
    });
    expect(read(dir, 'onemessage-report.xml')).toContain('<testsuites');
  });

  it('exits 0 on a clean run too', async () => {
    const dir = tempRepo({ ...FILES, 'site/index.md': '# Acme Outdoor\n\nOur TrailPack is built in Portland.\n' });
    expect(await runCli(['report', '--as-of', '2026-12-15'], { cwd: dir })).toEqual({
      code: 0,
      stdout: 'Wrote onemessage-report.html: 0 findings (0 errors, 0 warnings) in 2 files\n',
      stderr: '',
    });
  });

  it('exits 2 and writes nothing when the run itself fails', async () => {
    const bad = tempRepo({ ...FILES, 'onemessage.yaml': SPEC.replace('status: forbidden', 'status: forbiden') });
    const specError = await runCli(['report'], { cwd: bad });
    expect(specError.code).toBe(2);
    expect(specError.stdout).toBe('');
    expect(specError.stderr).toMatch(/^onemessage\.yaml:9:13: /);
    expect(existsSync(path.join(bad, 'onemessage-report.html'))).toBe(false);

    const dir = tempRepo(FILES);
    expect(await runCli(['report', '--format', 'stylish'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'onemessage: report cannot write "stylish" (one of: html, csv, json, sarif, markdown, junit); use check --format stylish instead\n',
    });
    expect(await runCli(['report', '--as-of', '15/12/2026'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'onemessage: --as-of expects a date as YYYY-MM-DD, found "15/12/2026"\n',
    });
    expect(readdirSync(dir).filter((name) => name.startsWith('onemessage-report'))).toEqual([]);
  });
});

describe('onemessage guide', () => {
  const specPath = path.join(ROOT, 'fixtures/acme/onemessage.yaml');

  it("prints the Markdown guide of the spec it finds, with the value acme's documents agree on", async () => {
    const dir = acmeCopy();
    const result = await runCli(['guide', '--as-of', '2026-12-15'], { cwd: path.join(dir, 'site') });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe('# Acme Outdoor messaging guide');
    expect(result.stdout).toContain('- **Date:** 2026-12-15\n');
    expect(result.stdout).toContain('### Annual discount: 20%\n\nThe spec fixes no value; 20% is what most documents say, in Marketing and Support, so use it. Some documents say 25%: do not follow them.');
    expect(result.stdout).toContain('- “save 20% with annual billing”');
  });

  it("acme's guide holds no template syntax and no value pasted next to its unit", async () => {
    const dir = acmeCopy();
    const markdown = (await runCli(['guide', '--as-of', '2026-12-15'], { cwd: dir })).stdout;
    const html = (await runCli(['guide', '--as-of', '2026-12-15', '--format', 'html'], { cwd: dir })).stdout;
    const visible = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '');
    for (const text of [markdown, visible]) {
      for (const syntax of ['(', '|', '{value}', '?', '‹value›']) expect(text, syntax).not.toContain(syntax);
      // the values of acme's facts, each as it reads: "30-day return", never "30 days return" or "30 days days"
      expect(text).not.toMatch(/\b30 days (return|money)/);
      expect(text).not.toMatch(/\b(days?|weeks?)[ -](days?|weeks?)\b/);
      expect(text).not.toMatch(/\$50 dollars|20% percent/);
      expect(text).toContain('30-day money-back guarantee');
      expect(text).toContain('return your order within 30 days');
    }
  });

  it('renders the spec alone with --spec-only, and then says plainly that channels must agree', async () => {
    const dir = acmeCopy();
    const result = await runCli(['guide', '--spec-only', '--as-of', '2026-12-15'], { cwd: dir });
    expect(result.stdout).toContain('### Annual discount\n\nThe spec fixes no value: every channel must state the same one. Ask the owner before you state it.');
    expect(result.stdout).toContain('- “save … with annual billing”');
  });

  it('writes the HTML guide to --output with --spec, and says where', async () => {
    const dir = tempRepo({});
    const result = await runCli(['guide', '--spec', specPath, '--format', 'html', '--output', 'docs/guide.html', '--as-of', '2026-12-15'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: 'Wrote the messaging guide to docs/guide.html\n', stderr: '' });
    const html = read(dir, 'docs/guide.html');
    expect(html).toContain('<title>Acme Outdoor messaging guide</title>');
    expect(html).toContain('<li><strong>Owner:</strong> Brand team, brand@acme.example. Ask them before you say anything this guide does not cover.</li>');
  });

  it('refuses an unknown format, a bad date and a missing spec', async () => {
    expect(await runCli(['guide', '--format', 'pdf'], { cwd: ROOT })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: unknown guide format "pdf" (one of: markdown, html)\n' });
    expect((await runCli(['guide', '--as-of', 'tomorrow'], { cwd: ROOT })).stderr).toBe('onemessage: --as-of expects a date as YYYY-MM-DD, found "tomorrow"\n');
    const empty = tempRepo({});
    expect(await runCli(['guide'], { cwd: empty })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: no onemessage.yaml in this folder or any parent (give one with --spec FILE)\n' });
  });
});

describe('reports of fixtures/acme through the CLI', () => {
  it('gives SARIF that validates against the official 2.1.0 schema', async () => {
    const dir = acmeCopy();
    const result = await runCli(['report', '--as-of', '2026-12-15', '--format', 'sarif', '--output', 'acme.sarif'], { cwd: dir });
    expect(result.code).toBe(0);
    const log = JSON.parse(read(dir, 'acme.sarif'));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results = log.runs[0].results as Array<{ ruleId: string; properties?: { documentTitle?: string } }>;
    expect(results.length).toBeGreaterThan(0);
    // the macro a finding is in travels with it
    expect(results.some((r) => r.properties?.documentTitle === 'Returns::Start a return')).toBe(true);
    // and a broken log is refused, so the check bites
    delete log.runs[0].tool.driver.name;
    expect(validate(log)).toBe(false);
  });

  it('writes byte-identical files for every format when run twice, apart from the timestamp', async () => {
    const dir = acmeCopy();
    // outside the checked folder: an earlier run's report is not this run's content
    const out = mkdtempSync(path.join(tmpdir(), 'onemessage-out-'));
    const formats = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'csv', 'html'];
    const once = async () => {
      const files: Record<string, string> = {};
      for (const format of formats) {
        const result = await runCli(['check', '--as-of', '2026-12-15', '--format', format, '--output', path.join(out, `report.${format}`)], { cwd: dir });
        expect(result.code).toBe(1);
        files[format] = read(out, `report.${format}`);
      }
      return files;
    };
    const first = await once();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await once();
    const timestamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g;
    for (const format of formats) {
      // at most one timestamp per file: the run's start, nothing else varies
      expect((first[format]!.match(timestamp) ?? []).length, format).toBeLessThanOrEqual(1);
      expect(second[format]!.replace(timestamp, 'T'), format).toBe(first[format]!.replace(timestamp, 'T'));
      expect(first[format]!.length, format).toBeGreaterThan(100);
    }
    expect(first.json).toContain('"startedAt"');
  });
});

