/** `onemessage check`: find and load the spec, run the check, write each requested report, pick the exit code. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import type { RunResult } from '../engine/finding.js';
import { check } from '../engine/run.js';
import { reporterFor, reporterNames } from '../report/index.js';
import type { ReportOptions } from '../report/reporter.js';
import { UsageError } from '../spec/errors.js';
import { findSpec } from '../spec/find.js';
import { loadSpec } from '../spec/load.js';
import type { Io } from './io.js';
import type { OutputTarget } from './outputs.js';

export interface CheckFlags {
  spec?: string;
  outputs: OutputTarget[];
  quiet?: boolean;
  maxWarnings?: number;
  asOf?: string;
  color?: boolean;
  /** the command line as given, for the audit block of reports */
  argv?: string[];
  /** read the spec's whole folder for cross-document rules and report only the given paths */
  corpus?: boolean;
  /** keep and reuse per-file outcomes in .onemessage-cache */
  cache?: boolean;
  /** report only files git says changed since this ref (plus untracked ones); read the spec's whole folder */
  changedSince?: string;
  /** `I/N`: check a stable share of the files and write a shard file for `onemessage merge` */
  shard?: string;
  /** false (`--no-prefilter`): parse every file */
  prefilter?: boolean;
  /** worker threads (0: none) */
  threads?: number;
}

export async function checkCommand(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  for (const target of flags.outputs) {
    if (!reporterFor(target.format) && target.format !== 'shard') throw new UsageError(`unknown format "${target.format}" (one of: ${reporterNames().join(', ')})`);
  }
  if (flags.shard !== undefined || flags.outputs.some((target) => target.format === 'shard')) {
    const plan = await planRun(paths, flags, io);
    const { shardCommand } = await import('./shard-run.js');
    return shardCommand({ flags, spec: plan.spec, asOf: plan.asOf, paths: plan.paths, speed: plan.speed }, io);
  }
  const result = await runFromFlags(paths, flags, io);
  await writeReports(result, flags, io);
  return exitCodeFor(result, flags.maxWarnings);
}

type RunFlags = Pick<CheckFlags, 'spec' | 'asOf' | 'argv' | 'corpus' | 'cache' | 'changedSince' | 'prefilter' | 'threads'>;

/** The spec, date, paths, focus and speed options a run's flags ask for. */
async function planRun(paths: string[], flags: RunFlags, io: Io) {
  const asOf = flags.asOf ?? today();
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of expects a date as YYYY-MM-DD, found "${asOf}"`);
  const specPath = resolveSpecPath(flags.spec, paths, io.cwd);
  const { spec, warnings } = loadSpec({ specPath, cwd: io.cwd, knownRuleIds: rules.map((rule) => rule.meta.id) });
  const specFolder = path.relative(io.cwd, spec.dir) || '.';
  const targets = paths.length > 0 ? paths : [specFolder];
  const corpus = flags.corpus || flags.changedSince !== undefined ? specFolder : undefined;
  const focus = flags.changedSince !== undefined ? await changedFocus(flags.changedSince, paths, io.cwd) : corpus && paths.length > 0 ? paths : undefined;
  const speed = { cache: flags.cache ?? false, ...(flags.prefilter === false ? { prefilter: false } : {}), ...(flags.threads !== undefined ? { threads: flags.threads } : {}) };
  return { asOf, spec, warnings, paths: corpus ? [corpus] : targets, focus, speed };
}

/** Finds and loads the spec and runs the check, as `check`, `matrix` and `report` all do. */
export async function runFromFlags(paths: string[], flags: RunFlags, io: Io): Promise<RunResult> {
  const plan = await planRun(paths, flags, io);
  const result: RunResult = await check({
    cwd: io.cwd,
    paths: plan.paths,
    spec: plan.spec,
    asOf: plan.asOf,
    specWarnings: plan.warnings,
    ...(plan.focus ? { focus: plan.focus } : {}),
    ...plan.speed,
  });
  result.startedAt = new Date().toISOString();
  result.command = ['onemessage', ...(flags.argv ?? [])];
  return result;
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

export async function writeReports(result: RunResult, flags: CheckFlags, io: Io): Promise<void> {
  for (const target of flags.outputs) {
    const reporter = reporterFor(target.format)!;
    const toTerminal = target.file === undefined;
    const options: ReportOptions = {
      color: toTerminal && colorWanted(flags.color, io),
      cwd: io.cwd,
      quiet: flags.quiet ?? false,
      rules: rules.map((rule) => ({ id: rule.meta.id, description: rule.meta.description, defaultSeverity: rule.meta.defaultSeverity, fixable: rule.meta.fixable, details: rule.meta.docs.details })),
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

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
