import { describe, expect, it } from 'vitest';
import { json } from '../../src/report/json.js';
import { sampleOptions, sampleResult } from './sample.js';

describe('json reporter (schema version 2)', () => {
  const git = { commit: 'c'.repeat(40), clean: true, changed: 0 };
  const out = JSON.parse(json.format({ ...sampleResult(), git }, sampleOptions()));

  it('carries message ids, sentences, the kind of related locations and the git state', () => {
    expect(out.schemaVersion).toBe(2);
    expect(out.git).toEqual(git);
    const mismatch = out.findings[2];
    expect(mismatch.messageId).toBe('mismatch');
    expect(mismatch.context).toEqual({ text: 'Enjoy hassle-free 60-day returns on every order.', start: 18, end: 24 });
    expect(mismatch.related.map((r: { kind: string }) => r.kind)).toEqual(['contradiction', 'contradiction']);
    expect(out.findings[3].related.map((r: { kind: string }) => r.kind)).toEqual(['context']);
  });

  it('leaves git out when the run has none', () => {
    expect(JSON.parse(json.format(sampleResult(), sampleOptions()))).not.toHaveProperty('git');
  });
});
