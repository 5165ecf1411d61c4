/**
 * One check run over files: discover them, lint each (from the cache, this thread or workers),
 * then finish the run: the corpus rules over every statement, waivers, warnings about the walk
 * and the spec's channel globs, and the focus of a pre-commit or changed-since run.
 */
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { RunResult } from '../model/result.js';
import { channelResolver } from '../lint/channels.js';
import type { LintContext } from '../lint/context.js';
import { assemble } from '../lint/corpus.js';
import type { FileOutcome } from '../lint/file.js';
import { toPosix } from '../lint/paths.js';
import type { Spec } from '../spec/types.js';
import type { DiscoveryProblem } from './files.js';
import { collectOutcomes, type RunSpeed } from './outcomes.js';

export interface CheckOptions extends RunSpeed {
  cwd: string;
  /** files and folders to check, relative to cwd */
  paths: string[];
  context: LintContext;
  /** spec warnings from loading */
  specWarnings?: readonly Diagnostic[];
  /**
   * Report only findings in these files or folders (relative to cwd), while `paths` is the whole
   * corpus that cross-document rules see: a pre-commit hook checks the staged files against
   * what every other channel says.
   */
  focus?: string[];
  /** absolute paths of the files this run writes, skipped when found in a folder */
  skip?: string[];
  /** called as each file's outcome is ready, from cache, this thread or a worker */
  onProgress?(done: number, total: number): void;
}

export async function check(options: CheckOptions): Promise<RunResult> {
  const { context, cwd, paths } = options;
  const { outcomes, problems } = await collectOutcomes(options, context);
  return finishRun({ outcomes, problems, context, cwd, paths, ...(options.specWarnings ? { specWarnings: options.specWarnings } : {}), ...(options.focus ? { focus: options.focus } : {}) });
}

export interface FinishOptions {
  outcomes: FileOutcome[];
  problems: DiscoveryProblem[];
  context: LintContext;
  cwd: string;
  /** the paths the run was given (a run over the spec's whole folder can tell a glob matches nothing) */
  paths: string[];
  specWarnings?: readonly Diagnostic[];
  focus?: string[];
  /** false: no message map in the result (see AssembleOptions) */
  matrix?: boolean;
  /** the channel glob warnings, when the caller already knows them for these files (see `unusedGlobWarnings`) */
  globWarnings?: readonly string[];
}

/** From per-file outcomes (this run's, a cache's or merged shards') to the run's result. */
export function finishRun(options: FinishOptions): RunResult {
  const { outcomes, problems, context, cwd } = options;
  const warnings = (options.specWarnings ?? []).map(formatDiagnostic);
  for (const problem of problems) warnings.push(`${problem.rel}: ${problem.message}`);
  for (const warning of options.globWarnings ?? unusedGlobWarnings({ outcomes, spec: context.spec, cwd, paths: options.paths })) warnings.push(warning);
  return assemble(outcomes, context, { cwd, warnings, ...(options.focus ? { focus: inFocus(options.focus, cwd) } : {}), ...(options.matrix === false ? { matrix: false } : {}) });
}

/**
 * A warning for each channel glob that matches none of the files read, when the run read the
 * spec's whole folder (otherwise a glob may match files the run was not given). It depends on
 * the files' paths only, so a session that re-finishes after each edit computes it once per set
 * of paths.
 */
export function unusedGlobWarnings(options: { outcomes: readonly FileOutcome[]; spec: Spec; cwd: string; paths: readonly string[] }): string[] {
  const { spec, cwd } = options;
  const wholeFolder = options.paths.some((given) => {
    const relative = path.relative(path.resolve(cwd, given), spec.dir);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
  if (!wholeFolder) return [];
  const channels = channelResolver(spec);
  for (const outcome of options.outcomes) {
    if (channels.allUsed()) break;
    channels.byPath(path.resolve(cwd, outcome.record.path));
  }
  return channels.unusedGlobs().map(({ channel, glob }) => `${spec.path}: channel "${channel}" glob "${glob}" matches no file`);
}

/** Whether a path (relative to cwd) is one of the focus paths or under one; related locations may still point anywhere. */
export function inFocus(focus: readonly string[], cwd: string): (rel: string) => boolean {
  const roots = focus.map((given) => toPosix(path.relative(cwd, path.resolve(cwd, given))));
  const exact = new Set(roots);
  // An editor focuses on its open files, one path each: a set lookup before the folder prefixes.
  return (rel) => exact.has(rel) || roots.some((root) => root === '' || rel.startsWith(`${root}/`));
}

/** Keeps the files and findings under the focus paths: what a focused `finishRun` gives, from a whole result. */
export function focusOn(result: RunResult, focus: string[], cwd: string): RunResult {
  const keep = inFocus(focus, cwd);
  return { ...result, files: result.files.filter((file) => keep(file.path)), findings: result.findings.filter((finding) => keep(finding.path)) };
}
