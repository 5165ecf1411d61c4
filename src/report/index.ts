/**
 * The reporters by `--format` name, for the CLI to look one up (the integrator adds `stylish`
 * and `json`).
 */
import { csvReporter } from './csv.js';
import { githubReporter } from './github.js';
import { htmlReporter } from './html.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';
import { sarifReporter } from './sarif.js';

export type { ReportOptions, Reporter, RuleInfo } from './reporter.js';
export { renderGuide, type GuideFormat } from './guide.js';

export const reporters: Record<string, Reporter> = {
  sarif: sarifReporter,
  github: githubReporter,
  junit: junitReporter,
  markdown: markdownReporter,
  csv: csvReporter,
  html: htmlReporter,
};
