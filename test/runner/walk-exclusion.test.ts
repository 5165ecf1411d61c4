/**
 * An editor checks an open file only if `check` would read it in a walk of the spec's folder:
 * `excludedFromWalk` must agree with the walk itself, file by file, through every kind of ignore.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownExtensions } from '../../src/formats/index.js';
import { discoverFiles, excludedFromWalk } from '../../src/runner/files.js';
import { tempRepo } from '../helpers/lint.js';

function everyFile(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = path.join(dir, name);
    return statSync(abs).isDirectory() ? everyFile(root, abs) : [abs];
  });
}

describe('excludedFromWalk', () => {
  it('passes over exactly the files a walk of the folder leaves out, and says why', async () => {
    const root = tempRepo({
      'onemessage.yaml': 'version: 1\n',
      '.gitignore': 'drafts/\n*.tmp.md\n/build\n',
      'site/index.md': 'x',
      'site/notes.tmp.md': 'x',
      'site/drafts/a.md': 'x',
      'site/.gitignore': 'private.md\n!keep.tmp.md\n',
      'site/private.md': 'x',
      'site/keep.tmp.md': 'x',
      'site/legacy/old.md': 'x',
      'build/page.html': 'x',
      'deep/build/page.html': 'x',
      'node_modules/pkg/README.md': 'x',
      'support/macros.json': '{}',
      'support/code.ts': 'x',
      'onemessage-report.html': 'x',
      'sales/onemessage-report.html': 'x',
    });
    const options = { root, specDir: root, ignoreGlobs: ['site/legacy/**'], extensions: knownExtensions() };
    const walked = new Set((await discoverFiles({ cwd: root, paths: ['.'], specDir: root, ignoreGlobs: options.ignoreGlobs, extensions: options.extensions })).files.map((file) => file.abs));
    const reasons: Record<string, string> = {};
    for (const abs of everyFile(root)) {
      const reason = await excludedFromWalk({ ...options, abs });
      expect(reason === undefined, path.relative(root, abs)).toBe(walked.has(abs));
      if (reason) reasons[path.relative(root, abs)] = reason;
    }
    expect(reasons).toEqual({
      '.gitignore': 'no format reads it',
      'site/.gitignore': 'no format reads it',
      'onemessage.yaml': 'no format reads it',
      'site/notes.tmp.md': 'ignored by .gitignore',
      'site/drafts/a.md': 'ignored by .gitignore',
      'site/private.md': 'ignored by .gitignore',
      // The walk judges each .gitignore on its own, so a child's `!` does not take back a parent's pattern: the same here.
      'site/keep.tmp.md': 'ignored by .gitignore',
      'site/legacy/old.md': "ignored by the spec's ignore globs",
      'build/page.html': 'ignored by .gitignore',
      'node_modules/pkg/README.md': 'inside node_modules',
      'support/code.ts': 'no format reads it',
      'onemessage-report.html': "onemessage's own report",
      'sales/onemessage-report.html': "onemessage's own report",
    });
  });
});
