/** The reporters by `--format` name, for the CLI to look one up. */
import { csvReporter } from './csv.js';
import { githubReporter } from './github.js';
import { gitlabReporter } from './gitlab.js';
import { htmlReporter } from './html.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';
import { sarifReporter } from './sarif.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export type { ReportOptions, Reporter, RuleInfo } from './reporter.js';

export const reporters: Record<string, Reporter> = {
  stylish,
  json,
  sarif: sarifReporter,
  github: githubReporter,
  junit: junitReporter,
  markdown: markdownReporter,
  csv: csvReporter,
  html: htmlReporter,
  gitlab: gitlabReporter,
};

export function reporterFor(name: string): Reporter | undefined {
  return Object.hasOwn(reporters, name) ? reporters[name] : undefined;
}

export function reporterNames(): string[] {
  return Object.keys(reporters);
}
