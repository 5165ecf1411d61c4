/**
 * One check run: discover files, lint each (document rules, statement collection), then run
 * the corpus rules over every statement, and return a RunResult in one fixed order whatever
 * the order files were given or finished in.
 */
import path from 'node:path';
import { knownExtensions } from '../formats/index.js';
import { Matcher, specPhrases } from '../match/matcher.js';
import type { Spec } from '../spec/types.js';
import { rules as allRules } from '../../rules/index.js';
import { channelResolver } from './channels.js';
import { discoverFiles, toPosix } from './files.js';
import { compareFindings, type FileRecord, type Finding, type RunResult, type Severity } from './finding.js';
import { disambiguate, fingerprintOf } from './fingerprint.js';
import { lintFile, type ActiveRules, type FileOutcome, type LintContext } from './lint.js';
import type { Statement } from './rule.js';
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
  /** called as each file finishes linting, for a progress display */
  onProgress?(done: number, total: number): void;
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

export function lintContext(spec: Spec, asOf: string): LintContext {
  const channels = channelResolver(spec);
  return {
    spec,
    asOf,
    rules: activeRules(spec),
    matcher: new Matcher(specPhrases(spec), { ignoredSpeakers: spec.speakers.ignore }),
    formatOptions: {
      markdownFields: ['title', 'description', ...(spec.formats.markdown?.fields ?? [])],
      ...(spec.formats.csv ? { csv: spec.formats.csv } : {}),
    },
    channelOf: (abs) => channels.byPath(abs),
  };
}

export async function check(options: CheckOptions): Promise<RunResult> {
  const { spec } = options;
  const context = lintContext(spec, options.asOf);
  const { files, problems } = await discoverFiles({
    cwd: options.cwd,
    paths: options.paths,
    specDir: spec.dir,
    ignoreGlobs: spec.ignore,
    extensions: knownExtensions(),
  });
  let done = 0;
  const lintOne = async (file: (typeof files)[number]) => {
    const outcome = await lintFile(file, context);
    options.onProgress?.(++done, files.length);
    return outcome;
  };
  const outcomes = (await mapLimited(files, 8, lintOne)).filter((outcome) => outcome !== undefined);
  const warnings = [...(options.specWarnings ?? [])];
  for (const problem of problems) warnings.push(`${problem.rel}: ${problem.message}`);
  const channels = channelResolver(spec);
  for (const outcome of outcomes) channels.byPath(path.resolve(options.cwd, outcome.record.path));
  for (const { channel, glob } of channels.unusedGlobs()) warnings.push(`${spec.path}: channel "${channel}" glob "${glob}" matches no file checked`);
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
export function assemble(outcomes: FileOutcome[], context: LintContext, options: Pick<CheckOptions, 'spec' | 'asOf'>, warnings: string[]): RunResult {
  const ordered = [...outcomes].sort((a, b) => (a.record.path < b.record.path ? -1 : a.record.path > b.record.path ? 1 : 0));
  const findings: Finding[] = ordered.flatMap((outcome) => outcome.findings);
  for (const { rule, severity } of context.rules.corpus) {
    const statements: Statement[] = ordered.flatMap((outcome) => outcome.statements[rule.meta.id] ?? []);
    statements.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start || a.end - b.end));
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
  };
}

/** Runs `task` over items with at most `limit` at once, keeping the input order in the output. */
async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      out[index] = await task(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

