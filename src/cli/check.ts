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
import { progressFor } from './progress.js';

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
}

export async function checkCommand(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  for (const target of flags.outputs) {
    if (!reporterFor(target.format)) throw new UsageError(`unknown format "${target.format}" (one of: ${reporterNames().join(', ')})`);
  }
  const asOf = flags.asOf ?? today();
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of expects a date as YYYY-MM-DD, found "${asOf}"`);
  const specPath = resolveSpecPath(flags.spec, paths, io.cwd);
  const { spec, warnings } = loadSpec({ specPath, cwd: io.cwd, knownRuleIds: rules.map((rule) => rule.meta.id) });
  const specFolder = path.relative(io.cwd, spec.dir) || '.';
  const targets = paths.length > 0 ? paths : [specFolder];
  const corpus = flags.corpus ? specFolder : undefined;
  const progress = progressFor({ io });
  const result: RunResult = await check({
    cwd: io.cwd,
    paths: corpus ? [corpus] : targets,
    spec,
    asOf,
    specWarnings: warnings,
    ...(corpus && paths.length > 0 ? { focus: paths } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.finish();
  result.startedAt = new Date().toISOString();
  result.command = ['onemessage', ...(flags.argv ?? [])];
  await writeReports(result, flags, io);
  return exitCodeFor(result, flags.maxWarnings);
}

export function exitCodeFor(result: RunResult, maxWarnings?: number): number {
  const active = result.findings.filter((finding) => !finding.suppression);
  if (active.some((finding) => finding.severity === 'error')) return 1;
  if (maxWarnings !== undefined && active.filter((finding) => finding.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}

async function writeReports(result: RunResult, flags: CheckFlags, io: Io): Promise<void> {
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
