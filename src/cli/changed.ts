/** `--changed-since REF`: the files git says changed since REF, plus untracked ones, relative to the working folder. */
import { execFileSync } from 'node:child_process';
import { UsageError } from '../spec/errors.js';

export function changedSince(ref: string, cwd: string): string[] {
  const git = (args: string[]): string[] => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 }).split('\0').filter((name) => name !== '');
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
      throw new UsageError(`--changed-since ${ref}: git failed${stderr ? `: ${stderr}` : ''}`);
    }
  };
  // --relative: paths relative to the working folder, and only changes below it.
  const changed = git(['diff', '--name-only', '--relative', '-z', ref, '--']);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z']);
  return [...new Set([...changed, ...untracked])].sort();
}
