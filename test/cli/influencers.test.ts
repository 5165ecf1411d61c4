/**
 * A creator's folder of posts checked with nothing but `extends: [ftc-endorsements]`: the
 * pack alone finds the missing, late and atypical-results disclosures, and stays quiet on
 * the posts that disclose properly or are not sponsored.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('fixtures/influencers with the ftc-endorsements pack alone', () => {
  it('reports exactly the posts that disclose late or not at all', async () => {
    const result = await runCli(['check', 'fixtures/influencers', '--spec', 'fixtures/influencers/onemessage.yaml', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      files: Array<{ path: string }>;
      findings: Array<{ ruleId: string; path: string; start: { line: number; column: number }; excerpt: string; item: { id: string; file: string }; message: string }>;
    };
    expect(report.files).toHaveLength(7);
    expect(report.findings.map((f) => `${f.path.replace('fixtures/influencers/posts/', '')}:${f.start.line}:${f.start.column} ${f.ruleId} ${f.item.id} "${f.excerpt}"`)).toEqual([
      '2026-03-16-protein-bars.md:8:1 disclosure/placement material-connection "Use code"',
      '2026-03-23-capsule-wardrobe.md:13:29 disclosure/missing material-connection "affiliate links"',
      // the title "Spring PR haul" is no endorsement on its own; "This PR package had me so excited" is
      '2026-03-30-pr-haul.md:8:6 disclosure/missing material-connection "PR package"',
      '2026-04-06-meal-plan.html:14:13 disclosure/missing typical-results "lost 22 pounds"',
    ]);
    expect(new Set(report.findings.map((f) => f.item.file))).toEqual(new Set(['pack:ftc-endorsements']));
    expect(report.findings[0]!.message).toBe('The material-connection disclosure "#sponsored" comes after "Use code"; put it before.');
    expect(report.findings[1]!.message).toBe(
      '"affiliate links" needs a material-connection disclosure ("#ad", "paid partnership", "sponsored by" or 16 more) in the document.',
    );
  });
});
