/**
 * `--fix` and `--fix-dry-run`: apply every safe fix and check again until nothing is left to fix
 * (overlapping fixes wait for the next pass), or print the fixes as a unified diff.
 */
import { unifiedDiff } from '../runner/diff.js';
import { fixFiles } from '../runner/fix-files.js';
import type { RunResult } from '../model/result.js';
import type { Io } from './io.js';

/** Enough for fixes that uncover fixes; a cycle between two terms stops here too. */
const MAX_PASSES = 10;

export async function fixAndRecheck(options: { result: RunResult; rerun: () => Promise<RunResult>; cwd: string; dryRun: boolean; io: Io }): Promise<RunResult> {
  const { io } = options;
  let result = options.result;
  if (options.dryRun) {
    const fixes = await fixFiles({ cwd: options.cwd, result, dryRun: true });
    for (const fix of fixes) {
      if (fix.skipped) io.stderr(`onemessage: would leave ${fix.path} alone: ${fix.skipped}\n`);
      else io.stdout(unifiedDiff({ path: fix.path, before: fix.before, after: fix.after, edits: fix.edits }));
    }
    return result;
  }
  let applied = 0;
  const files = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = await fixFiles({ cwd: options.cwd, result, dryRun: false });
    let thisPass = 0;
    for (const fix of fixes) {
      if (fix.skipped) io.stderr(`onemessage: left ${fix.path} alone: ${fix.skipped}\n`);
      thisPass += fix.applied;
      if (fix.applied > 0) files.add(fix.path);
    }
    if (thisPass === 0) break;
    applied += thisPass;
    result = await options.rerun();
  }
  if (applied > 0) io.stderr(`onemessage: fixed ${applied} problem${applied === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}\n`);
  return result;
}
