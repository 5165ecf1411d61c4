import { describe, expect, it } from 'vitest';
import { codeQualityIssues, gitlabReporter } from '../../src/report/gitlab.js';
import { sampleOptions, sampleResult } from './sample.js';

describe('gitlab reporter (Code Quality)', () => {
  const issues = codeQualityIssues(sampleResult());

  it('writes one issue per unsuppressed finding, in the run order, with the fields GitLab reads', () => {
    expect(issues.map((issue) => [issue.check_name, issue.severity, issue.location.path, issue.location.lines.begin])).toEqual([
      ['claim/evidence', 'minor', 'site/blog/q3 sale, 100% off: été.md', 7],
      ['claim/forbidden', 'major', 'site/index.md', 3],
      ['fact/mismatch', 'major', 'site/returns.md', 5],
      ['stock/promise', 'major', 'support/macros.csv', 4],
      ['stock/lead-time', 'minor', 'support/macros.csv', 6],
      ['term/use', 'info', 'support/zendesk-macros.json', 4],
    ]);
    expect(issues[1]).toEqual({
      type: 'issue',
      description: 'Superiority claims need substantiation we do not have. Say instead: highly rated by our customers',
      check_name: 'claim/forbidden',
      fingerprint: '0a1b2c3d4e5f6071',
      severity: 'major',
      categories: ['Style'],
      location: { path: 'site/index.md', lines: { begin: 3, end: 3 } },
    });
  });

  it('names the macro inside an export and strips terminal escapes and line breaks', () => {
    expect(issues[3]!.description).toBe('::error::TP-45 is made to order (6-8 weeks), 100% not "ships today": check, then say so (in <img src=x onerror="window.__pwned=1"> (@SUM(A1)))');
    expect(issues[0]!.description).not.toContain('\n');
  });

  it('keeps the finding fingerprint, and makes a stable one from rule, item, file and text when there is none', () => {
    expect(issues[2]!.fingerprint).toBe('f1e2d3c4b5a69788');
    expect(issues[4]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(codeQualityIssues(sampleResult())[4]!.fingerprint).toBe(issues[4]!.fingerprint);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
  });

  it('is a JSON array GitLab can parse, empty when the run is clean', () => {
    expect(JSON.parse(gitlabReporter.format(sampleResult(), sampleOptions()))).toHaveLength(6);
    expect(gitlabReporter.format({ ...sampleResult(), findings: [] }, sampleOptions())).toBe('[]\n');
  });
});
