/** Makes a folder a git repository with one commit, with a fixed author and date so that its hash is the same on every machine. */
import { execFileSync } from 'node:child_process';

const ENV = {
  GIT_AUTHOR_NAME: 'Acme Docs',
  GIT_AUTHOR_EMAIL: 'docs@acme.example',
  GIT_COMMITTER_NAME: 'Acme Docs',
  GIT_COMMITTER_EMAIL: 'docs@acme.example',
  GIT_AUTHOR_DATE: '2026-05-01T09:00:00Z',
  GIT_COMMITTER_DATE: '2026-05-01T09:00:00Z',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `git init` and one commit of everything in `dir`; returns the commit's hash. */
export function commitAll(dir: string, message = 'Content as of May'): string {
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message]);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}
