/**
 * Applies every waiver a run knows before findings are sorted: inline directives first (the
 * writer's word, nearest the text), then the spec's exceptions; returns the findings the waivers
 * themselves produce (`directive/reason`, `directive/unused`, `exception/expired`).
 */
import { rules as allRules } from '../../rules/index.js';
import type { Spec } from '../spec/types.js';
import { applyDirectives, type DirectiveScope } from './directives.js';
import { applyExceptions } from './exceptions.js';
import type { Finding, Severity } from '../model/finding.js';
import type { ActiveRules, FileOutcome } from './file.js';

export interface SuppressOptions {
  findings: Finding[];
  outcomes: FileOutcome[];
  rules: ActiveRules;
  spec: Spec;
  cwd: string;
  asOf: string;
}

export function applySuppressions(options: SuppressOptions): Finding[] {
  const { rules } = options;
  const severityOf = (id: string): Severity | undefined =>
    [...rules.document, ...rules.corpus].find((entry) => entry.rule.meta.id === id)?.severity;
  const activeRuleIds = new Set([...rules.document, ...rules.corpus].map((entry) => entry.rule.meta.id));
  if (rules.unreadable) activeRuleIds.add('file/unreadable');
  const scopes = new Map<string, DirectiveScope[]>();
  for (const outcome of options.outcomes) if (outcome.directives?.length) scopes.set(outcome.record.path, outcome.directives);
  const added = applyDirectives({
    findings: options.findings,
    scopes,
    knownRuleIds: allRules.map((rule) => rule.meta.id),
    activeRuleIds,
    severity: { reason: severityOf('directive/reason'), unused: severityOf('directive/unused') },
  });
  const all = [...options.findings, ...added];
  added.push(...applyExceptions({ findings: all, spec: options.spec, cwd: options.cwd, asOf: options.asOf, expiredSeverity: severityOf('exception/expired') }));
  return added;
}
