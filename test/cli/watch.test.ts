/**
 * `check --watch` as a writer uses it: the real process checks once, checks again after a save
 * (with the other channels' text, for cross-document rules), survives a half-edited spec, and
 * exits 0 on Ctrl-C.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = 'version: 1\nchannels:\n  marketing: ["site/**"]\n  support: ["support/**"]\nclaims:\n  - id: best\n    says: ["best in the industry"]\n    status: forbidden\n';

interface Watched {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** resolves once stdout or stderr (whichever is named) contains `text` `count` times */
  waitFor: (stream: 'stdout' | 'stderr', text: string, count?: number) => Promise<void>;
  exit: Promise<number | null>;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function startWatch(cwd: string, args: string[] = []): Watched {
  const child = spawn(process.execPath, [BIN, 'check', '--watch', ...args], { cwd, env: { PATH: process.env.PATH ?? '' } });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out.stdout += chunk.toString();
    for (const w of waiters) w();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    out.stderr += chunk.toString();
    for (const w of waiters) w();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (stream: 'stdout' | 'stderr', text: string, count = 1) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out[stream].split(text).length - 1 >= count) resolve();
      };
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${JSON.stringify(text)} x${count} on ${stream}:\n${out.stdout}\n--- stderr ---\n${out.stderr}`)), 20_000);
      waiters.push(() => {
        check();
      });
      check();
      void Promise.resolve().then(() => timer.unref());
    });
  return { child, stdout: () => out.stdout, stderr: () => out.stderr, waitFor, exit };
}

describe('onemessage check --watch', () => {
  it('checks again when a file is saved, and exits 0 on Ctrl-C', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': '# Acme Outdoor\n\nGear for the long way round.\n', 'support/returns.md': 'Returns are free.\n' });
    const watched = startWatch(dir);
    await watched.waitFor('stderr', '(Ctrl-C to stop)');
    expect(watched.stdout()).toBe('✔ no problems in 2 files\n');

    writeFileSync(path.join(dir, 'site/index.md'), '# Acme Outdoor\n\nThe best in the industry, for the long way round.\n');
    await watched.waitFor('stderr', '(Ctrl-C to stop)', 2);
    expect(watched.stdout()).toBe(
      ['✔ no problems in 2 files', 'site/index.md', '  3:5  error    "best in the industry" is a forbidden claim (best).  claim/forbidden', '', '✖ 1 problem (1 error, 0 warnings) in 2 files', ''].join('\n'),
    );
    expect(watched.stderr()).toMatch(/^\d\d:\d\d:\d\d watching \. for changes \(Ctrl-C to stop\)\n\d\d:\d\d:\d\d site\/index\.md changed: checking again\n\d\d:\d\d:\d\d watching \. for changes \(Ctrl-C to stop\)\n$/);

    watched.child.kill('SIGINT');
    expect(await watched.exit).toBe(0);
  });

  it('follows a folder created while watching, and ignores node_modules', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': 'Gear for the long way round.\n', 'node_modules/pkg/readme.md': 'x\n' });
    const watched = startWatch(dir);
    await watched.waitFor('stderr', '(Ctrl-C to stop)');
    writeFileSync(path.join(dir, 'node_modules/pkg/readme.md'), 'The best in the industry.\n');
    mkdirSync(path.join(dir, 'site/blog'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    writeFileSync(path.join(dir, 'site/blog/launch.md'), 'The best in the industry.\n');
    await watched.waitFor('stdout', '✖ 1 problem (1 error, 0 warnings) in 2 files');
    expect(watched.stderr()).not.toContain('node_modules');
    watched.child.kill('SIGINT');
    expect(await watched.exit).toBe(0);
  });

  it('shows a half-edited spec\'s error and keeps watching until it is fixed', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': 'The best in the industry.\n' });
    const watched = startWatch(dir);
    await watched.waitFor('stderr', '(Ctrl-C to stop)');
    writeFileSync(path.join(dir, 'onemessage.yaml'), SPEC.replace('status: forbidden', 'status: forbiden'));
    await watched.waitFor('stderr', 'onemessage.yaml:8:13: ');
    await watched.waitFor('stderr', '(Ctrl-C to stop)', 2);
    writeFileSync(path.join(dir, 'onemessage.yaml'), SPEC.replace('status: forbidden', 'status: allowed'));
    await watched.waitFor('stdout', '✔ no problems in 1 file');
    expect(watched.stdout().split('✖ 1 problem').length - 1).toBe(1);
    watched.child.kill('SIGINT');
    expect(await watched.exit).toBe(0);
  });
});
