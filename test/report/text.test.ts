import { describe, expect, it } from 'vitest';
import { describeSuppression, escapeHtml, formatCommand, stripControl, summarise } from '../../src/report/text.js';
import { sampleResult } from './sample.js';

describe('text helpers', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('strips ANSI sequences and C0/C1 controls, keeping what is asked', () => {
    expect(stripControl('\u001b[31mred\u001b[0m \u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u009b1mbold \u001bMup')).toBe('red link bold up');
    expect(stripControl('a\tb\nc\rd\u0000e\u0007f\u007fg\u0085h')).toBe('a\tb\ncdefgh');
    expect(stripControl('a\tb\nc\rd', { keep: '\r' })).toBe('abc\rd');
  });

  it('describes a waiver with what it has', () => {
    expect(describeSuppression({ kind: 'directive', reason: 'quoting a customer' })).toBe('quoting a customer');
    expect(describeSuppression({ kind: 'exception', reason: 'legacy', until: '2027-01-31' })).toBe('legacy (until 2027-01-31)');
  });

  it('quotes a command line as a shell would need it', () => {
    expect(formatCommand(['onemessage', 'check', 'site/my page.md', "it's", '--as-of=2026-05-04'])).toBe(
      `onemessage check 'site/my page.md' 'it'\\''s' --as-of=2026-05-04`,
    );
  });

  it('counts active and waived findings apart, sorted by name', () => {
    const summary = summarise(sampleResult().findings);
    expect(summary.bySeverity).toEqual({ error: 3, warning: 2, info: 1 });
    expect(summary.verdict).toBe('fail');
    expect(summary.byChannel).toEqual([
      { name: 'marketing', count: 3, suppressed: 0 },
      { name: 'support', count: 3, suppressed: 1 },
    ]);
    expect(summary.byRule.map((entry) => entry.name)).toEqual(['claim/evidence', 'claim/forbidden', 'fact/mismatch', 'stock/lead-time', 'stock/promise', 'term/use']);
  });
});
