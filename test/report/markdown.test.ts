import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/markdown.js';
import { escapeMarkdown, markdownCode } from '../../src/report/text.js';
import { sampleResult } from './sample.js';

describe('markdown reporter', () => {
  const text = formatMarkdown(sampleResult());
  const lines = text.split('\n');

  it('opens with the verdict and the counts', () => {
    expect(lines[0]).toBe('## ❌ onemessage: failed — 3 errors, 2 warnings, 1 info in 7 files (1 suppressed)');
    expect(lines[2]).toBe('**Acme Outdoor** · spec `onemessage.yaml` · as of 2026-05-04 · onemessage 0.1.0');
    const base = sampleResult();
    const recorded = formatMarkdown({ ...base, spec: { ...base.spec, revision: '2026.2' }, git: { commit: 'c'.repeat(40), clean: false, changed: 1 } });
    expect(recorded.split('\n')[2]).toBe(`**Acme Outdoor** · spec \`onemessage.yaml\` revision 2026.2 · commit \`${'c'.repeat(12)}\` with 1 uncommitted change · as of 2026-05-04 · onemessage 0.1.0`);
  });

  it('counts by severity, rule and channel, sorted by name', () => {
    expect(text).toContain(['| severity | findings |', '| --- | ---: |', '| error | 3 |', '| warning | 2 |', '| info | 1 |', '| suppressed | 1 |'].join('\n'));
    expect(text).toContain(
      [
        '| rule | findings | suppressed |',
        '| --- | ---: | ---: |',
        '| claim/evidence | 1 | 0 |',
        '| claim/forbidden | 1 | 0 |',
        '| fact/mismatch | 1 | 1 |',
        '| stock/lead-time | 1 | 0 |',
        '| stock/promise | 1 | 0 |',
        '| term/use | 1 | 0 |',
      ].join('\n'),
    );
    expect(text).toContain(['| channel | findings | suppressed |', '| --- | ---: | ---: |', '| marketing | 3 | 0 |', '| support | 3 | 1 |'].join('\n'));
  });

  it('shows a contradiction with both other sides and their excerpts', () => {
    expect(text).toContain(
      [
        '#### `site/returns.md`',
        '',
        '- **error** 5:12 return-window is 30 days in the spec, but this says 60-day. — `fact/mismatch` · `return-window`',
        '  - excerpt: `60-day`',
        '  - contradicts: `sales/call-script.md:14:27` (sales): sales says 30 days — `30 days`',
        '  - contradicts: `support/zendesk-macros.json:9:41` (support, Returns: how to start one (360000111)): support says 30 days — `30-day`',
        '  - spec: fact `return-window` at `onemessage.yaml:12`',
      ].join('\n'),
    );
  });

  it('escapes HTML, mentions and Markdown in user text', () => {
    expect(text).toContain(
      '- **warning** 7:1 "clinically tested" needs a citation in its paragraph &lt;script&gt;alert(1)&lt;/script&gt; "&gt;&lt;img src=x onerror=alert(1)&gt; — `claim/evidence` · `clinically-tested`',
    );
    expect(text).toContain("  - excerpt: `=cmd|' /C calc'!A0`");
    expect(text).toContain('  - in &lt;img src=x onerror="window.\\_\\_pwned=1"&gt; (@&#8203;SUM(A1))');
    expect(text).toContain('- **error** 4:30 ::error::TP-45 is made to order (6-8 weeks), 100% not "ships today": check, then say so — `stock/promise` · `trailpack-45`');
    expect(text).not.toContain('\u001b');
    expect(text).not.toMatch(/<(script|img)/);
    expect(escapeMarkdown('a | b *c* [d](e) `f` # g ~h~ !i\\ <j> & @k\nl')).toBe(
      'a \\| b \\*c\\* \\[d\\](e) \\`f\\` \\# g \\~h\\~ \\!i\\\\ &lt;j&gt; &amp; @&#8203;k l',
    );
    expect(markdownCode('a `b` c')).toBe('``a `b` c``');
    expect(markdownCode('`x')).toBe('`` `x ``');
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
  });

  it('lists suppressed findings apart, with reason, approver and expiry', () => {
    expect(text).toContain(
      [
        '### Suppressed (1)',
        '',
        '| where | rule | message | by | reason | approved by | until |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| `support/zendesk-macros.json:14:33` | `fact/mismatch` | return-window is 30 days in the spec, but this says 14-day. | exception | Legacy macros for orders placed before the policy change. | J. Doe, Legal | 2027-01-31 |',
      ].join('\n'),
    );
    expect(text.indexOf('14-day')).toBeGreaterThan(text.indexOf('### Suppressed'));
  });

  it('says passed for a clean run, and writes the same bytes twice', () => {
    const clean = formatMarkdown({ ...sampleResult(), findings: [], warnings: [] });
    expect(clean).toBe('## ✅ onemessage: passed — no findings in 7 files\n\n**Acme Outdoor** · spec `onemessage.yaml` · as of 2026-05-04 · onemessage 0.1.0\n');
    const warnOnly = formatMarkdown({ ...sampleResult(), findings: [sampleResult().findings[0]!] });
    expect(warnOnly.split('\n')[0]).toBe('## ⚠️ onemessage: passed with warnings — 0 errors, 1 warning, 0 info in 7 files');
    expect(formatMarkdown(sampleResult())).toBe(text);
  });
});
