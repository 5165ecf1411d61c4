/**
 * Joins per-file outcomes into one result: the corpus rules over every statement, the run's views
 * (the message map), the waivers, and one order of findings whatever order files were given or
 * finished in; with a focus, only the focused files' findings are assembled.
 */
import { compareFindings, type Finding } from '../model/finding.js';
import { disambiguate } from '../model/fingerprint.js';
import type { FileRecord, RunResult } from '../model/result.js';
import { VERSION } from '../version.js';
import type { LintContext } from './context.js';
import type { FileOutcome } from './file.js';
import { statementFinding } from './findings.js';
import type { Statement } from './rule.js';
import { applySuppressions } from './suppress.js';

export interface AssembleOptions {
  cwd: string;
  warnings: string[];
  /**
   * Only files whose path (relative to cwd) this accepts are reported, while every file's
   * statements still count for the corpus rules. The same result as filtering the whole one
   * afterwards, because every waiver is judged within one file (or the spec); an editor
   * re-checking its open files after each change pays for those files, not for the workspace.
   */
  focus?: (path: string) => boolean;
  /** false: leave out the message map (an editor shows findings only, and builds it over every statement) */
  matrix?: boolean;
}

export function assemble(outcomes: FileOutcome[], context: LintContext, options: AssembleOptions): RunResult {
  const { spec, asOf } = context;
  const { focus } = options;
  const ordered = [...outcomes].sort((a, b) => (a.record.path < b.record.path ? -1 : a.record.path > b.record.path ? 1 : 0));
  const reported = focus ? ordered.filter((outcome) => focus(outcome.record.path)) : ordered;
  const findings: Finding[] = [];
  // Copies: waivers and fingerprints are set on the run's findings, and an outcome outlives the
  // run (a session finishes again after each edit; a second finish must not see the first's marks).
  for (const outcome of reported) for (const finding of outcome.findings) findings.push({ ...finding });
  const statementsOf = (ruleId: string): Statement[] => {
    const statements: Statement[] = [];
    for (const outcome of ordered) for (const statement of outcome.statements[ruleId] ?? []) statements.push(statement);
    return statements.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start || a.end - b.end));
  };
  for (const { rule, severity } of context.rules.corpus) {
    rule.check({
      spec,
      items: context.compiled.items,
      asOf,
      statements: statementsOf(rule.meta.id),
      report: (statement, report) => {
        if (!focus || focus(statement.path)) findings.push(statementFinding({ rule, severity, statement, report }));
      },
    });
  }
  for (const finding of applySuppressions({ findings, outcomes: reported, rules: context.rules, spec, cwd: options.cwd, asOf })) {
    if (!focus || focus(finding.path)) findings.push(finding);
  }
  findings.sort(compareFindings);
  disambiguate(findings);
  const files: FileRecord[] = reported.map((outcome) => outcome.record);
  const warnings = [...options.warnings];
  for (const outcome of ordered) for (const warning of outcome.warnings) warnings.push(warning);
  const active = new Set(context.rules.corpus.map(({ rule }) => rule.meta.id));
  const matrix = options.matrix === false ? undefined : context.matrix;
  const matrixStatements = matrix ? matrix.rules.filter((id) => active.has(id)).flatMap(statementsOf) : [];
  return {
    version: VERSION,
    spec: { path: spec.path, sha256: spec.sha256, ...(spec.brand ? { brand: spec.brand } : {}), ...(spec.owner ? { owner: spec.owner } : {}), ...(spec.revision ? { revision: spec.revision } : {}) },
    asOf,
    files,
    findings,
    warnings,
    channels: spec.channels.map((channel) => channel.name),
    ...(matrix ? { matrix: matrix.build(spec, matrixStatements) } : {}),
  };
}
