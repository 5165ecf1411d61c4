import { describe, expect, it } from 'vitest';
import { CHANNELS, lintRepo, lintRepoOnDisk, ruleTester } from '../helpers/lint.js';

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
      name: 'one document, two values: the first stated is the reference on a tie',
      text: 'Save 20% with annual billing.\n\nTeams save 25% with annual billing.\n',
      errors: [{ line: 3, column: 12, endColumn: 15, message: '"save 25% with annual billing" states annual-discount as 25%, but 1 document states 20%.' }],
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

  it('a tie goes to the value stated in the first channel of the spec', async () => {
    const result = await lintRepo(files({ 'support/billing.md': 'Members save 25% with annual billing.\n' }));
    // 25% is stated by two documents now (sales, support), 20% by one (marketing): 25% wins by count.
    expect(result.findings.filter((f) => f.ruleId === 'fact/conflict').map((f) => f.path)).toEqual(['marketing/pricing.md']);
    const tie = await lintRepo(files({ 'support/billing.md': 'Members save 30% with annual billing.\n' }));
    // One document each: marketing comes first in the spec's channels, so 20% is the reference.
    expect(tie.findings.filter((f) => f.ruleId === 'fact/conflict').map((f) => f.path)).toEqual(['sales/deck.md', 'support/billing.md']);
  });

  it('gives the same findings whatever the order of the paths', async () => {
    const a = await lintRepoOnDisk(files(), { paths: ['support', 'sales', 'marketing'] });
    const b = await lintRepoOnDisk(files(), { paths: ['marketing', 'sales', 'support'] });
    expect(JSON.stringify(a.findings)).toBe(JSON.stringify(b.findings));
  });
});
