import { describe, expect, it } from 'vitest';
import { lintRepo } from '../helpers/lint.js';

const SPEC = 'version: 1\nchannels:\n  marketing: ["site/**"]\nclaims:\n  - id: best\n    says: ["best in the industry"]\n    status: forbidden\n';

describe('fingerprints', () => {
  it('survive lines added above the finding, and differ between two occurrences', async () => {
    const before = await lintRepo({ 'onemessage.yaml': SPEC, 'site/a.md': 'We are the best in the industry.\n\nStill the best in the industry.\n' });
    const after = await lintRepo({ 'onemessage.yaml': SPEC, 'site/a.md': '# New heading\n\nA new paragraph.\n\nWe are the best in the industry.\n\nStill the best in the industry.\n' });
    const prints = (r: typeof before) => r.findings.map((f) => f.fingerprint);
    expect(prints(before)).toHaveLength(2);
    expect(prints(before)[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(prints(before)[0]).not.toBe(prints(before)[1]);
    expect(prints(after)).toEqual(prints(before));
    expect(after.findings[0]!.start.line).toBe(5);
  });

  it('tell apart the same phrase twice in the same neighbourhood', async () => {
    const result = await lintRepo({ 'onemessage.yaml': SPEC, 'site/a.md': 'best in the industry\n\nbest in the industry\n' });
    const [a, b] = result.findings.map((f) => f.fingerprint!);
    expect(b).toBe(`${a}:2`);
  });
});
