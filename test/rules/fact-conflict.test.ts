import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { formatMatrix } from '../../src/report/matrix.js';
import { CHANNELS, lintRepo, lintRepoOnDisk, ruleTester, VIRTUAL_ROOT } from '../helpers/lint.js';

const SPEC = `facts:
  annual-discount:
    says: ["save {value} with annual billing"]`;

ruleTester('fact/conflict', {
  spec: SPEC,
  valid: [
    { name: 'one statement', text: 'Save 20% with annual billing.\n' },
    { name: 'two statements agreeing, written differently', text: 'Save 20% with annual billing.\n\nOr save 20 percent with annual billing.\n' },
  ],
  invalid: [
    {
      name: 'one document, two values: a tie, both reported, neither the reference',
      text: 'Save 20% with annual billing.\n\nTeams save 25% with annual billing.\n',
      errors: [
        { line: 1, column: 6, endColumn: 9, message: '"Save 20% with annual billing" states annual-discount as 20%, but as many documents state 25%: a tie, so no value is the reference. Give the fact a value in the spec.' },
        { line: 3, column: 12, endColumn: 15, message: '"save 25% with annual billing" states annual-discount as 25%, but as many documents state 20%: a tie, so no value is the reference. Give the fact a value in the spec.' },
      ],
    },
  ],
});

describe('fact/conflict across channels', () => {
  const files = (extra: Record<string, string> = {}) => ({
    'onemessage.yaml': `version: 1\n${CHANNELS}${SPEC}\n`,
    'marketing/pricing.md': '# Pricing\n\nSave 20% with annual billing.\n',
    'sales/deck.md': 'Tell them they save 25% with annual billing.\n',
    'support/billing.md': 'Members save 20% with annual billing.\n',
    ...extra,
  });

  it('the value most documents state is the reference; the others are reported with it as the other side', async () => {
    const result = await lintRepo(files());
    const findings = result.findings.filter((f) => f.ruleId === 'fact/conflict');
    expect(findings.map((f) => `${f.path}:${f.start.line}:${f.start.column} ${f.message}`)).toEqual([
      'sales/deck.md:1:21 "save 25% with annual billing" states annual-discount as 25%, but 2 documents state 20%.',
    ]);
    expect(findings[0]!.related.map((r) => `${r.path}:${r.start.line}:${r.start.column} ${r.message}`)).toEqual([
      'marketing/pricing.md:3:6 marketing says "Save 20% with annual billing"',
      'support/billing.md:1:14 support says "save 20% with annual billing"',
    ]);
  });

  it('the value most documents state is the reference; a tie has none, and every statement is reported', async () => {
    const result = await lintRepo(files({ 'support/billing.md': 'Members save 25% with annual billing.\n' }));
    // 25% is stated by two documents now (sales, support), 20% by one (marketing): 25% wins by count.
    expect(result.findings.filter((f) => f.ruleId === 'fact/conflict').map((f) => f.path)).toEqual(['marketing/pricing.md']);
    const tie = await lintRepo(files({ 'support/billing.md': 'Members save 30% with annual billing.\n' }));
    // One document each: no value is the reference, whatever the channels' order.
    const tied = tie.findings.filter((f) => f.ruleId === 'fact/conflict');
    expect(tied.map((f) => [f.path, f.messageId, f.related.map((r) => r.path)])).toEqual([
      ['marketing/pricing.md', 'conflictTie', ['sales/deck.md', 'support/billing.md']],
      ['sales/deck.md', 'conflictTie', ['marketing/pricing.md', 'support/billing.md']],
      ['support/billing.md', 'conflictTie', ['marketing/pricing.md', 'sales/deck.md']],
    ]);
    expect(tied[0]!.message).toBe('"Save 20% with annual billing" states annual-discount as 20%, but as many documents state 25% and 30%: a tie, so no value is the reference. Give the fact a value in the spec.');
    const row = tie.matrix!.find((r) => r.fact === 'annual-discount')!;
    expect(row.tie).toEqual(['20%', '25%', '30%']);
    expect(Object.values(row.channels).flat().every((cell) => cell.conflicting)).toBe(true);
    // the message map shows the tie where the spec's value would stand, in the terminal and in HTML
    const options = { color: false, cwd: VIRTUAL_ROOT, rules: [] };
    expect(formatMatrix(tie, options).split('\n')[1]).toBe('annual-discount  (tie: 20% vs 25% vs 30%)  20% ×1 ✖   25% ×1 ✖  30% ×1 ✖');
    expect(formatHtml(tie, options)).toContain('<td><span class="flag">tie</span> <span class="muted">no value: 20% vs 25% vs 30%</span></td>');
  });

  it('gives the same findings whatever the order of the paths', async () => {
    const a = await lintRepoOnDisk(files(), { paths: ['support', 'sales', 'marketing'] });
    const b = await lintRepoOnDisk(files(), { paths: ['marketing', 'sales', 'support'] });
    expect(JSON.stringify(a.findings)).toBe(JSON.stringify(b.findings));
  });
});
