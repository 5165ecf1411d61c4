/**
 * A session: the spec (and, with nested specs, every folder's own spec) compiled once, and the
 * documents linted against it so far. The library's
 * entry point and the engine the CLI runs on: `lintText` (an editor's buffer, standard input),
 * `lintFiles` (files and folders, with the cache and worker threads), then `finish` for the run's
 * result (corpus rules over every document added, waivers, the message map), which reporters
 * turn into text by name.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { ruleHelp, rulePageUrl } from '../rules/help.js';
import { factMatrix, rules as builtinRules } from '../rules/index.js';
import { loadFormatsFor } from './formats/index.js';
import { countNotRead } from './formats/not-read.js';
import { createLintContext, type LintContext } from './lint/context.js';
import type { Severity } from './model/finding.js';
import { lintText, type FileOutcome, type LintTextOptions } from './lint/file.js';
import { BlockMatchMemo } from './match/matcher.js';
import type { FormatModule, ReadInput } from './formats/format.js';
import type { ReadResult } from './model/document.js';
import { toPosix, type DiscoveredFile } from './lint/paths.js';
import { severityKeys, type Rule } from './lint/rule.js';
import type { Diagnostic } from './model/diagnostic.js';
import type { Finding } from './model/finding.js';
import type { FileRecord, NotRead, RunResult } from './model/result.js';
import { reporterFor, reporterNames, type ReportOptions } from './report/index.js';
import { finishRun } from './runner/check.js';
import type { DiscoveryProblem } from './runner/files.js';
import { collectOutcomes, type RunSpeed, type RunStats } from './runner/outcomes.js';
import { lintBytes, lintFile, sha256Of } from './runner/read.js';
import type { IgnoreSource } from './runner/files.js';
import { loadPlugins } from './runner/plugins.js';
import { groupKey, SpecSet, type SpecGroup } from './runner/specs.js';
import { closest } from './spec/suggest.js';
import { builtinPackDir } from './package-root.js';
import { SpecLoadError, UsageError } from './spec/errors.js';
import { loadSpec, nodeSpecHost } from './spec/load.js';
import { NO_FILES, parseSpec, type SpecHost } from './spec/parse.js';
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
  /**
   * How a spec given as text reads the files it `extends` and the built-in packs (default: from
   * disk); an editor serves its unsaved buffers first. Ignored when `files` is false.
   */
  specHost?: SpecHost;
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
  /** stops the run between two files (it then rejects with the signal's reason, and the session keeps what it had) */
  signal?: AbortSignal;
}

export interface AddTextOptions {
  /**
   * Default true: the document is checked as a file named on the command line is. False: as a
   * folder walk finds it, so that a JSON file outside every channel that is no macro export (an
   * editor's open `package.json`) is passed over rather than reported as unreadable.
   */
  explicit?: boolean;
}

/** Documents given as text whose last version the session keeps parsed, for an editor's next keystroke. */
const READERS = 32;

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
  /** files folder walks passed over (by path, so a folder walked twice counts once), and counts from shards */
  private readonly passedOver = new Map<string, string>();
  private readonly notReadCounts: NotRead[] = [];
  private readonly paths: string[] = [];
  private readonly notes: string[] = [];
  /** what the last `lintFiles` did with its files: found, read, from the cache, parsed, holding a phrase */
  lastStats: RunStats | undefined;
  /**
   * What is kept of each document given as text for its next version (an editor's buffer): its
   * reader, which keeps what it parsed, and what its blocks matched; by path, the most recently
   * used last, at most READERS of them.
   */
  private readonly readers = new Map<string, { reader?: { format: FormatModule; read: (input: ReadInput) => ReadResult }; memo: BlockMatchMemo }>();
  /** bumped when the set of files or of given paths changes: what the channel glob warnings depend on */
  private generation = 0;
  private globWarnings: { generation: number; bySpec: Map<SpecGroup, string[]> } = { generation: -1, bySpec: new Map() };

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
  async lintText(filePath: string, text: string, options: AddTextOptions = {}): Promise<FileReport> {
    const rel = await this.addText(filePath, text, options);
    const result = this.finish({ focus: [rel] });
    return { path: rel, ...(result.files[0] ? { record: result.files[0] } : {}), findings: result.findings };
  }

  /**
   * Lints one document given as text and adds it to the session without judging the whole yet
   * (to add many, then `finish` once); returns its path relative to `cwd`.
   */
  async addText(filePath: string, text: string, options: AddTextOptions = {}): Promise<string> {
    return this.add(filePath, options, (file, context) => {
      // An editor may hand over a BOM; offsets are into the text after it, as for files.
      const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
      const bytes = Buffer.from(text, 'utf8');
      return lintText(file, body, context, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }, this.editState(file.rel));
    });
  }

  /**
   * The same for a document given as bytes (standard input): decoded exactly as a file on disk is,
   * so UTF-16, a BOM, invalid UTF-8 and binary data give what they give for a file.
   */
  async addBytes(filePath: string, bytes: Uint8Array): Promise<string> {
    return this.add(filePath, {}, (file, context) => lintBytes(file, bytes, sha256Of(bytes), context));
  }

  private async add(filePath: string, options: AddTextOptions, lint: (file: DiscoveredFile, context: LintContext) => FileOutcome | undefined | Promise<FileOutcome | undefined>): Promise<string> {
    const { abs, rel } = this.place(filePath);
    const group = this.specs.groupFor(abs);
    if (this.ignoredBySpec(abs, group.spec)) {
      this.forget(rel);
      // As for a file named on the command line: the spec's ignore globs win, and the user is told why nothing was checked.
      const note = `${rel}: ignored by the spec's ignore globs, not checked`;
      if (!this.notes.includes(note)) this.notes.push(note);
      return rel;
    }
    const reader = group.context.readerOf(abs);
    await loadFormatsFor([rel], reader ? [reader] : []);
    const outcome = await lint({ abs, rel, explicit: options.explicit !== false }, group.context);
    this.keep(rel, outcome);
    return rel;
  }

  /**
   * What is kept of a document given as text for its next version: the reader that keeps what it
   * parsed, for a format that has one, and what its blocks matched.
   */
  private editState(rel: string): LintTextOptions {
    let entry = this.readers.get(rel);
    if (!entry) entry = { memo: new BlockMatchMemo() };
    this.readers.delete(rel);
    this.readers.set(rel, entry);
    // An editor has a few documents open; a library adding thousands of texts keeps no more than this.
    if (this.readers.size > READERS) this.readers.delete(this.readers.keys().next().value!);
    const kept = entry;
    return {
      matchMemo: kept.memo,
      readerFor: (format) => {
        if (kept.reader?.format !== format) {
          const read = format.editReader?.();
          kept.reader = read ? { format, read } : undefined;
        }
        return kept.reader?.read;
      },
    };
  }

  /**
   * Lints one file again from disk, as a folder walk finds it (an editor heard that it changed or
   * appeared): its outcome is replaced, or forgotten when it is gone, ignored or no content.
   * Returns its path relative to `cwd`.
   */
  async recheckFile(filePath: string): Promise<string> {
    const { abs, rel } = this.place(filePath);
    const group = this.specs.groupFor(abs);
    if (this.ignoredBySpec(abs, group.spec) || !existsSync(abs)) {
      this.forget(rel);
      return rel;
    }
    const reader = group.context.readerOf(abs);
    await loadFormatsFor([rel], reader ? [reader] : []);
    this.keep(rel, await lintFile({ abs, rel }, group.context));
    return rel;
  }

  /** Forgets one document (a file deleted, or one that another spec now governs); whether the session had it. */
  forget(filePath: string): boolean {
    const { rel } = this.place(filePath);
    this.readers.delete(rel);
    if (!this.outcomes.delete(rel)) return false;
    this.generation++;
    return true;
  }

  /** The paths (relative to `cwd`) of every document the session holds. */
  documentPaths(): string[] {
    return [...this.outcomes.keys()];
  }

  private place(filePath: string): { abs: string; rel: string } {
    const abs = path.resolve(this.cwd, filePath);
    return { abs, rel: toPosix(path.relative(this.cwd, abs)) || '.' };
  }

  private keep(rel: string, outcome: FileOutcome | undefined): void {
    if (!outcome) {
      this.forget(rel);
      return;
    }
    if (!this.outcomes.has(rel)) this.generation++;
    // what linting took this time (for --debug) is never kept
    const { work: _work, ...kept } = outcome;
    this.outcomes.set(rel, kept);
  }

  /** Lints files and folders (relative to `cwd`): folders are walked, honouring .gitignore and the spec's `ignore`. */
  async lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<FileRecord[]> {
    const { outcomes, problems, passedOver, passedOverByReader, stats } = await collectOutcomes({ cwd: this.cwd, paths: [...paths], ...options }, this.specs);
    this.lastStats = stats;
    for (const outcome of outcomes) this.keep(outcome.record.path, outcome);
    for (const problem of problems) this.problems.push(problem);
    for (const file of [...passedOver, ...passedOverByReader]) this.passedOver.set(file.rel, file.extension);
    for (const given of paths) this.paths.push(given);
    this.generation++;
    return outcomes.map((outcome) => outcome.record);
  }

  /** Forgets every document linted so far (to check again after `--fix` changed files). */
  clear(): void {
    this.outcomes.clear();
    this.problems.length = 0;
    this.passedOver.clear();
    this.notReadCounts.length = 0;
    this.paths.length = 0;
    this.notes.length = 0;
    this.readers.clear();
    this.generation++;
  }

  /** Adds outcomes linted elsewhere (shards of a run on other machines, a cache), with what their walk passed over. */
  addOutcomes(outcomes: readonly FileOutcome[], problems: readonly DiscoveryProblem[] = [], notRead: readonly NotRead[] = []): void {
    for (const outcome of outcomes) this.keep(outcome.record.path, outcome);
    for (const problem of problems) this.problems.push(problem);
    for (const count of notRead) this.notReadCounts.push(count);
    this.generation++;
  }

  /**
   * The result over every document of the session: the corpus rules, the waivers, the message
   * map, in one order. `focus` keeps only the files and findings under those paths, while every
   * document still counts for cross-document rules. `matrix: false` leaves the message map out
   * (it is built over every statement of the session: an editor after each edit does not need it).
   */
  finish(options: { focus?: string[]; matrix?: boolean } = {}): RunResult {
    // Which channel globs match no file depends only on the set of paths: kept until it changes.
    if (this.globWarnings.generation !== this.generation) this.globWarnings = { generation: this.generation, bySpec: new Map() };
    const result = finishRun({
      outcomes: [...this.outcomes.values()],
      problems: this.problems,
      notRead: countNotRead([...[...this.passedOver.values()].map((extension) => ({ extension })), ...this.notReadCounts]),
      specs: this.specs,
      cwd: this.cwd,
      paths: this.paths,
      specWarnings: this.specWarnings,
      ...(options.focus ? { focus: options.focus } : {}),
      ...(options.matrix === false ? { matrix: false } : {}),
      globWarnings: this.globWarnings.bySpec,
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
    const host = options.files === false ? NO_FILES : (options.specHost ?? nodeSpecHost({ cwd, packDirs: [builtinPackDir()] }));
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
