/**
 * Every input format through the CLI, as a user sees it: macro exports named by title and id,
 * speakers told apart in scripts, exact positions in HTML and through JSON escapes, and
 * malformed exports reported for their file while the run goes on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const ACME = ['--as-of', '2026-12-15'];

const SPEC = [
  'version: 1',
  'channels:',
  '  marketing: ["site/**"]',
  '  sales: ["sales/**"]',
  '  support: ["support/**"]',
  'claims:',
  '  - id: best-in-industry',
  '    says: ["best in the industry"]',
  '    status: forbidden',
  'terms:',
  '  - use: TrailPack',
  '    not: ["Trail Pack"]',
  'speakers:',
  '  ignore: ["Prospect", "Customer"]',
  'formats:',
  '  csv: { title: Title, text: Body }',
  '',
].join('\n');

interface JsonFinding {
  ruleId: string;
  path: string;
  start: { line: number; column: number; offset: number };
  excerpt: string;
  documentTitle?: string;
  documentId?: string;
  documentInactive?: boolean;
}

async function jsonFindings(argv: string[], cwd?: string): Promise<JsonFinding[]> {
  const result = await runCli([...argv, '--format', 'json'], cwd ? { cwd } : {});
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
}

describe('a Zendesk macros export through the CLI', () => {
  const file = 'fixtures/acme/support/zendesk-macros.json';

  it("names each macro's title and id in the stylish output, and marks the inactive one", async () => {
    const result = await runCli(['check', file, ...ACME]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    // Each macro's findings sit under its title and id; other rules' lines may come between.
    const at = (line: string) => {
      const index = lines.indexOf(line);
      expect(index, line).toBeGreaterThan(-1);
      return index;
    };
    const returns = at('  "Returns::Start a return" (id 360011200101)');
    const login = at('    15:223   warning  Use "sign in" instead of "login to".  term/use');
    const warranty = at('  "Warranty::What the warranty covers" (id 360011200105)');
    const lifetime = at('    77:135   error    "lifetime warranty" (lifetime-warranty) may only be said in marketing and sales, not in support.  claim/channel');
    expect(at(file)).toBeLessThan(returns);
    expect(returns).toBeLessThan(login);
    expect(login).toBeLessThan(warranty);
    expect(warranty).toBeLessThan(lifetime);
    expect(lines).toContain('  "Promotions::Black Friday (2025, retired)" (id 360011200111) [inactive]');
  });

  it("names the macro's title and id in the json output", async () => {
    const first = (await jsonFindings(['check', file, ...ACME])).find((f) => f.ruleId === 'term/use');
    expect(first).toMatchObject({
      ruleId: 'term/use',
      path: file,
      start: { line: 15, column: 223, offset: 722 },
      excerpt: 'login to',
      channel: 'support',
      documentTitle: 'Returns::Start a return',
      documentId: '360011200101',
    });
    const inactive = (await jsonFindings(['check', file, ...ACME])).filter((f) => f.documentInactive);
    expect(inactive.map((f) => [f.ruleId, f.documentId])).toEqual([
      ['claim/expired', '360011200111'],
      ['claim/forbidden', '360011200111'],
    ]);
  });

  it('points past \\u2019, \\n\\n and \\" escapes at the raw source column', async () => {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const line15 = source.split('\n')[14]!;
    // what comes before the finding on its line holds escapes that decode shorter than they are written
    expect(line15.slice(0, 222)).toContain('didn\\u2019t');
    expect(line15.slice(0, 222)).toContain('\\n\\n');
    expect(line15.slice(222, 230)).toBe('login to');
    expect(source.slice(722, 730)).toBe('login to');

    const dir = tempRepo({
      'onemessage.yaml': SPEC,
      'support/sizing.json': [
        '{ "macros": [ { "id": 77, "title": "Sizing", "actions": [ { "field": "comment_value",',
        '    "value": "Hi {{ticket.requester.first_name}},\\n\\nIt\\u2019s our \\"Trail Pack\\" line." } ] } ] }',
        '',
      ].join('\n'),
    });
    const findings = await jsonFindings(['check', 'support/sizing.json'], dir);
    expect(findings.map((f) => [f.ruleId, f.start.line, f.start.column, f.excerpt, f.documentTitle, f.documentId])).toEqual([
      ['term/use', 2, 70, 'Trail Pack', 'Sizing', '77'],
    ]);
  });
});

describe('speakers in sales scripts', () => {
  const script = (style: (speaker: string) => string) =>
    [
      `${style('Rep')} Thanks for calling Acme Outdoor.`,
      '',
      `${style('Prospect')} A friend says you are the best in the industry.`,
      '',
      `${style('Rep')} Many hikers say we are the best in the industry.`,
      '',
    ].join('\n');

  it("never reports a prospect's line, and reports the same sentence on a rep's line, in .txt", async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'sales/call.txt': script((s) => `${s}:`) });
    const findings = await jsonFindings(['check'], dir);
    expect(findings.map((f) => [f.ruleId, f.start.line, f.start.column])).toEqual([['claim/forbidden', 5, 33]]);
  });

  it('does the same in Markdown with bold labels', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'sales/call.md': `# Call script\n\n${script((s) => `**${s}:**`)}` });
    const findings = await jsonFindings(['check'], dir);
    expect(findings.map((f) => [f.ruleId, f.start.line, f.start.column])).toEqual([['claim/forbidden', 7, 37]]);
  });

  it("keeps acme's outbound script to the rep's lines", async () => {
    const findings = await jsonFindings(['check', 'fixtures/acme/sales/scripts/outbound-call.txt', ...ACME]);
    // the prospect says "best in the industry", "Trail Pack" and "40% off everything"; only the rep's unsupported claim counts
    expect(findings.map((f) => [f.ruleId, f.start.line, f.start.column, f.excerpt])).toEqual([['claim/evidence', 18, 35, 'lab tested']]);
  });
});

describe("acme's HTML landing page", () => {
  it('reports exact line:col in text, inside an alt attribute and across inline markup, and nothing from script or style', async () => {
    const file = 'fixtures/acme/site/landing/winter-sale.html';
    const result = await runCli(['check', file, ...ACME]);
    expect(result.stdout.slice(result.stdout.indexOf(file))).toBe(
      [
        file,
        '  34:69  error    "#1 rated" is a forbidden claim (best-in-industry). Superiority claims need substantiation we do not have. Say "highly rated by our customers" instead.  claim/forbidden',
        '  43:80  warning  "lab tested" (clinically-tested) needs evidence: add a citation (a link or a footnote) in the same paragraph.  claim/evidence',
        '  50:40  error    "in stock" promises immediate availability, but Ridgeline Stove (ridgeline-stove) is discontinued.  stock/promise',
        '  60:39  warning  Use "TrailPack" instead of "Trailpack".  term/use',
        '',
        '✖ 4 problems (2 errors, 2 warnings) in 1 file',
        '  1 fixable with --fix',
        '',
      ].join('\n'),
    );
    const source = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    expect(source[33]!.slice(0, 68)).toMatch(/alt="A hiker with the $/);
    // the page's <style> and <script> both say "best in the industry"; neither is customer text
    expect(source.filter((line) => line.includes('best in the industry'))).toHaveLength(2);
  });
});

describe('malformed files', () => {
  it('gives a clear error for each broken file and checks the rest', async () => {
    const dir = tempRepo({
      'onemessage.yaml': SPEC,
      'site/index.md': '# Acme Outdoor\n\nWe are the best in the industry.\n',
      // unclosed and misnested tags: read as a browser reads them
      'site/soup.html': '<div><p>Our <b>Trail Pack <i>line</p></b>\n<table><tr><td>cold <p>nights</div><li>free shipping\n<a href="x>broken\n',
      'support/zendesk.json': '{\n  "macros": [\n    { "id": 1, "title": "Returns", "actions": [\n      { "field": "comment_value", "value": "You can ret',
      'support/macros.csv': 'Title,Body\nReturns,"Return it within 30 days."\nShipping\nWarranty,"Our Trail Pack is the best in the industry."\n',
      'support/saved-replies.csv': 'Name,Text\nReturns,"Hello"\n',
      'support/sizing.md': 'Our Trail Pack comes in four torso sizes.\n',
    });
    const result = await runCli(['check'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'warning: onemessage.yaml: channel "sales" glob "sales/**" matches no file',
        '',
        'site/index.md',
        '  3:12  error    "best in the industry" is a forbidden claim (best-in-industry).  claim/forbidden',
        '',
        'site/soup.html',
        '  1:16  warning  Use "TrailPack" instead of "Trail Pack".  term/use',
        '',
        'support/macros.csv',
        '  3:1  error    row on line 3 has 1 field; the header has 2  file/unreadable',
        '',
        'support/saved-replies.csv',
        '  1:1  error    column "Title" (formats.csv.title) is not in the header: "Name", "Text"  file/unreadable',
        '',
        'support/sizing.md',
        '  1:5  warning  Use "TrailPack" instead of "Trail Pack".  term/use',
        '',
        'support/zendesk.json',
        '  4:56  error    invalid JSON: expected a closing quote but found end of file  file/unreadable',
        '',
        '✖ 6 problems (4 errors, 2 warnings) in 6 files',
        '  2 fixable with --fix',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 on a broken export alone, and names it in the json output', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'support/zendesk.json': '{"macros": [{"id": 1, "title": "Returns", "actions": [}]}\n' });
    const result = await runCli(['check', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.files).toEqual([{ path: 'support/zendesk.json', format: 'json', channel: 'support', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), documents: 0, bytes: 58 }]);
    expect(report.findings.map((f: JsonFinding) => [f.ruleId, f.start.line, f.start.column])).toEqual([['file/unreadable', 1, 55]]);
    expect(report.findings[0].message).toBe("invalid JSON: expected a value but found '}'");
  });
});
