/** `onemessage check`: find and load the spec, run the check, write each requested report, pick the exit code. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { RunResult } from '../model/result.js';
import { reporterFor, reporterNames } from '../report/index.js';
import type { ReportOptions } from '../report/reporter.js';
import { createSession, isIsoDate, ruleInfo, today, type Session } from '../session.js';
import { UsageError } from '../spec/errors.js';
import { findSpec } from '../spec/find.js';
import type { Spec } from '../spec/types.js';
import type { Io } from './io.js';
import type { CheckFlags } from './options.js';
import type { OutputTarget } from './outputs.js';
import { progressFor } from './progress.js';
import { gitState } from '../runner/git-state.js';


export type { CheckFlags } from './options.js';

export async function checkCommand(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  for (const target of flags.outputs) {
    if (!reporterFor(target.format) && target.format !== 'shard') throw new UsageError(`unknown format "${target.format}" (one of: ${reporterNames().join(', ')})`);
  }
  if (flags.shard !== undefined || flags.outputs.some((target) => target.format === 'shard')) {
    const { plan, session } = await prepareCheck(paths, flags, io);
    if (!plan) throw new UsageError('--shard checks files; it cannot read --stdin');
    const { shardCommand } = await import('./shard-run.js');
    return shardCommand({ flags, session, paths: plan.paths, speed: plan.speed }, io);
  }
  const { spec, rerun } = await prepareCheck(paths, flags, io);
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
  // A dry run's output on the terminal is the diff; reports still go to their files.
  await writeReports(result, flags.fixDryRun && !flags.fix ? { ...flags, outputs: flags.outputs.filter((target) => target.file !== undefined) } : flags, io);
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
  const specPath = resolveSpecPath(flags.spec, stdinName !== undefined ? [stdinName] : paths, io.cwd);
  const session = createSession({ specPath, cwd: io.cwd, asOf, ...(flags.prefilter === false ? { prefilter: false } : {}), ...(flags.debug ? { debug: true } : {}) });
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
  const targets = paths.length > 0 ? paths : [specFolder];
  // A report written into the checked folder must not come back as content on the next run.
  const skip = (flags.outputs ?? []).flatMap((target) => (target.file !== undefined ? [path.resolve(io.cwd, target.file)] : []));
  // --corpus and --changed-since: the spec's whole folder feeds the cross-document rules; only some files are reported.
  const corpus = flags.corpus || flags.changedSince !== undefined ? specFolder : undefined;
  const focus = flags.changedSince !== undefined ? await changedFocus(flags.changedSince, paths, io.cwd) : corpus && paths.length > 0 ? paths : undefined;
  const speed = { cache: flags.cache ?? false, ...(flags.threads !== undefined ? { threads: flags.threads } : {}) };
  const plan: RunPlan = { warnings: session.specWarnings, paths: corpus ? [corpus] : targets, ...(focus ? { focus } : {}), speed };
  return {
    spec,
    session,
    plan,
    rerun: async () => {
      // A progress bar on stderr for long runs on a terminal (never on a pipe or in CI).
      const progress = progressFor({ io });
      session.clear();
      await session.lintFiles(plan.paths, { skip, ...speed, ...(progress ? { onProgress: progress.update } : {}) });
      progress?.finish();
      return session.finish(focus ? { focus } : {});
    },
  };
}

/** What a run over files reads, reports and how fast: shared by check and the shard writer. */
export interface RunPlan {
  warnings: readonly Diagnostic[];
  paths: string[];
  focus?: string[];
  speed: { cache: boolean; threads?: number };
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

export async function writeReports(result: RunResult, flags: Pick<CheckFlags, 'outputs' | 'color' | 'quiet' | 'bom'>, io: Io): Promise<void> {
  for (const target of flags.outputs) {
    const reporter = reporterFor(target.format)!;
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

/** --spec, else onemessage.yaml in the working folder or a parent, else beside the first path. */
export function resolveSpecPath(explicit: string | undefined, paths: string[], cwd: string): string {
  if (explicit) return path.resolve(cwd, explicit);
  const found = findSpec(cwd) ?? (paths[0] ? findSpec(path.resolve(cwd, paths[0])) : undefined);
  if (!found) throw new UsageError('no onemessage.yaml in this folder or any parent (give one with --spec FILE)');
  return found;
}

