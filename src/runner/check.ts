/**
 * One check run over files: discover them, lint each (from the cache, this thread or workers),
 * then finish the run: the corpus rules over every statement, waivers, warnings about the walk
 * and the spec's channel globs, and the focus of a pre-commit or changed-since run.
 */
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { NotRead, RunResult } from '../model/result.js';
import { countNotRead } from '../formats/not-read.js';
import { channelResolver } from '../lint/channels.js';
import { assembleGroups, type CorpusGroup } from '../lint/corpus.js';
import type { FileOutcome } from '../lint/file.js';
import { toPosix } from '../lint/paths.js';
import type { DiscoveryProblem } from './files.js';
import { collectOutcomes, type RunSpeed } from './outcomes.js';
import type { SpecGroup, SpecSet } from './specs.js';

export interface CheckOptions extends RunSpeed {
  cwd: string;
  /** files and folders to check, relative to cwd */
  paths: string[];
  specs: SpecSet;
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
  const { specs, cwd, paths } = options;
  const { outcomes, problems, passedOver, passedOverByReader } = await collectOutcomes(options, specs);
  return finishRun({ outcomes, problems, notRead: countNotRead([...passedOver, ...passedOverByReader]), specs, cwd, paths, ...(options.specWarnings ? { specWarnings: options.specWarnings } : {}), ...(options.focus ? { focus: options.focus } : {}) });
}

export interface FinishOptions {
  outcomes: FileOutcome[];
  problems: DiscoveryProblem[];
  /** files the walks passed over, by extension and reason */
  notRead?: NotRead[];
  specs: SpecSet;
  cwd: string;
  /** the paths the run was given (a run over the spec's whole folder can tell a glob matches nothing) */
  paths: string[];
  specWarnings?: readonly Diagnostic[];
  focus?: string[];
  /** false: no message map in the result (see AssembleOptions) */
  matrix?: boolean;
  /**
   * Each spec's channel glob warnings, kept by the caller while the set of paths stays the same:
   * they depend on the paths only, and an editor that finishes after every keystroke should not
   * match each of thousands of paths against each glob again.
   */
  globWarnings?: Map<SpecGroup, string[]>;
}

/** From per-file outcomes (this run's, a cache's or merged shards') to the run's result. */
export function finishRun(options: FinishOptions): RunResult {
  const { outcomes, problems, specs, cwd } = options;
  const warnings = (options.specWarnings ?? []).map(formatDiagnostic);
  for (const problem of problems) warnings.push(`${problem.rel}: ${problem.message}`);
  // Each file goes to its spec's group; the root's comes first even when it checks no file.
  const groups = new Map<SpecGroup, CorpusGroup>([[specs.root, { context: specs.root.context, outcomes: [] }]]);
  for (const outcome of outcomes) {
    const group = specs.groupFor(path.resolve(cwd, outcome.record.path));
    const entry = groups.get(group) ?? { context: group.context, outcomes: [] };
    entry.outcomes.push(outcome);
    groups.set(group, entry);
  }
  const ordered = specs.groups().filter((group) => groups.has(group));
  for (const group of ordered) {
    if (group !== specs.root) for (const warning of group.warnings.map(formatDiagnostic)) if (!warnings.includes(warning)) warnings.push(warning);
    let unused = options.globWarnings?.get(group);
    if (!unused) {
      unused = unusedGlobWarnings({ group, outcomes: groups.get(group)!.outcomes, cwd, paths: options.paths, base: group === specs.root && ordered.length > 1 && groups.get(group)!.outcomes.length === 0 });
      options.globWarnings?.set(group, unused);
    }
    for (const warning of unused) warnings.push(warning);
  }
  // One spec (an editor's scope, most runs): only the focused files' findings are assembled and
  // waived. Several: the whole result, then the focus.
  const single = ordered.length === 1;
  const result = assembleGroups(
    ordered.map((group) => groups.get(group)!),
    { cwd, warnings, ...(single && options.focus ? { focus: inFocus(options.focus, cwd) } : {}), ...(options.matrix === false ? { matrix: false } : {}) },
  );
  if (options.notRead && options.notRead.length > 0) result.notRead = options.notRead;
  return options.focus && !single ? focusOn(result, options.focus, cwd) : result;
}

/** The warnings for a spec's channel globs that match none of its files, when the run read the spec's whole folder. */
function unusedGlobWarnings(options: { group: SpecGroup; outcomes: readonly FileOutcome[]; cwd: string; paths: readonly string[]; base: boolean }): string[] {
  const { spec } = options.group;
  const { cwd } = options;
  const channels = channelResolver(spec);
  for (const outcome of options.outcomes) channels.byPath(path.resolve(cwd, outcome.record.path));
  const wholeFolder = options.paths.some((given) => {
    const relative = path.relative(path.resolve(cwd, given), spec.dir);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
  // A shared spec whose files all live under brand folders' own specs is a base: its globs are theirs.
  if (!wholeFolder || options.base) return [];
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
