/**
 * Applies every waiver a run knows, in order: inline directives first (the writer's word, nearest
 * the text), then the waiver rules that judge the directives, then the spec's exceptions (which
 * may waive those findings too), then the waiver rules that judge the exceptions. Returns the
 * findings the waiver rules report.
 */
import type { Finding } from '../model/finding.js';
import type { Spec } from '../spec/types.js';
import type { ActiveRules } from './context.js';
import { applyDirectives, type DirectiveScope } from './directives.js';
import { applyExceptions } from './exceptions.js';
import type { FileOutcome } from './file.js';
import { messageOf, waiverFinding } from './findings.js';
import type { AppliedDirective, JudgedException, WaiverRule } from './rule.js';

export interface SuppressOptions {
  findings: Finding[];
  outcomes: FileOutcome[];
  rules: ActiveRules;
  spec: Spec;
  cwd: string;
  asOf: string;
}

export function applySuppressions(options: SuppressOptions): Finding[] {
  const { rules, spec, asOf } = options;
  const scopes = new Map<string, DirectiveScope[]>();
  for (const outcome of options.outcomes) if (outcome.directives?.length) scopes.set(outcome.record.path, outcome.directives);
  const directives = applyDirectives({ findings: options.findings, scopes });
  const activeRuleIds = new Set(rules.severity.keys());
  const added: Finding[] = [];
  const run = (stage: WaiverRule['stage'], exceptions: readonly JudgedException[], applied: readonly AppliedDirective[]) => {
    for (const { rule, severity } of rules.waiver) {
      if (rule.stage !== stage) continue;
      rule.check({
        spec,
        asOf,
        directives: applied,
        exceptions,
        knownRuleIds: rules.known,
        activeRuleIds,
        message: (ref) => messageOf(rule, ref),
        report: (place, report) => added.push(waiverFinding({ rule, severity, place, report })),
      });
    }
  };
  run('directives', [], directives);
  const exceptions = applyExceptions({ findings: [...options.findings, ...added], spec, cwd: options.cwd, asOf });
  run('exceptions', exceptions, directives);
  return added;
}
