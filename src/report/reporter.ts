/** The one interface of every output format: a pure function from a run's result to text. */
import type { RunResult, Severity } from '../engine/finding.js';

export interface ReportOptions {
  color: boolean;
  cwd: string;
  rules: Array<{ id: string; description: string; defaultSeverity: Severity; fixable: boolean; docsUrl?: string; details?: string }>;
  /** stylish: show errors only */
  quiet?: boolean;
}

export interface Reporter {
  name: string;
  description: string;
  format(result: RunResult, options: ReportOptions): string;
}
