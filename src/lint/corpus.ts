/**
 * Joins per-file outcomes into one result: the corpus rules over every statement, the run's views
 * (the message map), the waivers, and one order of findings whatever order files were given or
 * finished in.
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

export function assemble(outcomes: FileOutcome[], context: LintContext, options: { cwd: string; warnings: string[] }): RunResult {
  const { spec, asOf } = context;
  const ordered = [...outcomes].sort((a, b) => (a.record.path < b.record.path ? -1 : a.record.path > b.record.path ? 1 : 0));
  const findings: Finding[] = [];
  for (const outcome of ordered) for (const finding of outcome.findings) findings.push(finding);
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
        const level = report.variant === undefined ? severity : context.rules.severity.get(`${rule.meta.id}/${report.variant}`);
        if (level !== undefined) findings.push(statementFinding({ rule, severity: level, statement, report }));
      },
    });
  }
  for (const finding of applySuppressions({ findings, outcomes: ordered, rules: context.rules, spec, cwd: options.cwd, asOf })) findings.push(finding);
  findings.sort(compareFindings);
  disambiguate(findings);
  const files: FileRecord[] = ordered.map((outcome) => outcome.record);
  const warnings = [...options.warnings];
  for (const outcome of ordered) for (const warning of outcome.warnings) warnings.push(warning);
  const active = new Set(context.rules.corpus.map(({ rule }) => rule.meta.id));
  const matrixStatements = context.matrix ? context.matrix.rules.filter((id) => active.has(id)).flatMap(statementsOf) : [];
  return {
    version: VERSION,
    spec: { path: spec.path, sha256: spec.sha256, ...(spec.brand ? { brand: spec.brand } : {}), ...(spec.owner ? { owner: spec.owner } : {}), ...(spec.revision ? { revision: spec.revision } : {}) },
    asOf,
    files,
    findings,
    warnings,
    channels: spec.channels.map((channel) => channel.name),
    ...(context.matrix ? { matrix: context.matrix.build(spec, matrixStatements) } : {}),
  };
}
