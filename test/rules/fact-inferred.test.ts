/**
 * fact/mismatch beyond templates: statements inferred from a fact's topic (its `about:` words, or
 * its templates' words), with their own severity and a message that says what was inferred from
 * what. The sentences are written for these tests in the shapes real policy copy takes.
 */
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { formatMatrix } from '../../src/report/matrix.js';
import { formatSarif } from '../../src/report/sarif.js';
import { CHANNELS, lintRepo, lintSnippet, VIRTUAL_ROOT } from '../helpers/lint.js';

const RETURNS = `facts:
  return-window:
    value: 30 days
    about: [return, refund, send it back]
    says: ["{value} return policy"]`;

async function inferred(text: string, spec = RETURNS, file?: string) {
  const findings = await lintSnippet(spec, text, file ? { file } : {});
  return findings.filter((f) => f.ruleId === 'fact/mismatch');
}

describe('inferred statements: the five sentences of the issue', () => {
  it('"a month" states 30 days: a month is 28 to 31 calendar days (units: calendar, the default)', async () => {
    expect(await inferred('You have a month to send it back.\n')).toEqual([]);
  });

  it('with units: exact, "a month" is not 30 days', async () => {
    const findings = await inferred('You have a month to send it back.\n', `${RETURNS}\n    units: exact`);
    expect(findings.map((f) => [f.start.column, f.end.column, f.variant, f.message])).toEqual([
      [10, 17, 'inferred', '"a month to send it back" states return-window as a month, but the spec says 30 days. Inferred: "send it back", one of its about: words, stands beside the quantity; no template of the fact matched.'],
    ]);
  });

  it('"Refunds are accepted for 14 days after delivery" is an inferred mismatch, a warning', async () => {
    const findings = await inferred('Refunds are accepted for 14 days after delivery.\n');
    expect(findings.map((f) => ({ line: f.start.line, column: f.start.column, endColumn: f.end.column, severity: f.severity, variant: f.variant, excerpt: f.excerpt, message: f.message }))).toEqual([
      {
        line: 1,
        column: 26,
        endColumn: 33,
        severity: 'warning',
        variant: 'inferred',
        excerpt: '14 days',
        message: '"Refunds are accepted for 14 days" states return-window as 14 days, but the spec says 30 days. Inferred: "Refunds", one of its about: words, stands beside the quantity; no template of the fact matched.',
      },
    ]);
  });

  it('"Returns | 60 days" in a Markdown table is one', async () => {
    const findings = await inferred('| Policy | Window |\n| --- | --- |\n| Returns | 60 days |\n');
    expect(findings.map((f) => [f.start.line, f.start.column, f.end.column, f.message])).toEqual([
      [3, 13, 20, '"Returns | 60 days" states return-window as 60 days, but the spec says 30 days. Inferred: "Returns", one of its about: words, names the table row; no template of the fact matched.'],
    ]);
  });

  it('"We ship within 30 days" is about another topic', async () => {
    expect(await inferred('We ship within 30 days.\n')).toEqual([]);
    expect(await inferred('We ship within 14 days.\n')).toEqual([]);
  });

  it('"there is no 14-day limit on returns" is negated', async () => {
    expect(await inferred('There is no 14-day limit on returns.\n')).toEqual([]);
  });
});

describe('inferred statements: what is not a statement of the fact', () => {
  const RETENTION = `facts:
  log-retention:
    value: 30 days
    about: [logs]
    says: ["{value} log history"]`;

  it('a name before the topic that is not the brand makes it someone else\'s', async () => {
    expect(await inferred('Rival Cloud logs are kept for 60 days.\n', RETENTION)).toEqual([]);
    expect((await inferred('Our logs are kept for 60 days.\n', RETENTION)).map((f) => f.excerpt)).toEqual(['60 days']);
  });

  it('a name a few words before the topic is the clause\'s subject: someone else\'s logs', async () => {
    expect(await inferred('Rival Cloud keeps a default logs history of 60 days.\n', RETENTION)).toEqual([]);
    expect(await inferred('ACME build logs expire after 60 days.\n', RETENTION)).toEqual([]);
  });

  it('a setting the reader chooses ("set the logs window to 60 days") and a zero length state nothing', async () => {
    expect(await inferred('Set your logs window to 60 days in the settings.\n', RETENTION)).toEqual([]);
    expect(await inferred('Bounced visits show 0 second logs.\n', RETENTION)).toEqual([]);
  });

  it('a window of time ("the last 24 hours") or a change ("from 5 days to 10 days") is no length', async () => {
    expect(await inferred('Search logs from the last 24 hours.\n', RETENTION)).toEqual([]);
    expect(await inferred('We extended logs from 7 days to 60 days.\n', RETENTION)).toEqual([]);
  });

  it('a table row with several values of the kind compares columns, and a column header that names a measure owns its values', async () => {
    expect(await inferred('| Feature | Starter | Pro |\n| --- | --- | --- |\n| Logs | 7 days | 60 days |\n', RETENTION)).toEqual([]);
    expect(await inferred('| Feature | Backup retention |\n| --- | --- |\n| Logs | 60 days |\n', RETENTION)).toEqual([]);
    expect((await inferred('| Feature | Window |\n| --- | --- |\n| Logs | 60 days |\n', RETENTION)).map((f) => f.excerpt)).toEqual(['60 days']);
  });
});

describe('an inferred statement is marked as inferred wherever a finding shows', () => {
  it('json (variant), sarif (properties.variant), html (a badge) and the matrix (~N and "(inferred)")', async () => {
    const result = await lintRepo({
      'onemessage.yaml': `version: 1\n${CHANNELS}${RETURNS}\n`,
      'marketing/returns.md': 'Every order has a 30 day return policy.\n',
      'support/returns.md': 'Refunds are accepted for 14 days after delivery.\n',
    });
    const options = { color: false, cwd: VIRTUAL_ROOT, rules: [] };
    const finding = result.findings.find((f) => f.ruleId === 'fact/mismatch')!;
    expect([finding.path, finding.variant, finding.severity]).toEqual(['support/returns.md', 'inferred', 'warning']);
    const sarif = JSON.parse(formatSarif(result, options));
    expect(sarif.runs[0].results.map((r: { properties: { variant?: string } }) => r.properties.variant)).toEqual(['inferred']);
    expect(formatHtml(result, options)).toContain('<code class="rule">fact/mismatch</code> <span class="badge variant">inferred</span>');
    const matrix = formatMatrix(result, options);
    expect(matrix).toContain('14 days ×1 (~1) ✖');
    expect(matrix).toContain('  return-window: support says 14 days at support/returns.md:1:26 (inferred)');
  });
});
