/**
 * One check run: discover files, lint each (document rules, statement collection), then run
 * the corpus rules over every statement, and return a RunResult in one fixed order whatever
 * the order files were given or finished in.
 */
import path from 'node:path';
import { Matcher, specPhrases } from '../match/matcher.js';
import { parseQuantity } from '../match/quantity.js';
import type { Spec } from '../spec/types.js';
import { rules as allRules } from '../../rules/index.js';
import { channelResolver } from './channels.js';
import { toPosix, type DiscoveryProblem } from '../runner/files.js';
import { compareFindings, type FileRecord, type Finding, type RunResult, type Severity } from '../model/finding.js';
import { buildMatrix } from '../../rules/fact/matrix.js';
import { disambiguate, fingerprintOf } from '../model/fingerprint.js';
import type { ActiveRules, FileOutcome, LintContext } from './file.js';
import { collectOutcomes, type CollectOptions } from '../runner/outcomes.js';
import { compilePrefilter } from '../match/prefilter.js';
import type { Statement } from './rule.js';
import { applySuppressions } from './suppress.js';
import { VERSION } from '../version.js';

export interface CheckOptions {
  cwd: string;
  /** files and folders to check, relative to cwd */
  paths: string[];
  spec: Spec;
  /** `YYYY-MM-DD` */
  asOf: string;
  /** spec warnings from loading */
  specWarnings?: string[];
  /**
   * Report only findings in these files or folders (relative to cwd), while `paths` is the whole
   * corpus that cross-document rules see: a pre-commit hook checks the staged files against
   * what every other channel says.
   */
  focus?: string[];
  /** absolute paths of the files this run writes, skipped when found in a folder */
  skip?: string[];
  /** default true: files the prefilter proves free of phrases are not parsed (false parses every file) */
  prefilter?: boolean;
  /** keep and reuse per-file outcomes in `.onemessage-cache` in cwd */
  cache?: boolean;
  /** worker threads (0: lint in this thread); default: by core count when there are enough files */
  threads?: number;
  /** called as each file's outcome is ready, from cache, this thread or a worker */
  onProgress?(done: number, total: number): void;
  /** keep stacks of internal errors in readers, as warnings */
  debug?: boolean;
}

/** The rules the spec leaves on, each with its severity. */
export function activeRules(spec: Spec): ActiveRules {
  const active: ActiveRules = { document: [], corpus: [] };
  for (const rule of allRules) {
    const configured = spec.severity[rule.meta.id];
    if (configured === 'off') continue;
    const severity: Severity = configured ?? rule.meta.defaultSeverity;
    if (rule.meta.id === 'file/unreadable') active.unreadable = severity;
    else if (rule.kind === 'document') active.document.push({ rule, severity });
    else active.corpus.push({ rule, severity });
  }
  return active;
}

export function lintContext(spec: Spec, asOf: string, options: { prefilter?: boolean; debug?: boolean } = {}): LintContext {
  const channels = channelResolver(spec);
  const rules = activeRules(spec);
  const phrases = specPhrases(spec);
  // Every rule starts from a phrase match, unless it says otherwise; then every file is parsed.
  const matchFree = [...rules.document, ...rules.corpus].some(({ rule }) => rule.meta.reportsWithoutMatches);
  const prefilter = options.prefilter !== false && !matchFree ? compilePrefilter(phrases) : undefined;
  return {
    ...(prefilter ? { prefilter } : {}),
    ...(options.debug ? { debug: true } : {}),
    spec,
    asOf,
    rules,
    matcher: new Matcher(phrases, {
      ignoredSpeakers: spec.speakers.ignore,
      // Times of day are quantities only where a fact's value is one, so "9:00" is not otherwise read.
      times: spec.facts.some((fact) => fact.value !== undefined && parseQuantity(fact.value)?.kind === 'time'),
    }),
    formatOptions: {
      markdownFields: ['title', 'description', ...(spec.formats.markdown?.fields ?? [])],
      ...(spec.formats.csv ? { csv: spec.formats.csv } : {}),
    },
    channelOf: (abs) => channels.byPath(abs),
  };
}

export async function check(options: CheckOptions): Promise<RunResult> {
  const context = lintContext(options.spec, options.asOf, { prefilter: options.prefilter, debug: options.debug ?? false });
  const { outcomes, problems } = await collectOutcomes(collectOptions(options), context);
  return finishRun({ outcomes, problems, context, options });
}

function collectOptions(options: CheckOptions): CollectOptions {
  const { cwd, paths, spec, asOf, prefilter, cache, threads, onProgress, skip } = options;
  return { cwd, paths, spec, asOf, ...(prefilter !== undefined ? { prefilter } : {}), ...(cache ? { cache } : {}), ...(threads !== undefined ? { threads } : {}), ...(onProgress ? { onProgress } : {}), ...(skip ? { skip } : {}) };
}

/** From per-file outcomes (this run's, a cache's or merged shards') to the run's result: warnings, corpus rules, focus. */
export function finishRun(input: { outcomes: FileOutcome[]; problems: DiscoveryProblem[]; context: LintContext; options: Pick<CheckOptions, 'cwd' | 'paths' | 'spec' | 'asOf' | 'specWarnings' | 'focus'> }): RunResult {
  const { outcomes, problems, context, options } = input;
  const { spec } = options;
  const warnings = [...(options.specWarnings ?? [])];
  for (const problem of problems) warnings.push(`${problem.rel}: ${problem.message}`);
  const channels = channelResolver(spec);
  for (const outcome of outcomes) channels.byPath(path.resolve(options.cwd, outcome.record.path));
  // Only a run over the spec's whole folder can tell that a glob matches nothing.
  const wholeFolder = options.paths.some((given) => {
    const relative = path.relative(path.resolve(options.cwd, given), spec.dir);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
  if (wholeFolder) {
    for (const { channel, glob } of channels.unusedGlobs()) warnings.push(`${spec.path}: channel "${channel}" glob "${glob}" matches no file`);
  }
  const result = assemble(outcomes, context, options, warnings);
  return options.focus ? focusOn(result, options.focus, options.cwd) : result;
}

/** Keeps the files and findings under the focus paths; related locations may still point anywhere. */
export function focusOn(result: RunResult, focus: string[], cwd: string): RunResult {
  const roots = focus.map((given) => toPosix(path.relative(cwd, path.resolve(cwd, given))));
  const inFocus = (rel: string) => roots.some((root) => root === '' || rel === root || rel.startsWith(`${root}/`));
  return { ...result, files: result.files.filter((file) => inFocus(file.path)), findings: result.findings.filter((finding) => inFocus(finding.path)) };
}

/** Joins per-file outcomes into one result: corpus rules over all statements, one order. */
export function assemble(outcomes: FileOutcome[], context: LintContext, options: Pick<CheckOptions, 'spec' | 'asOf'> & { cwd?: string }, warnings: string[]): RunResult {
  const ordered = [...outcomes].sort((a, b) => (a.record.path < b.record.path ? -1 : a.record.path > b.record.path ? 1 : 0));
  const findings: Finding[] = ordered.flatMap((outcome) => outcome.findings);
  const factStatements: Statement[] = [];
  for (const { rule, severity } of context.rules.corpus) {
    const statements: Statement[] = ordered.flatMap((outcome) => outcome.statements[rule.meta.id] ?? []);
    statements.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start || a.end - b.end));
    if (rule.meta.id.startsWith('fact/')) for (const statement of statements) factStatements.push(statement);
    rule.check({
      spec: options.spec,
      asOf: options.asOf,
      statements,
      report(statement, report) {
        const finding: Finding = {
          ruleId: rule.meta.id,
          severity: report.severity ?? severity,
          message: report.message,
          path: statement.path,
          start: statement.where.start,
          end: statement.where.end,
          excerpt: statement.where.excerpt,
          related: report.related ?? [],
        };
        if (statement.channel !== undefined) finding.channel = statement.channel;
        if (statement.documentTitle !== undefined) finding.documentTitle = statement.documentTitle;
        if (statement.documentId !== undefined) finding.documentId = statement.documentId;
        if (report.item) finding.item = { kind: report.item.kind, id: report.item.id, file: report.item.pos.file, line: report.item.pos.line, column: report.item.pos.column };
        if (report.fix) finding.fix = report.fix;
        finding.fingerprint = fingerprintOf({ ruleId: rule.meta.id, itemId: report.item?.id, path: statement.path, documentId: statement.documentId, neighbourhood: statement.where.neighbourhood });
        findings.push(finding);
      },
    });
  }
  findings.push(...applySuppressions({ findings, outcomes: ordered, rules: context.rules, spec: options.spec, cwd: options.cwd ?? process.cwd(), asOf: options.asOf }));
  findings.sort(compareFindings);
  disambiguate(findings);
  const files: FileRecord[] = ordered.map((outcome) => outcome.record);
  for (const outcome of ordered) warnings.push(...outcome.warnings);
  return {
    version: VERSION,
    spec: { path: options.spec.path, sha256: options.spec.sha256, ...(options.spec.brand ? { brand: options.spec.brand } : {}) },
    asOf: options.asOf,
    files,
    findings,
    warnings,
    channels: options.spec.channels.map((channel) => channel.name),
    matrix: buildMatrix(options.spec, factStatements),
  };
}
