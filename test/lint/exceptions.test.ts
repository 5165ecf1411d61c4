/** Spec exceptions through the real engine and CLI: what they waive, what they record, when they expire. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { checkFolder, tempRepo } from '../helpers/lint.js';

const SPEC = (until: string) => `version: 1
channels:
  marketing: ["site/**"]
  support: ["support/**"]
claims:
  - id: best-in-industry
    says: ["best in the industry"]
    status: forbidden
terms:
  - use: TrailPack
    not: ["Trail Pack"]
exceptions:
  - files: "support/**"
    rule: claim/forbidden
    item: best-in-industry
    reason: Legacy macros quote the 2025 Trail Weekly award; replaced in Q1.
    approved-by: J. Doe, Legal
    until: ${until}
`;

const MACRO = JSON.stringify({ macros: [{ id: 7, title: 'Awards', active: true, actions: [{ field: 'comment_value', value: 'The Trail Pack was named the best in the industry.' }] }] }, null, 2);

const files = (until: string) => ({
  'content/onemessage.yaml': SPEC(until),
  'content/support/awards.json': `${MACRO}\n`,
  'content/site/index.md': 'The best in the industry.\n',
});

async function run(until: string, asOf: string) {
  const dir = tempRepo(files(until));
  // The working folder is above the spec's: globs stay relative to the spec.
  return checkFolder(dir, { specPath: 'content/onemessage.yaml', paths: ['content'], asOf });
}

describe('spec exceptions', () => {
  it('waive the named rule and item in the files the glob names, recording reason, approver and expiry', async () => {
    const result = await run('2027-01-31', '2027-01-31');
    expect(result.findings.map((f) => `${f.path} ${f.ruleId} ${f.suppression ? JSON.stringify(f.suppression) : 'active'}`)).toEqual([
      'content/site/index.md claim/forbidden active',
      'content/support/awards.json term/use active',
      `content/support/awards.json claim/forbidden ${JSON.stringify({
        kind: 'exception',
        reason: 'Legacy macros quote the 2025 Trail Weekly award; replaced in Q1.',
        approvedBy: 'J. Doe, Legal',
        until: '2027-01-31',
        path: 'content/onemessage.yaml',
        line: 13,
      })}`,
    ]);
  });

  it('stop applying the day after until, and the expired exception is reported at its place in the spec', async () => {
    const result = await run('2027-01-31', '2027-02-01');
    expect(result.findings.map((f) => `${f.path}:${f.start.line}:${f.start.column} ${f.severity} ${f.ruleId}${f.suppression ? ' suppressed' : ''}`)).toEqual([
      'content/onemessage.yaml:13:5 warning exception/expired',
      'content/site/index.md:1:5 error claim/forbidden',
      'content/support/awards.json:10:25 warning term/use',
      'content/support/awards.json:10:50 error claim/forbidden',
    ]);
    const expired = result.findings[0]!;
    expect(expired.message).toBe(
      'The exception for claim/forbidden:best-in-industry in "support/**" expired on 2027-01-31 (approved by J. Doe, Legal); it no longer applies. Renew it with a new "until" or remove it.',
    );
    expect(expired.excerpt).toBe('- files: "support/**"');
  });

  it('appear in SARIF as external suppressions with their justification, and do not fail the run', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC('2027-01-31'), 'support/awards.json': `${MACRO}\n` });
    const out = await runCli(['check', '--as-of', '2026-12-01', '--format', 'sarif', '--spec', 'onemessage.yaml', 'support'], { cwd: dir });
    expect(out.code).toBe(0);
    const sarif = JSON.parse(out.stdout);
    const waived = sarif.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(waived).toHaveLength(1);
    expect(waived[0].suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted', properties: { origin: 'exception', approvedBy: 'J. Doe, Legal', until: '2027-01-31' } });
    expect(waived[0].suppressions[0].justification).toContain('Legacy macros quote the 2025 Trail Weekly award');
  });
});
