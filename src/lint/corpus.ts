/**
 * Joins per-file outcomes into one result: the corpus rules over every statement, the run's views
 * (the message map), the waivers, and one order of findings whatever order files were given or
 * finished in; with a focus, only the focused files' findings are assembled.
 */
import { compareFindings, type Finding } from '../model/finding.js';
import { disambiguate } from '../model/fingerprint.js';
import type { FileRecord, MatrixRow, RunResult } from '../model/result.js';
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
        const level = report.variant === undefined ? severity : context.rules.severity.get(`${rule.meta.id}/${report.variant}`);
        if (level !== undefined && (!focus || focus(statement.path))) findings.push(statementFinding({ rule, severity: level, statement, report }));
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

/** One spec of a run with nested specs, and the files checked against it. */
export interface CorpusGroup {
  context: LintContext;
  outcomes: FileOutcome[];
}

/** Where a spec keeps each kind of item a statement can be about. */
const COLLECTIONS: Record<string, keyof LintContext['compiled']['items']> = { fact: 'facts', claim: 'claims', product: 'products', disclosure: 'disclosures', term: 'terms' };

/**
 * The result of a run over several specs (nested specs: one per brand folder). Each file was
 * linted against its own spec; a corpus rule compares a statement only with statements about the
 * same definition of the same item (one written once in a shared spec that several brands extend
 * is one definition; a brand that redefines it has its own), and each spec's waivers apply to its
 * own files. One group is the single-spec run, unchanged.
 */
export function assembleGroups(groups: CorpusGroup[], options: AssembleOptions): RunResult {
  if (groups.length === 1) return assemble(groups[0]!.outcomes, groups[0]!.context, options);
  const byPath = (a: { record: { path: string } }, b: { record: { path: string } }) => (a.record.path < b.record.path ? -1 : a.record.path > b.record.path ? 1 : 0);
  const ordered = groups.map((group) => ({ ...group, outcomes: [...group.outcomes].sort(byPath) }));
  const groupOfPath = new Map<string, (typeof ordered)[number]>();
  for (const group of ordered) for (const outcome of group.outcomes) groupOfPath.set(outcome.record.path, group);
  const findings: Finding[] = [];
  for (const outcome of ordered.flatMap((group) => group.outcomes).sort(byPath)) for (const finding of outcome.findings) findings.push(finding);

  const ruleIds = [...new Set(ordered.flatMap((group) => group.context.rules.corpus.map(({ rule }) => rule.meta.id)))];
  for (const ruleId of ruleIds) {
    const partitions = new Map<string, { group: (typeof ordered)[number]; statements: Statement[] }>();
    ordered.forEach((group, index) => {
      if (!group.context.rules.corpus.some(({ rule }) => rule.meta.id === ruleId)) return;
      for (const outcome of group.outcomes) {
        for (const statement of outcome.statements[ruleId] ?? []) {
          const key = definitionKey(group.context, statement) ?? `spec ${index}`;
          const partition = partitions.get(key) ?? { group, statements: [] };
          partition.statements.push(statement);
          partitions.set(key, partition);
        }
      }
    });
    for (const key of [...partitions.keys()].sort()) {
      const { group, statements } = partitions.get(key)!;
      const { rule } = group.context.rules.corpus.find((entry) => entry.rule.meta.id === ruleId)!;
      statements.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start || a.end - b.end));
      rule.check({
        spec: group.context.spec,
        items: group.context.compiled.items,
        asOf: group.context.asOf,
        statements,
        // each file's own spec says how severe its findings are
        report: (statement, report) => {
          const severity = (groupOfPath.get(statement.path) ?? group).context.rules.severity.get(ruleId) ?? rule.meta.defaultSeverity;
          findings.push(statementFinding({ rule, severity, statement, report }));
        },
      });
    }
  }

  const added: Finding[] = [];
  for (const group of ordered) {
    const mine = new Set(group.outcomes.map((outcome) => outcome.record.path));
    const { spec, asOf } = group.context;
    for (const finding of applySuppressions({ findings: findings.filter((finding) => mine.has(finding.path)), outcomes: group.outcomes, rules: group.context.rules, spec, cwd: options.cwd, asOf })) {
      // An expired exception of a spec that several brands extend is one finding, not one per brand.
      if (!added.some((other) => sameFinding(other, finding))) added.push(finding);
    }
  }
  for (const finding of added) findings.push(finding);
  findings.sort(compareFindings);
  disambiguate(findings);

  const root = ordered[0]!.context.spec;
  const files: FileRecord[] = ordered
    .flatMap((group) => group.outcomes.map((outcome) => ({ ...outcome.record, spec: group.context.spec.path })))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const warnings = [...options.warnings];
  for (const outcome of ordered.flatMap((group) => group.outcomes).sort(byPath)) for (const warning of outcome.warnings) warnings.push(warning);
  const matrix: MatrixRow[] = [];
  for (const group of ordered) {
    const { context } = group;
    if (!context.matrix) continue;
    const active = new Set(context.rules.corpus.map(({ rule }) => rule.meta.id));
    const statements = context.matrix.rules.filter((id) => active.has(id)).flatMap((id) =>
      group.outcomes.flatMap((outcome) => outcome.statements[id] ?? []).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start || a.end - b.end)),
    );
    for (const row of context.matrix.build(context.spec, statements)) matrix.push({ ...row, spec: context.spec.path });
  }
  const specRef = (spec: LintContext['spec']) => ({
    path: spec.path,
    sha256: spec.sha256,
    ...(spec.brand ? { brand: spec.brand } : {}),
    ...(spec.owner ? { owner: spec.owner } : {}),
    ...(spec.revision ? { revision: spec.revision } : {}),
  });
  return {
    version: VERSION,
    spec: specRef(root),
    specs: ordered.map((group) => specRef(group.context.spec)),
    asOf: ordered[0]!.context.asOf,
    files,
    findings,
    warnings,
    channels: [...new Set(ordered.flatMap((group) => group.context.spec.channels.map((channel) => channel.name)))],
    ...(ordered.some((group) => group.context.matrix) ? { matrix } : {}),
  };
}

/** The definition a statement is about: its item's kind, id and place in the spec files. */
function definitionKey(context: LintContext, statement: Statement): string | undefined {
  if (!statement.item) return undefined;
  const collection = COLLECTIONS[statement.item.kind];
  const item = collection ? (context.compiled.items[collection] as ReadonlyMap<string, { pos: { file: string; line: number; column: number } }>).get(statement.item.id) : undefined;
  if (!item) return undefined;
  return `${statement.item.kind}:${statement.item.id}@${item.pos.file}:${item.pos.line}:${item.pos.column}`;
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.path === b.path && a.start.offset === b.start.offset && a.end.offset === b.end.offset && a.message === b.message;
}
