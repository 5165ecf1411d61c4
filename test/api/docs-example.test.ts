/**
 * docs/api.md's example, run exactly as written against the built package (imported by its own
 * name, as a user imports it), and the library's session behaviour users rely on.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/session.js';
import { SpecLoadError } from '../../src/spec/errors.js';
import { formatDiagnostic } from '../../src/model/diagnostic.js';
import { ROOT } from '../helpers/cli.js';

describe('docs/api.md', () => {
  it('runs its example as written, with the output it shows', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/api.md'), 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(doc)![1]!;
    // A project with onemessage in its node_modules (a link to this package), as a user has it.
    const project = mkdtempSync(path.join(tmpdir(), 'onemessage-api-'));
    mkdirSync(path.join(project, 'node_modules'));
    symlinkSync(ROOT, path.join(project, 'node_modules', 'onemessage'), 'dir');
    writeFileSync(path.join(project, 'example.mjs'), example);
    const run = spawnSync(process.execPath, ['example.mjs'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    const shown = /^\/\/ (site\/returns\.md:1:7 .*)$/m.exec(example)![1]!;
    expect(lines[0]).toBe(shown);
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings) in 2 files');
  });
});

describe('createSession', () => {
  const SPEC = 'version: 1\nchannels:\n  marketing: ["site/**"]\n  support: ["support/**"]\nfacts:\n  trial:\n    says: ["{value} free trial"]\n';

  it('judges a document against the others of the session (an agree-only fact)', async () => {
    const session = createSession({ specText: SPEC, cwd: '/nowhere', asOf: '2026-11-30', files: false });
    expect((await session.lintText('site/a.md', 'Start your 14-day free trial.\n')).findings).toEqual([]);
    await session.addText('site/b.md', 'Start your 14-day free trial.\n');
    const c = await session.lintText('support/c.md', 'Your 30-day free trial starts today.\n');
    expect(c.findings.map((f) => `${f.path}:${f.start.line}:${f.start.column} ${f.ruleId} ${f.channel} related=${f.related.map((r) => r.path).join(',')}`)).toEqual([
      'support/c.md:1:6 fact/conflict support related=site/a.md,site/b.md',
    ]);
    // a new version of a document replaces the old one
    await session.lintText('support/c.md', 'Your 14-day free trial starts today.\n');
    expect(session.finish().findings).toEqual([]);
    expect(session.finish().files.map((f) => f.path)).toEqual(['site/a.md', 'site/b.md', 'support/c.md']);
  });

  it('throws SpecLoadError with every problem at file:line:col', () => {
    let caught: unknown;
    try {
      createSession({ specText: 'version: 1\nclams: []\nfacts:\n  f:\n    says: ["no value"]\n', cwd: '/nowhere', files: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SpecLoadError);
    expect((caught as SpecLoadError).diagnostics.map(formatDiagnostic)).toEqual(['onemessage.yaml:2:1: unknown key "clams" in the spec; did you mean "claims"?']);
  });

  it('with files: false a spec cannot extend a file or a pack, and says so', () => {
    let caught: unknown;
    try {
      createSession({ specText: 'version: 1\nextends: [ftc-endorsements]\n', cwd: '/nowhere', files: false });
    } catch (error) {
      caught = error;
    }
    expect((caught as SpecLoadError).diagnostics.map(formatDiagnostic)).toEqual(['onemessage.yaml:2:11: unknown pack "ftc-endorsements" (there are no built-in packs)']);
  });
});
