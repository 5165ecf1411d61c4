/**
 * The reporter interface: a pure function from a run's result to the text of one output format.
 */
import type { Severity } from '../model/finding.js';
import type { RunResult } from '../model/result.js';

/** What a reporter knows about a rule besides its id: for SARIF's rule table and the HTML report. */
export interface RuleInfo {
  id: string;
  /** one line; inline Markdown (`code`) */
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** the rule's page (docs/rules/<id>.md), as an absolute URL */
  docsUrl?: string;
  /** a paragraph or two on when the rule fires and why it matters; inline Markdown */
  details?: string;
  /** the help a code-scanning tool shows beside an alert: what, why, examples, how to waive */
  help?: { markdown: string; text: string };
  /** every message the rule can give, by message id, with `{{placeholders}}` */
  messages?: Record<string, string>;
}

export interface ReportOptions {
  /** ANSI colour; only terminal reporters use it */
  color: boolean;
  /** the working folder that finding paths are relative to (absolute) */
  cwd: string;
  /** metadata of every rule known to the run, in the order the tool lists them */
  rules: RuleInfo[];
  /** the tool's home page, for SARIF's `tool.driver.informationUri` */
  informationUri?: string;
  /** stylish: show errors only */
  quiet?: boolean;
  /** csv: begin with a UTF-8 byte-order mark, so that Excel reads non-ASCII text right (default true) */
  bom?: boolean;
}

export interface Reporter {
  /** the `--format` name */
  name: string;
  /** the report records the run's provenance (the git commit and working-tree state), so the caller reads it first */
  audit?: boolean;
  /** one line, shown by `--help` */
  description: string;
  format(result: RunResult, options: ReportOptions): string;
}
