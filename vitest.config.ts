// Tests live in test/, mirroring src/ and rules/. In CI a JSON report is written as well, so that
// .ci/run can print the pass/fail counts it is judged by. The global setup builds dist/ when it
// is stale, for the tests that run the built CLI.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.ONEMESSAGE_TEST_REPORT ? ['default', ['json', { outputFile: process.env.ONEMESSAGE_TEST_REPORT }]] : ['default'],
  },
});
