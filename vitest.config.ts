// Tests live in test/, mirroring src/ and rules/. In CI a JSON report is written as well, so that
// .ci/run can print the pass/fail counts it is judged by. The global setup builds dist/ when it
// is stale, for the tests that run the built CLI.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, where
    // many tests wait on a child process (spawnSync, npm pack) while the other core idles. Two
    // workers took the suite from 113 s to 68 s there (single runs, minutes apart, on a shared
    // machine); worker threads (pool: 'threads') took 87 s, and a third worker did not help.
    pool: 'forks',
    // One module graph per worker instead of one per file: loading the parsers again for each of
    // ~90 files cost 40 s of a 115 s run. Tests restore what they change (spies, globals), and the
    // suite passes in shuffled orders (--sequence.shuffle) this way.
    isolate: false,
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.ONEMESSAGE_TEST_REPORT ? ['default', ['json', { outputFile: process.env.ONEMESSAGE_TEST_REPORT }]] : ['default'],
  },
});
