/** The commit and working-tree state reports record: read from git when it can say, and silently absent otherwise. */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitState } from '../../src/runner/git-state.js';
import { commitAll, git } from '../helpers/git.js';
import { tempRepo } from '../helpers/lint.js';

describe('gitState', () => {
  it('is absent outside a repository and before the first commit, without failing', () => {
    const dir = tempRepo({ 'content/a.md': 'Hello.\n' });
    expect(gitState(path.join(dir, 'content'))).toBeUndefined();
    git(dir, ['init', '-q']);
    expect(gitState(dir)).toBeUndefined();
  });

  it('gives the commit, and counts modified and untracked files below the folder only', () => {
    const dir = tempRepo({ 'content/a.md': 'Hello.\n', 'content/b.md': 'Bye.\n', 'tools/x.js': '1\n' });
    const commit = commitAll(dir);
    const content = path.join(dir, 'content');
    expect(gitState(content)).toEqual({ commit, clean: true, changed: 0 });
    writeFileSync(path.join(dir, 'tools/x.js'), '2\n');
    // the last run's report and cache are not content
    writeFileSync(path.join(content, 'onemessage-report.html'), '<!DOCTYPE html>\n');
    writeFileSync(path.join(content, '.onemessage-cache'), '{}');
    expect(gitState(content)).toEqual({ commit, clean: true, changed: 0 });
    writeFileSync(path.join(content, 'a.md'), 'Hello again.\n');
    mkdirSync(path.join(content, 'new'));
    writeFileSync(path.join(content, 'new/c.md'), 'New.\n');
    expect(gitState(content)).toEqual({ commit, clean: false, changed: 2 });
    git(dir, ['mv', 'content/b.md', 'content/renamed.md']);
    expect(gitState(content)).toEqual({ commit, clean: false, changed: 3 });
  });
});
