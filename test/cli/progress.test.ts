/**
 * The progress bar: on stderr, only on a terminal, never in CI, erased before the report. The
 * pseudo-terminal cases run the real executable under `script`, as a user's terminal would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { inCi, progressFor, progressLine } from '../../src/cli/progress.js';
import { BIN } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

function fakeIo(options: { stdoutIsTTY: boolean; stderrIsTTY: boolean; env?: Record<string, string> }): Io & { err: string } {
  const io = {
    cwd: '/',
    env: options.env ?? {},
    err: '',
    stdout: () => undefined,
    stderr: (text: string) => {
      io.err += text;
    },
    stdoutIsTTY: options.stdoutIsTTY,
    stderrIsTTY: options.stderrIsTTY,
    readStdin: async () => '',
  };
  return io;
}

describe('progressFor', () => {
  it('draws files done of total and the time elapsed once the run passes one second, then erases itself', () => {
    let t = 0;
    const io = fakeIo({ stdoutIsTTY: true, stderrIsTTY: true });
    const progress = progressFor({ io, now: () => t })!;
    t = 400;
    progress.update(1, 2400);
    expect(io.err).toBe('');
    t = 1250;
    progress.update(600, 2400);
    expect(io.err).toBe('\rchecking ██████░░░░░░░░░░░░░░░░░░ 600/2,400 files  1.3s\u001b[K');
    t = 1300;
    progress.update(700, 2400); // within the redraw interval: skipped
    t = 1310;
    progress.update(2400, 2400); // the last file is always drawn
    progress.finish();
    expect(io.err.split('\r').slice(1)).toEqual(['checking ██████░░░░░░░░░░░░░░░░░░ 600/2,400 files  1.3s\u001b[K', 'checking ████████████████████████ 2,400/2,400 files  1.3s\u001b[K', '\u001b[K']);
  });

  it('says nothing on a run shorter than the delay', () => {
    let t = 0;
    const io = fakeIo({ stdoutIsTTY: true, stderrIsTTY: true });
    const progress = progressFor({ io, now: () => t })!;
    t = 900;
    progress.update(12, 12);
    progress.finish();
    expect(io.err).toBe('');
  });

  it('is off when stdout or stderr is not a terminal, or in CI', () => {
    expect(progressFor({ io: fakeIo({ stdoutIsTTY: false, stderrIsTTY: true }) })).toBeUndefined();
    expect(progressFor({ io: fakeIo({ stdoutIsTTY: true, stderrIsTTY: false }) })).toBeUndefined();
    expect(progressFor({ io: fakeIo({ stdoutIsTTY: true, stderrIsTTY: true, env: { CI: 'true' } }) })).toBeUndefined();
    expect(progressFor({ io: fakeIo({ stdoutIsTTY: true, stderrIsTTY: true, env: { CI: 'false' } }) })).toBeDefined();
  });

  it('reads CI the way CI services set it', () => {
    expect([inCi({ CI: 'true' }), inCi({ CI: '1' }), inCi({ CI: 'woodpecker' }), inCi({ CI: '' }), inCi({ CI: 'false' }), inCi({ CI: '0' }), inCi({})]).toEqual([true, true, true, false, false, false, false]);
  });

  it('draws an empty run as full', () => {
    expect(progressLine({ done: 0, total: 0, elapsedMs: 1500 })).toBe('checking ████████████████████████ 0/0 files  1.5s');
  });
});

const hasScript = existsSync('/usr/bin/script');

describe.skipIf(!hasScript)('the progress bar under a pseudo-terminal', () => {
  const dir = tempRepo({
    'onemessage.yaml': 'version: 1\nchannels:\n  marketing: ["site/**"]\nterms:\n  - use: TrailPack\n    not: ["Trail Pack"]\n',
    'site/index.md': '# TrailPack 45\n\nOur lightest pack.\n',
    'site/tents.md': '# Summit Tent\n\nPitches in four minutes.\n',
    'site/blog/launch.md': 'Meet the Trail Pack.\n',
  });
  // ONEMESSAGE_PROGRESS_DELAY_MS=0 shows the bar at once, so a three-file run is slow enough.
  const underPty = (command: string, env: Record<string, string> = {}) =>
    execFileSync('script', ['-qc', command, '/dev/null'], { cwd: dir, env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ONEMESSAGE_PROGRESS_DELAY_MS: '0', ...env }, encoding: 'utf8' });
  const cmd = `"${process.execPath}" "${BIN}" check --no-color`;

  it('appears on the terminal and is erased before the report', () => {
    const out = underPty(cmd);
    expect(out).toContain('\rchecking ████████████████████████ 3/3 files  ');
    const report = out.slice(out.lastIndexOf('\r\u001b[K') + 4);
    expect(report.replace(/\r\n/g, '\n')).toBe('site/blog/launch.md\n  1:10  warning  Use "TrailPack" instead of "Trail Pack".  term/use\n\n✖ 1 problem (0 errors, 1 warning) in 3 files\n  1 fixable with --fix\n');
  });

  it('does not appear when stdout is a pipe, nor in CI', () => {
    for (const out of [underPty(`${cmd} | cat`), underPty(cmd, { CI: 'true' })]) {
      expect(out).not.toContain('files  ');
      expect(out).not.toContain('\u001b[K');
      expect(out).toContain('✖ 1 problem (0 errors, 1 warning) in 3 files');
    }
  });
});
