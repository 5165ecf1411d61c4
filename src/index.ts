/**
 * onemessage as a library: the same engine as the command line. A session loads the spec once
 * and compiles it; documents are linted as text (an editor's buffer) or as files; `finish` gives
 * the run's result; reporters turn it into text by name. See docs/api.md.
 */
export { createSession, Session, type FileReport, type LintFilesOptions, type SessionOptions } from './session.js';
export { parseSpec, NO_FILES, type ParsedSpec, type ParseSpecOptions, type SpecHost } from './spec/parse.js';
export { SpecLoadError, UsageError } from './spec/errors.js';
export { formatDiagnostic, type Diagnostic, type DiagnosticSeverity } from './model/diagnostic.js';
export type { Finding, Fix, Position, RelatedLocation, Severity, SpecItemRef, Suppression } from './model/finding.js';
export type { FileRecord, MatrixRow, MatrixValue, RunResult } from './model/result.js';
export { reporterFor, reporterNames, reporters, type Reporter, type ReportOptions, type RuleInfo } from './report/index.js';
export { renderGuide, type GuideFormat, type GuideOptions } from './guide/guide.js';
export { rules } from '../rules/index.js';
export type {
  CorpusRule,
  DocumentContext,
  DocumentRule,
  FileRule,
  MessageRef,
  Report,
  Rule,
  RuleExample,
  RuleMeta,
  Statement,
  WaiverRule,
} from './lint/rule.js';
export type { Spec } from './spec/types.js';
export { VERSION } from './version.js';
