import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { discover } from '../../src/discover/run.js';
import { checkFolder } from '../helpers/lint.js';
import { loadSpec } from '../../src/spec/load.js';
import { writeCorpus } from './corpus.js';

const SPEC = `version: 1
channels:
  marketing: ["site/**"]
  sales: ["sales/**"]
  support: ["support/**"]
facts:
  return-window:
    value: 30 days
    says: ["{value} return", "return it within {value}", "{value} money-back guarantee"]
  free-shipping-minimum:
    value: $50
    says: ["free shipping on orders over {value}", "orders over {value} ship free"]
claims:
  - id: lightest
    says: ["lightest shelter in its class"]
    status: needs-evidence
products:
  trailpack-45:
    names: ["TrailPack 45"]
    stock: made-to-order
speakers:
  ignore: [Prospect]
`;

describe('discover on 1,000 generated documents', () => {
  it('runs in the same order of time as check, and finds the planted facts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onemessage-discover-perf-'));
    writeCorpus(dir, 1000);
    writeFileSync(path.join(dir, 'onemessage.yaml'), SPEC);
    const { spec } = loadSpec({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, knownRuleIds: rules.map((r) => r.meta.id) });
    // one warm-up of each, so that neither pays for loading modules
    await checkFolder(dir, { paths: ['site/pages/doc-0000.md'], asOf: '2026-06-01' });
    let started = performance.now();
    const result = await checkFolder(dir, { asOf: '2026-06-01' });
    const checkMs = performance.now() - started;
    started = performance.now();
    const discovery = await discover({ cwd: dir, paths: ['.'], spec, draftDir: dir });
    const discoverMs = performance.now() - started;
    console.log(`1,000 documents: check ${checkMs.toFixed(0)} ms, discover ${discoverMs.toFixed(0)} ms (${(discoverMs / checkMs).toFixed(2)}x)`);

    expect(result.files).toHaveLength(1000);
    expect(discovery.files).toHaveLength(1000);
    const ids = discovery.facts.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['return-window', 'free-shipping-minimum', 'warranty-period']));
    const returns = discovery.facts.find((f) => f.id === 'return-window')!;
    expect(returns.agree).toBe(false);
    expect(returns.values[0]!.value).toBe('30 days');
    expect(discovery.facts.find((f) => f.id === 'free-shipping-minimum')!.values[0]!.value).toBe('$50');
    // timed tests are noisy: only a generous bound
    expect(discoverMs).toBeLessThan(5 * checkMs);
  });
});
