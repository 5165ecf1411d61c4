/** discover's cost grows with the corpus as check's does, and it finds the facts planted in a generated corpus. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { discover } from '../../src/discover/run.js';
import { checkFolder } from '../helpers/lint.js';
import { loadSpec } from '../../src/spec/load.js';
import { countRegexWorkAsync } from '../helpers/work.js';
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

/** A generated corpus of `documents` documents with the spec above, loaded. */
function corpus(documents: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onemessage-discover-perf-'));
  writeCorpus(dir, documents);
  writeFileSync(path.join(dir, 'onemessage.yaml'), SPEC);
  const { spec } = loadSpec({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, knownRuleIds: rules.map((r) => r.meta.id) });
  return { dir, spec };
}

// Work is counted (what the regexes of readers, tokeniser, matchers and quantity scanner read),
// not timed: the counts are the same on any machine, however busy. Speed is the benchmark's job.
describe('discover on generated documents', () => {
  it('does work linear in the corpus, of the same order as check, and finds the planted facts', async () => {
    const work = async (documents: number) => {
      const { dir, spec } = corpus(documents);
      const checked = await countRegexWorkAsync(() => checkFolder(dir, { asOf: '2026-06-01', threads: 0 }));
      const discovered = await countRegexWorkAsync(() => discover({ cwd: dir, paths: ['.'], spec, draftDir: dir }));
      expect(checked.result.files).toHaveLength(documents);
      expect(discovered.result.files).toHaveLength(documents);
      return { check: checked.scanned, discover: discovered.scanned, discovery: discovered.result };
    };
    // once first, so that neither count holds the regexes run while loading modules
    await work(3);
    const small = await work(15);
    const large = await work(150);

    // 10 times the documents: about 10 times the work (grouping every statement with every
    // other would be 100 times)
    expect(large.discover / small.discover).toBeLessThan(11);
    expect(large.discover / large.check).toBeLessThan(5);

    const { discovery } = large;
    expect(discovery.facts.map((f) => f.id)).toEqual(expect.arrayContaining(['return-window', 'free-shipping-minimum', 'warranty-period']));
    const returns = discovery.facts.find((f) => f.id === 'return-window')!;
    expect(returns.agree).toBe(false);
    expect(returns.values[0]!.value).toBe('30 days');
    expect(discovery.facts.find((f) => f.id === 'free-shipping-minimum')!.values[0]!.value).toBe('$50');
  });
});
