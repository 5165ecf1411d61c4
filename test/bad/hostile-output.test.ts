/**
 * Hostile content in reports, end to end through the CLI: copy and file names that hold HTML,
 * spreadsheet formulas, ANSI escapes, workflow commands and newlines come out escaped in html,
 * junit and markdown, neutralised in csv, stripped or escaped in the terminal and in github
 * annotations, and intact but quoted in json and sarif.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = [
  'version: 1',
  'channels:',
  '  marketing: ["site/**"]',
  '  support: ["support/**"]',
  'facts:',
  '  return-window:',
  '    value: 30 days',
  '    says: ["{value} return"]',
  'claims:',
  '  - id: superlative',
  '    says: [{ regex: "best[^\\\\n]*" }]',
  '    status: forbidden',
  '',
].join('\n');

const HOSTILE = `best <script>alert(1)</script> "><img src=x onerror=alert(1)> =cmd|' /C calc'!A0 \u001b[31mRED\u001b[0m \u001b]8;;https://evil.test\u0007link\u001b]8;;\u0007 ::error file=x::pwned %0A`;
const NAMES = ["site/=cmd|' calc'!A0.md", 'site/new\nline.md', 'site/\u001b[31mred\u001b[0m.md', 'site/::error file=a::x.md', '=HYPERLINK("evil")+1.md'];

let dir: string;
beforeAll(() => {
  dir = tempRepo({
    'onemessage.yaml': SPEC,
    'site/script.txt': `Rep: We have the ${HOSTILE}\n\nRep: A 60 days return.\n`,
    'support/macros.csv': `ID,Name,Body\n1,"=cmd|' /C calc'!A0 <script>x</script>","60 days return and the ${HOSTILE.replace(/"/g, '""')}"\n`,
  });
  for (const name of NAMES) writeFileSync(path.join(dir, name), 'A 60 days return, and the best one.\n');
});

async function report(format: string): Promise<string> {
  const run = await runCli(['check', '.', '--format', format, '--as-of', '2026-11-23'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  return run.stdout;
}

// C0 controls other than tab, LF and CR; DEL; C1 controls (0x9b is an 8-bit CSI).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const FINDINGS = 14;

/** RFC 4180 rows, for checking that a report is still a table after hostile cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

describe('hostile copy and file names through every report format', () => {
  it('stylish: no escape sequence, no broken line, names on one line', async () => {
    const out = await report('stylish');
    expect(out).not.toMatch(CONTROL);
    expect(out).toContain('site/new line.md\n');
    expect(out).toContain('site/red.md\n');
    expect(out).toContain(`"best <script>alert(1)</script> "><img src=x onerror=alert(1)> =cmd|' /C calc'!A0 RED link ::error file=x::pwned %0A" is a forbidden claim (superlative).`);
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
    expect(out).toContain(`✖ ${FINDINGS} problems (${FINDINGS} errors, 0 warnings) in 7 files`);
  });

  it('stylish with colour: only our own colour codes', async () => {
    const run = await runCli(['check', '.', '--color', '--as-of', '2026-11-23'], { cwd: dir });
    // eslint-disable-next-line no-control-regex
    const withoutOurs = run.stdout.replace(/\u001b\[(?:\d+;)*\d*m/g, '');
    expect(withoutOurs).not.toMatch(CONTROL);
    expect(run.stdout).not.toContain('\u001b]8');
    expect(run.stdout).not.toContain('RED\u001b');
  });

  it('github: one annotation line per finding; newlines, %, : and , escaped; no injected command', async () => {
    const lines = (await report('github')).split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(FINDINGS);
    for (const line of lines) expect(line).toMatch(/^::error file=[^,\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:\n]*::[^\n]*$/);
    const joined = lines.join('\n');
    expect(joined).not.toMatch(CONTROL);
    expect(joined).toContain('file=site/new%0Aline.md,');
    expect(joined).toContain('file=site/%3A%3Aerror file=a%3A%3Ax.md,');
    expect(joined).toContain('::error file=x::pwned %250A');
  });

  it('csv: still a table, formulas neutralised, newlines quoted inside their cell', async () => {
    const text = await report('csv');
    // the byte-order mark is for Excel; the table starts after it
    expect(text.startsWith('\uFEFFpath,')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(FINDINGS + 1);
    for (const row of rows) {
      expect(row).toHaveLength(20);
      for (const cell of row) {
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell).not.toMatch(CONTROL);
      }
    }
    const paths = rows.slice(1).map((row) => row[0]);
    expect(paths).toContain(`'=HYPERLINK("evil")+1.md`);
    expect(paths).toContain('site/new\nline.md');
    expect(rows.slice(1).map((row) => row[9])).toContain(`'=cmd|' /C calc'!A0 <script>x</script> (1)`);
  });

  it('html: every hostile string escaped, no element or handler from content', async () => {
    const out = await report('html');
    expect(out).not.toMatch(CONTROL);
    expect(out).not.toContain('<script>alert');
    expect(out).not.toContain('<script>x');
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(out.match(/<script\b/g)).toHaveLength(1); // the report's own, allowed by its CSP hash
  });

  it('junit: well-formed XML text, no control characters (XML 1.0 forbids them)', async () => {
    const out = await report('junit');
    expect(out).not.toMatch(CONTROL);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('markdown: raw markup only inside code spans, no control characters', async () => {
    const out = await report('markdown');
    expect(out).not.toMatch(CONTROL);
    const outsideCode = out.replace(/(`+)[^\n]*?\1/g, '');
    expect(outsideCode).not.toContain('<');
  });

  it('json and sarif: valid JSON, the hostile text kept exactly as the file has it', async () => {
    for (const format of ['json', 'sarif']) {
      const out = await report(format);
      expect(out).not.toMatch(CONTROL); // JSON escapes them as \u001b
      expect(out).toContain('\\u001b[31mRED');
      JSON.parse(out);
    }
    const result = JSON.parse(await report('json')) as { findings: Array<{ path: string; excerpt: string; ruleId: string }> };
    const excerpt = result.findings.find((f) => f.path === 'site/script.txt' && f.ruleId === 'claim/forbidden')!.excerpt;
    expect(excerpt).toBe(HOSTILE);
  });

  it('matrix table: no escape sequence from a file name or a document title', async () => {
    const run = await runCli(['matrix', '.', '--as-of', '2026-11-23'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout).toContain('60 days');
  });
});
