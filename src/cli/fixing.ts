/**
 * `--fix` and `--fix-dry-run`: apply every safe fix and check again until nothing is left to fix
 * (overlapping fixes wait for the next pass), or print the fixes as a unified diff. A fix that would
 * change the document's structure is not applied: it is named on standard error with its place,
 * counted in the summary line, and its finding is no longer counted as fixable.
 */
import type { FormatOptions } from '../formats/format.js';
import type { Fix } from '../model/finding.js';
import { locator } from '../model/positions.js';
import type { RunResult } from '../model/result.js';
import { oneLine, plural, stripControl } from '../report/text.js';
import { unifiedDiff } from '../runner/diff.js';
import { fixFiles, type FileFix } from '../runner/fix-files.js';
import type { Io } from './io.js';

/** Enough for fixes that uncover fixes; a cycle between two terms stops here too. */
const MAX_PASSES = 10;

export interface FixRun {
  result: RunResult;
  rerun: () => Promise<RunResult>;
  cwd: string;
  dryRun: boolean;
  io: Io;
  /** how the run's formats read files: fixed files are read back the same way */
  formatOptions: FormatOptions;
}

export async function fixAndRecheck(options: FixRun): Promise<RunResult> {
  const { io } = options;
  const fix = (result: RunResult, dryRun: boolean) => fixFiles({ cwd: options.cwd, result, dryRun, formatOptions: options.formatOptions });
  let result = options.result;
  if (options.dryRun) {
    const fixes = await fix(result, true);
    for (const file of fixes) {
      if (file.skipped) io.stderr(`onemessage: would leave ${file.path} alone: ${file.skipped}\n`);
      else if (file.applied > 0) io.stdout(unifiedDiff({ path: file.path, before: file.before, after: file.after, edits: file.edits }));
    }
    const declined = reportDeclined(fixes, io, 'would not fix');
    if (declined > 0) io.stderr(`onemessage: ${plural(declined, 'fix', 'fixes')} not applicable there (see above)\n`);
    return withoutDeclined(result, fixes);
  }
  let applied = 0;
  const files = new Set<string>();
  let last: FileFix[] = [];
  let lastApplied = 0;
  const told = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    last = await fix(result, false);
    lastApplied = 0;
    for (const file of last) {
      const line = `onemessage: left ${file.path} alone: ${file.skipped}\n`;
      // A file left alone is left alone in every pass: say so once.
      if (file.skipped && !told.has(line)) io.stderr(line);
      if (file.skipped) told.add(line);
      lastApplied += file.applied;
      if (file.applied > 0) files.add(file.path);
    }
    if (lastApplied === 0) break;
    applied += lastApplied;
    result = await options.rerun();
  }
  // The fixes declined in the last pass, in the text as it is now.
  if (lastApplied > 0) last = await fix(result, true);
  const declined = reportDeclined(last, io, 'not fixed');
  const notFixed = declined > 0 ? `; ${plural(declined, 'fix', 'fixes')} not applicable there (see above)` : '';
  if (applied > 0) io.stderr(`onemessage: fixed ${plural(applied, 'problem')} in ${plural(files.size, 'file')}${notFixed}\n`);
  else if (declined > 0) io.stderr(`onemessage: fixed nothing${notFixed}\n`);
  return withoutDeclined(result, last);
}

/** One line per declined fix, at its place: `site/a.mdx:3:14: not fixed: "Trail "Pro"" would change ...`. */
function reportDeclined(fixes: FileFix[], io: Io, verb: string): number {
  let count = 0;
  for (const file of fixes) {
    if (!file.declined || file.declined.length === 0) continue;
    const locate = locator(file.before);
    for (const { fix, reason } of file.declined) {
      const at = locate.at(fix.start);
      io.stderr(`onemessage: ${stripControl(file.path)}:${at.line}:${at.column}: ${verb}: "${oneLine(stripControl(fix.text))}" ${reason}; change it by hand\n`);
      count++;
    }
  }
  return count;
}

/** The result with the declined fixes taken off their findings: those are not fixable where they stand. */
function withoutDeclined(result: RunResult, fixes: FileFix[]): RunResult {
  const declined = new Set<string>();
  const key = (path: string, fix: Fix) => `${path}\u0000${fix.start}\u0000${fix.end}\u0000${fix.text}`;
  for (const file of fixes) for (const { fix } of file.declined ?? []) declined.add(key(file.path, fix));
  if (declined.size === 0) return result;
  for (const finding of result.findings) if (finding.fix && declined.has(key(finding.path, finding.fix))) delete finding.fix;
  return result;
}
