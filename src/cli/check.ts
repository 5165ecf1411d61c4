/** `onemessage check`: find and load the spec, run the check, write each requested report, pick the exit code. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { rules as builtinRules } from '../../rules/index.js';
import type { Rule } from '../lint/rule.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { RunResult } from '../model/result.js';
import type { RunStats } from '../runner/outcomes.js';
import { reporterFor } from '../report/index.js';
import type { ReportOptions } from '../report/reporter.js';
import { createSession, isIsoDate, ruleInfo, today, type Session } from '../session.js';
import { UsageError } from '../spec/errors.js';
import { isSpecFileName } from '../spec/find.js';
import { explicitSpecOf, resolveSpecPath } from './spec-path.js';

export { explicitSpecOf, resolveSpecPath } from './spec-path.js';
import type { IgnoreSource } from '../runner/files.js';
import { CACHE_FILE } from '../runner/cache.js';
import { resolveFormatters } from './formatter.js';
import type { Spec } from '../spec/types.js';
import type { Io } from './io.js';
import type { CheckFlags } from './options.js';
import type { OutputTarget } from './outputs.js';
import { progressFor } from './progress.js';
import { gitState } from '../runner/git-state.js';


export type { CheckFlags } from './options.js';

export async function checkCommand(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  if (flags.printConfig !== undefined && flags.printConfig !== false) {
    const { printConfig } = await import('./print-config.js');
    return printConfig(flags, io);
  }
  await resolveFormatters(flags.outputs, io.cwd, ['shard']);
  if (flags.shard !== undefined || flags.outputs.some((target) => target.format === 'shard')) {
    const { plan, session } = await prepareCheck(paths, flags, io);
    if (!plan) throw new UsageError('--shard checks files; it cannot read --stdin');
    const { shardCommand } = await import('./shard-run.js');
    return shardCommand({ flags, session, paths: plan.paths, speed: plan.speed }, io);
  }
  const { spec, session, rerun } = await prepareCheck(paths, flags, io);
  let result: RunResult = await rerun();
  if (flags.fix || flags.fixDryRun) {
    const { fixAndRecheck } = await import('./fixing.js');
    result = await fixAndRecheck({ result, rerun, cwd: io.cwd, dryRun: !flags.fix && Boolean(flags.fixDryRun), io });
  }
  if (flags.baseline || flags.writeBaseline) {
    const { applyBaselineFlags } = await import('./baselining.js');
    await applyBaselineFlags({ result, flags, specDir: spec.dir, io });
  }
  stamp(result, flags, spec.dir);
  noteEmptySpec(session, io);
  // A dry run's output on the terminal is the diff; reports still go to their files.
  await writeReports(result, flags.fixDryRun && !flags.fix ? { ...flags, outputs: flags.outputs.filter((target) => target.file !== undefined) } : flags, io, session.allRules());
  return exitCodeFor(result, flags.maxWarnings);
}

/** Loads the spec and checks the paths (or standard input), stamped with the time and command line. */
export async function runCheck(paths: string[], flags: Omit<CheckFlags, 'outputs'> & { outputs?: OutputTarget[] }, io: Io): Promise<RunResult> {
  const { spec, rerun } = await prepareCheck(paths, flags, io);
  const result = await rerun();
  stamp(result, flags, spec.dir);
  return result;
}

/**
 * Validates the flags and loads the spec once; `rerun` runs the check (again, after --fix
 * changed files) on the paths or on standard input.
 */
export async function prepareCheck(
  paths: string[],
  flags: Omit<CheckFlags, 'outputs'> & { outputs?: OutputTarget[] },
  io: Io,
): Promise<{ spec: Spec; session: Session; plan?: RunPlan; rerun: () => Promise<RunResult> }> {
  const stdinName = stdinNameOf(paths, flags);
  const asOf = flags.asOf ?? today();
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of expects a date as YYYY-MM-DD, found "${asOf}"`);
  const explicitSpec = explicitSpecOf(flags);
  const specPath = resolveSpecPath(explicitSpec, stdinName !== undefined ? [stdinName] : paths, io.cwd);
  const session = createSession({
    specPath,
    cwd: io.cwd,
    asOf,
    // A spec found by looking up the folders cascades: a folder's own onemessage.yaml applies below it.
    nested: explicitSpec === undefined,
    ...(flags.rule ? { severity: flags.rule } : {}),
    ...(flags.prefilter === false ? { prefilter: false } : {}),
    ...(flags.debug ? { debug: true } : {}),
  });
  const { spec } = session;
  if (stdinName !== undefined) {
    if (flags.fix || flags.fixDryRun) throw new UsageError('--fix writes files; with --stdin there is no file to write');
    const text = await io.readStdin();
    return {
      spec,
      session,
      rerun: async () => {
        session.clear();
        await session.addText(stdinName, text);
        return session.finish();
      },
    };
  }
  const specFolder = path.relative(io.cwd, spec.dir) || '.';
  // A spec file named as a path (pre-commit passes onemessage.yaml when only the spec changed) stands for everything it covers.
  paths = paths.map((given) => (isSpecFileName(given) && existsSync(path.resolve(io.cwd, given)) ? path.dirname(given) || '.' : given));
  const targets = paths.length > 0 ? paths : [specFolder];
  // A report written into the checked folder must not come back as content on the next run, nor the baseline.
  const skip = (flags.outputs ?? []).flatMap((target) => (target.file !== undefined ? [path.resolve(io.cwd, target.file)] : []));
  // (The default baseline, .onemessage-baseline.json, is onemessage's own state, which no walk reads.)
  for (const value of [flags.baseline, flags.writeBaseline]) if (typeof value === 'string') skip.push(path.resolve(io.cwd, value));
  // --corpus and --changed-since: the spec's whole folder feeds the cross-document rules; only some files are reported.
  const corpus = flags.corpus || flags.changedSince !== undefined ? specFolder : undefined;
  const focus = flags.changedSince !== undefined ? await changedFocus(flags.changedSince, paths, io.cwd) : corpus && paths.length > 0 ? paths : undefined;
  const cacheFile = flags.cacheLocation !== undefined ? cacheFileAt(flags.cacheLocation, io.cwd) : undefined;
  const speed = { cache: (flags.cache ?? false) || cacheFile !== undefined, ...(cacheFile ? { cacheFile } : {}), ...(flags.threads !== undefined ? { threads: flags.threads } : {}) };
  const ignore = await ignoreSources(flags, io.cwd);
  const plan: RunPlan = { warnings: session.specWarnings, paths: corpus ? [corpus] : targets, ...(focus ? { focus } : {}), speed, ...(ignore.length > 0 ? { ignore } : {}) };
  return {
    spec,
    session,
    plan,
    rerun: async () => {
      // A progress bar on stderr for long runs on a terminal (never on a pipe or in CI).
      const progress = progressFor({ io });
      session.clear();
      await session.lintFiles(plan.paths, { skip, ...speed, ...(plan.ignore ? { ignore: plan.ignore } : {}), ...(progress ? { onProgress: progress.update } : {}) });
      progress?.finish();
      if (flags.debug && session.lastStats) io.stderr(describeStats(session.lastStats));
      return session.finish(focus ? { focus } : {});
    },
  };
}

/** `--debug`: what the run did with its files, so that the prefilter's and the cache's work can be seen. */
export function describeStats(stats: RunStats): string {
  return `onemessage: ${stats.files} files: ${stats.read} read, ${stats.cached} from the cache, ${stats.parsed} parsed, ${stats.held} held a phrase\n`;
}

/** What a run over files reads, reports and how fast: shared by check and the shard writer. */
export interface RunPlan {
  warnings: readonly Diagnostic[];
  paths: string[];
  focus?: string[];
  speed: { cache: boolean; cacheFile?: string; threads?: number };
  ignore?: IgnoreSource[];
}

/** The time, the command line and, when a report records it, the git commit and tree state of the spec's folder. */
export function stamp(result: RunResult, flags: Pick<CheckFlags, 'argv'> & { outputs?: OutputTarget[] }, specDir: string): void {
  result.startedAt = new Date().toISOString();
  result.command = ['onemessage', ...(flags.argv ?? [])];
  if ((flags.outputs ?? []).some((target) => reporterFor(target.format)?.audit)) {
    const git = gitState(specDir);
    if (git) result.git = git;
  }
}

/** The name standard input stands for, or undefined when the run reads files. */
function stdinNameOf(paths: string[], flags: Pick<CheckFlags, 'stdin' | 'stdinFilename'>): string | undefined {
  if (!flags.stdin) {
    if (flags.stdinFilename !== undefined) throw new UsageError('--stdin-filename names the document read with --stdin; add --stdin');
    return undefined;
  }
  if (paths.length > 0) throw new UsageError(`--stdin reads one document from standard input; drop the paths (${paths.join(' ')}) or --stdin`);
  if (flags.stdinFilename === undefined || flags.stdinFilename.trim() === '') {
    throw new UsageError('--stdin needs --stdin-filename NAME: its extension picks the format and its path the channel');
  }
  return flags.stdinFilename;
}

export function exitCodeFor(result: RunResult, maxWarnings?: number): number {
  const active = result.findings.filter((finding) => !finding.suppression);
  if (active.some((finding) => finding.severity === 'error')) return 1;
  if (maxWarnings !== undefined && active.filter((finding) => finding.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}

/** The changed files under the given paths (all of them when none are given). */
async function changedFocus(ref: string, paths: string[], cwd: string): Promise<string[]> {
  const { changedSince } = await import('./changed.js');
  const changed = changedSince(ref, cwd);
  if (paths.length === 0) return changed;
  const roots = paths.map((given) => path.relative(cwd, path.resolve(cwd, given)).split(path.sep).join('/'));
  return changed.filter((rel) => roots.some((root) => root === '' || rel === root || rel.startsWith(`${root}/`)));
}

export async function writeReports(result: RunResult, flags: Pick<CheckFlags, 'outputs' | 'color' | 'quiet' | 'bom'>, io: Io, rules: readonly Rule[] = builtinRules): Promise<void> {
  for (const target of flags.outputs) {
    const reporter = target.reporter ?? reporterFor(target.format)!;
    const toTerminal = target.file === undefined;
    const options: ReportOptions = {
      color: toTerminal && colorWanted(flags.color, io),
      cwd: io.cwd,
      quiet: flags.quiet ?? false,
      bom: flags.bom !== false,
      rules: ruleInfo(rules, { version: result.version }),
    };
    const text = reporter.format(result, options);
    if (toTerminal) io.stdout(text);
    else {
      const file = path.resolve(io.cwd, target.file!);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
    }
  }
}

/** `--color`/`--no-color` win; then FORCE_COLOR and NO_COLOR; otherwise colour only on a terminal. */
function colorWanted(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTTY;
}

/** A new user's spec (init's starter, all examples commented out) can report nothing: say so, once, on stderr. */
function noteEmptySpec(session: Session, io: Io): void {
  const { spec } = session;
  const holdsSomething = (one: typeof spec) => one.facts.length + one.claims.length + one.products.length + one.disclosures.length + one.terms.length + one.plugins.length > 0;
  // a shared spec may hold only channels while each brand's nested spec holds the items
  if (session.specs.groups().some((group) => holdsSomething(group.spec))) return;
  io.stderr(`onemessage: note: ${spec.path} holds no facts, claims, products, disclosures or terms yet, so nothing can be reported; uncomment and adapt its examples (see docs/spec.md)\n`);
}

/** --cache-location: a file, or a folder (one that exists, or a path ending in a slash) to hold .onemessage-cache. */
function cacheFileAt(location: string, cwd: string): string {
  const abs = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (existsSync(abs) && statSync(abs).isDirectory());
  return isFolder ? path.join(abs, CACHE_FILE) : abs;
}

/** --ignore-path files (patterns relative to each file's folder, as in a .gitignore) and --ignore-pattern globs (relative to the working folder). */
async function ignoreSources(flags: Pick<CheckFlags, 'ignorePath' | 'ignorePattern'>, cwd: string): Promise<IgnoreSource[]> {
  const sources: IgnoreSource[] = [];
  for (const file of flags.ignorePath ?? []) {
    const abs = path.resolve(cwd, file);
    let text: string;
    try {
      text = await fs.readFile(abs, 'utf8');
    } catch {
      throw new UsageError(`--ignore-path ${file}: cannot read the file`);
    }
    sources.push({ base: path.dirname(abs), patterns: text.split(/\r?\n/) });
  }
  if (flags.ignorePattern?.length) sources.push({ base: cwd, patterns: flags.ignorePattern });
  return sources;
}

