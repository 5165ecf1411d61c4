/**
 * Every rule's documented examples are true: the bad one reports that rule, the good one does
 * not (ESLint's check-rule-examples, for onemessage). And docs/rules.md is the generated text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { ruleDocsMarkdown } from '../../src/cli/rules.js';
import { ROOT } from '../helpers/cli.js';
import { lintSnippet } from '../helpers/lint.js';

describe('documented rule examples', () => {
  for (const rule of rules) {
    const { id, docs } = rule.meta;
    it(`${id}: the bad example reports it`, async () => {
      const findings = await lintSnippet(docs.bad.spec, docs.bad.text, { channel: docs.bad.channel ?? 'marketing' });
      expect(findings.filter((f) => f.ruleId === id).length).toBeGreaterThan(0);
    });
    it(`${id}: the good example does not`, async () => {
      const findings = await lintSnippet(docs.good.spec, docs.good.text, { channel: docs.good.channel ?? 'marketing' });
      expect(findings.filter((f) => f.ruleId === id)).toEqual([]);
    });
  }
});

describe('docs/rules.md', () => {
  it('is generated from the rule modules (run npm run docs after changing a rule)', () => {
    expect(readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8')).toBe(ruleDocsMarkdown());
  });
});
