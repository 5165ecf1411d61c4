/**
 * Installing onemessage from git, as a team does before it is on the registry: a fresh clone of
 * this repository's files (the working tree as it is, so the test checks what is about to be
 * committed), `npm install git+file://...` into an empty project, then `npx onemessage check`.
 * npm runs the `prepare` script for a git dependency, with its dev dependencies installed, and
 * that is what builds dist/; the repository's own `npm ci` does not build (scripts/prepare.mjs).
 * Slow (npm installs the dev dependencies inside its clone): one install for the whole file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acmeSummary, ROOT } from '../helpers/cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** A new git repository holding the tracked files of this one, as they are on disk now. */
function freshClone(dest: string): void {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const rel of tracked) {
    const from = path.join(ROOT, rel);
    if (!existsSync(from)) continue; // deleted in the working tree, not yet committed
    mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true });
    copyFileSync(from, path.join(dest, rel));
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dest, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', 'snapshot');
}

describe('npm install from a git URL', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'onemessage-git-'));
  const clone = path.join(work, 'onemessage');
  const project = path.join(work, 'project');

  beforeAll(() => {
    freshClone(clone);
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), '{ "name": "acme-content", "private": true }\n');
    const install = spawnSync(npm, ['install', `git+file://${clone}`, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
  }, 600_000);

  it('builds on install (prepare), so npx onemessage check works in the project', () => {
    const installed = path.join(project, 'node_modules/onemessage');
    expect(existsSync(path.join(installed, 'dist/src/cli/main.js'))).toBe(true);
    // only what the package's `files` list names: no sources, tests or fixtures
    expect(['src', 'test', 'fixtures', 'node_modules/typescript'].filter((name) => existsSync(path.join(installed, name)))).toEqual([]);
    cpSync(path.join(ROOT, 'fixtures/acme'), path.join(project, 'content'), { recursive: true });
    const env = { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' };
    const check = spawnSync(npx, ['--no-install', 'onemessage', 'check', '--as-of', '2026-12-15'], { cwd: path.join(project, 'content'), encoding: 'utf8', env });
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout.trimEnd().split('\n').slice(-2)).toEqual(acmeSummary());
  });
});
