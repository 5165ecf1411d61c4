/**
 * A session: the spec (and, with nested specs, every folder's own spec) compiled once, and the
 * documents linted against it so far. The library's
 * entry point and the engine the CLI runs on: `lintText` (an editor's buffer, standard input),
 * `lintFiles` (files and folders, with the cache and worker threads), then `finish` for the run's
 * result (corpus rules over every document added, waivers, the message map), which reporters
 * turn into text by name.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import picomatch from 'picomatch';
import { ruleHelp, rulePageUrl } from '../rules/help.js';
import { factMatrix, rules as builtinRules } from '../rules/index.js';
import { loadFormatsFor } from './formats/index.js';
import { createLintContext, type LintContext } from './lint/context.js';
import type { Severity } from './model/finding.js';
import { lintText, type FileOutcome } from './lint/file.js';
import { toPosix } from './lint/paths.js';
import { severityKeys, type Rule } from './lint/rule.js';
import type { Diagnostic } from './model/diagnostic.js';
import type { Finding } from './model/finding.js';
import type { FileRecord, RunResult } from './model/result.js';
import { reporterFor, reporterNames, type ReportOptions } from './report/index.js';
import { finishRun } from './runner/check.js';
import type { DiscoveryProblem } from './runner/files.js';
import { collectOutcomes, type RunSpeed } from './runner/outcomes.js';
import type { IgnoreSource } from './runner/files.js';
import { loadPlugins } from './runner/plugins.js';
import { groupKey, SpecSet, type SpecGroup } from './runner/specs.js';
import { closest } from './spec/suggest.js';
import { builtinPackDir } from './package-root.js';
import { SpecLoadError, UsageError } from './spec/errors.js';
import { loadSpec, nodeSpecHost } from './spec/load.js';
import { NO_FILES, parseSpec } from './spec/parse.js';
import type { Spec } from './spec/types.js';

export interface SessionOptions {
  /** the spec file to load (absolute, or relative to `cwd`) */
  specPath?: string;
  /** the spec's text, when it is not a file (an editor's unsaved buffer, a playground) */
  specText?: string;
  /** the name `specText` stands for, relative to `cwd`; channel globs are relative to its folder (default `onemessage.yaml`) */
  specFile?: string;
  /** the working folder finding paths are relative to (default: the process's) */
  cwd?: string;
  /** the date claims and exceptions are judged at, `YYYY-MM-DD` (default: today) */
  asOf?: string;
  /**
   * Whether the spec may read files: the specs it `extends` and the built-in packs (default true).
   * False for a spec given as text where nothing may be read (a browser).
   */
  files?: boolean;
  /** default true: files the prefilter proves free of phrases are not parsed */
  prefilter?: boolean;
  /** keep stacks of readers' internal errors, as warnings */
  debug?: boolean;
  /**
   * With `specPath`: a folder's own onemessage.yaml applies to the files below it, instead of the
   * spec at `specPath` (which may be extended). Default false: every file gets the one spec.
   */
  nested?: boolean;
  /** rule id -> severity (or `off`), over what every spec says (the CLI's --rule) */
  severity?: Record<string, Severity | 'off'>;
  /** more rules besides the built-in ones, as a spec's plugins would add them (tests of a plugin's rules, an embedding tool's own) */
  rules?: readonly Rule[];
}

/** One file's part of a session: its record and its findings, judged against every document of the session. */
export interface FileReport {
  path: string;
  record?: FileRecord;
  findings: Finding[];
}

export interface LintFilesOptions extends RunSpeed {
  /** absolute paths of files the run writes, never read back as content */
  skip?: string[];
  /** more ignore patterns in .gitignore syntax (the CLI's --ignore-path and --ignore-pattern) */
  ignore?: IgnoreSource[];
  /** called as each file's outcome is ready */
  onProgress?(done: number, total: number): void;
}

export class Session {
  /** the root spec's lint context: the compiled spec, the active rules, the date */
  readonly context: LintContext;
  /** the root spec */
  readonly spec: Spec;
  /** the root spec's warnings (legal but suspicious things), with file:line:col */
  readonly specWarnings: readonly Diagnostic[];
  /** every rule the root spec can use: the built-in ones and its plugins' */
  readonly rules: readonly Rule[];
  private readonly outcomes = new Map<string, FileOutcome>();
  private readonly problems: DiscoveryProblem[] = [];
  private readonly paths: string[] = [];
  private readonly notes: string[] = [];

  constructor(
    /** which spec each file is checked against */
    readonly specs: SpecSet,
    readonly cwd: string,
    readonly asOf: string,
  ) {
    this.context = specs.root.context;
    this.spec = specs.root.spec;
    this.specWarnings = specs.root.warnings;
    this.rules = specs.root.rules;
  }

  /** The spec a file (relative to `cwd`, or absolute) is checked against, and the spec file's absolute path. */
  specFor(filePath: string): { spec: Spec; file: string; warnings: readonly Diagnostic[] } {
    const group = this.specs.groupFor(path.resolve(this.cwd, filePath));
    return { spec: group.spec, file: group.file, warnings: group.warnings };
  }

  /**
   * Lints one document given as text, under the path it has (or would have) on disk, which picks
   * its format and channel; it replaces an earlier version of the same path. Returns the file's
   * findings judged against every document of the session (a fact stated in another file counts).
   */
  async lintText(filePath: string, text: string): Promise<FileReport> {
    const rel = await this.addText(filePath, text);
    const result = this.finish({ focus: [rel] });
    return { path: rel, ...(result.files[0] ? { record: result.files[0] } : {}), findings: result.findings };
  }

  /**
   * Lints one document given as text and adds it to the session without judging the whole yet
   * (to add many, then `finish` once); returns its path relative to `cwd`.
   */
  async addText(filePath: string, text: string): Promise<string> {
    const abs = path.resolve(this.cwd, filePath);
    const rel = toPosix(path.relative(this.cwd, abs)) || '.';
    this.outcomes.delete(rel);
    const group = this.specs.groupFor(abs);
    if (this.ignoredBySpec(abs, group.spec)) {
      // As for a file named on the command line: the spec's ignore globs win, and the user is told why nothing was checked.
      this.notes.push(`${rel}: ignored by the spec's ignore globs, not checked`);
      return rel;
    }
    // An editor may hand over a BOM; offsets are into the text after it, as for files.
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const bytes = Buffer.from(text, 'utf8');
    await loadFormatsFor([rel]);
    const outcome = lintText({ abs, rel, explicit: true }, body, group.context, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    if (outcome) this.outcomes.set(rel, outcome);
    return rel;
  }

  /** Lints files and folders (relative to `cwd`): folders are walked, honouring .gitignore and the spec's `ignore`. */
  async lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<FileRecord[]> {
    const { outcomes, problems } = await collectOutcomes({ cwd: this.cwd, paths: [...paths], ...options }, this.specs);
    for (const outcome of outcomes) this.outcomes.set(outcome.record.path, outcome);
    for (const problem of problems) this.problems.push(problem);
    for (const given of paths) this.paths.push(given);
    return outcomes.map((outcome) => outcome.record);
  }

  /** Forgets every document linted so far (to check again after `--fix` changed files). */
  clear(): void {
    this.outcomes.clear();
    this.problems.length = 0;
    this.paths.length = 0;
    this.notes.length = 0;
  }

  /** Adds outcomes linted elsewhere (shards of a run on other machines, a cache). */
  addOutcomes(outcomes: readonly FileOutcome[], problems: readonly DiscoveryProblem[] = []): void {
    for (const outcome of outcomes) this.outcomes.set(outcome.record.path, outcome);
    for (const problem of problems) this.problems.push(problem);
  }

  /**
   * The result over every document of the session: the corpus rules, the waivers, the message
   * map, in one order. `focus` keeps only the files and findings under those paths, while every
   * document still counts for cross-document rules.
   */
  finish(options: { focus?: string[] } = {}): RunResult {
    const result = finishRun({
      outcomes: [...this.outcomes.values()],
      problems: this.problems,
      specs: this.specs,
      cwd: this.cwd,
      paths: this.paths,
      specWarnings: this.specWarnings,
      ...(options.focus ? { focus: options.focus } : {}),
    });
    for (const note of this.notes) result.warnings.push(note);
    return result;
  }

  /** A result as the text of a reporter (`stylish`, `json`, `sarif`, `github`, `junit`, `markdown`, `csv`, `html`, `gitlab`). */
  report(result: RunResult, format: string, options: Partial<ReportOptions> = {}): string {
    const reporter = reporterFor(format);
    if (!reporter) throw new UsageError(`unknown format "${format}" (one of: ${reporterNames().join(', ')})`);
    return reporter.format(result, { color: false, cwd: this.cwd, rules: ruleInfo(this.allRules(), { version: result.version }), ...options });
  }

  /** Every rule of every spec loaded so far: the built-in ones, then each spec's plugins' rules once. */
  allRules(): Rule[] {
    const out: Rule[] = [];
    for (const group of this.specs.groups()) for (const rule of group.rules) if (!out.some((known) => known.meta.id === rule.meta.id)) out.push(rule);
    return out;
  }

  /** The specs the documents so far were checked against: the root first. */
  usedSpecs(): SpecGroup[] {
    const used = new Set([this.specs.root, ...[...this.outcomes.keys()].map((rel) => this.specs.groupFor(path.resolve(this.cwd, rel)))]);
    return this.specs.groups().filter((group) => used.has(group));
  }

  private ignoredBySpec(abs: string, spec: Spec): boolean {
    if (spec.ignore.length === 0) return false;
    const fromSpec = toPosix(path.relative(spec.dir, abs));
    return !fromSpec.startsWith('../') && picomatch(spec.ignore, { dot: true })(fromSpec);
  }
}

/** What reporters know of each rule besides its id; `version` names the published docs its page links to. */
export function ruleInfo(rules: readonly Rule[], options: { version: string }): ReportOptions['rules'] {
  return rules.map(({ meta }) => ({
    id: meta.id,
    description: meta.description,
    defaultSeverity: meta.defaultSeverity,
    fixable: meta.fixable,
    docsUrl: rulePageUrl(meta.id, options.version),
    details: meta.docs.details,
    help: ruleHelp(meta),
    messages: { ...meta.messages },
  }));
}

/**
 * Loads (or parses) the spec and compiles it once. Throws SpecLoadError, carrying every problem as
 * a Diagnostic with file:line:col, when the spec cannot be used; `parseSpec` gives the same
 * problems as values without throwing.
 */
export function createSession(options: SessionOptions): Session {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const asOf = options.asOf ?? today();
  if (!isIsoDate(asOf)) throw new UsageError(`asOf expects a date as YYYY-MM-DD, found "${asOf}"`);
  const knownRuleIds = [...new Set(severityKeys([...builtinRules, ...(options.rules ?? [])]))];
  const overrides = options.severity ?? {};
  const speed = { ...(options.prefilter === false ? { prefilter: false } : {}), ...(options.debug ? { debug: true } : {}) };

  /** Loads one spec (and its plugins) and compiles it with the built-in rules, the plugins' rules and the overrides. */
  const makeGroup = (file: string, parse: (pluginRuleIds: PluginRuleIds | undefined) => { spec: Spec; warnings: Diagnostic[] }, codeAllowed: boolean): SpecGroup => {
    let plugins: ReturnType<typeof loadPlugins> = { rules: [], errors: [], hashes: {} };
    const pluginRuleIds: PluginRuleIds = (refs) => {
      plugins = loadPlugins(refs, { cwd, builtinIds: knownRuleIds });
      return { ids: plugins.rules.map((rule) => rule.meta.id), errors: plugins.errors };
    };
    const { spec, warnings } = parse(codeAllowed ? pluginRuleIds : undefined);
    // A rule given with the same id as a built-in one replaces it (a test of a changed rule).
    const extra = options.rules ?? [];
    const rules = [...builtinRules.filter((rule) => !extra.some((other) => other.meta.id === rule.meta.id)), ...extra, ...plugins.rules];
    checkOverrides(overrides, rules);
    if (Object.keys(overrides).length > 0) spec.severity = { ...spec.severity, ...overrides };
    const context = createLintContext({ spec, asOf, rules, matrix: factMatrix, ...speed });
    const group: SpecGroup = { file, spec, warnings, context, key: groupKey(spec, { pluginHashes: plugins.hashes, overrides }), rules };
    return group;
  };
  const fromFile = (specPath: string): SpecGroup => {
    const file = path.resolve(cwd, specPath);
    return makeGroup(file, (pluginRuleIds) => loadSpec({ specPath: file, cwd, knownRuleIds, ...(pluginRuleIds ? { pluginRuleIds } : {}) }), true);
  };

  if (options.specText !== undefined) {
    const absPath = path.resolve(cwd, options.specFile ?? 'onemessage.yaml');
    const host = options.files === false ? NO_FILES : nodeSpecHost({ cwd, packDirs: [builtinPackDir()] });
    const root = makeGroup(
      absPath,
      (pluginRuleIds) => {
        const parsed = parseSpec(options.specText!, host.display(absPath), { absPath, knownRuleIds, host, ...(pluginRuleIds ? { pluginRuleIds } : {}) });
        if (!parsed.spec) throw new SpecLoadError(parsed.diagnostics);
        return { spec: parsed.spec, warnings: parsed.diagnostics };
      },
      options.files !== false,
    );
    return new Session(SpecSet.single(root), cwd, asOf);
  }
  if (options.specPath === undefined) throw new UsageError('createSession needs specPath or specText');
  const root = fromFile(options.specPath);
  return new Session(new SpecSet({ root, nested: options.nested ?? false, load: fromFile }), cwd, asOf);
}

type PluginRuleIds = NonNullable<Parameters<typeof parseSpec>[2]['pluginRuleIds']>;

/** `--rule ID: SEVERITY` names a rule that exists and a severity there is. */
function checkOverrides(overrides: Record<string, string>, rules: readonly Rule[]): void {
  const ids = rules.map((rule) => rule.meta.id);
  for (const [id, severity] of Object.entries(overrides)) {
    if (!ids.includes(id)) {
      const hint = closest(id, ids);
      throw new UsageError(`unknown rule "${id}" in --rule${hint ? `; did you mean "${hint}"?` : ''} (see onemessage rules)`);
    }
    if (!['error', 'warning', 'info', 'off'].includes(severity)) throw new UsageError(`--rule ${id}: expected error, warning, info or off, found "${severity}"`);
  }
}

export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
