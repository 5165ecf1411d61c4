/**
 * The commit the checked files come from and whether the working tree matches it, read from the
 * local `git` binary for the audit block of reports. Never fails a run: without git, outside a
 * repository or before the first commit, there is simply no answer.
 */
import { execFileSync } from 'node:child_process';
import type { GitState } from '../model/result.js';
import { CACHE_FILE } from './cache.js';
import { OWN_REPORT } from './files.js';

/** The state of the repository holding `dir`, limited to `dir` and below for cleanliness; undefined when git cannot say. */
export function gitState(dir: string): GitState | undefined {
  const git = (args: string[]): string | undefined => {
    try {
      return execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 10_000,
        maxBuffer: 64 * 1024 * 1024,
        // a report must not write git's index lock in a repository it only reads
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      });
    } catch {
      return undefined;
    }
  };
  const commit = git(['rev-parse', '--verify', '--quiet', 'HEAD'])?.trim();
  if (!commit || !/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
  const status = git(['status', '--porcelain', '-z', '--untracked-files=normal', '--', '.']);
  if (status === undefined) return undefined;
  return { commit, ...cleanliness(status) };
}

/**
 * Counts `git status --porcelain -z` entries; a rename or copy is followed by its source path,
 * which is not another change. onemessage's own reports and cache are never content, so a report
 * left by the last run does not make the tree unclean.
 */
function cleanliness(status: string): Omit<GitState, 'commit'> {
  const entries = status.split('\0');
  let changed = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    if (/[RC]/.test(entry.slice(0, 2))) i += 1;
    const name = entry.slice(3).split('/').pop() ?? '';
    if (entry.startsWith('??') && (OWN_REPORT.test(name) || name === CACHE_FILE)) continue;
    changed += 1;
  }
  return { clean: changed === 0, changed };
}
