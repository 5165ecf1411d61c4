/**
 * The progress bar a long check shows on a terminal: files done of total and time elapsed, on
 * stderr, drawn over itself and erased when the run ends, so stdout carries only the report.
 */
import type { Io } from './io.js';

/** A run shorter than this shows nothing: a bar that flashes for a moment is noise. */
const DEFAULT_DELAY_MS = 1000;
/** Redraw at most this often, so a fast run over many small files is not slowed by the terminal. */
const REDRAW_MS = 80;
const WIDTH = 24;

export interface Progress {
  update(done: number, total: number): void;
  /** erases the bar; call before the report is written */
  finish(): void;
}

export interface ProgressOptions {
  io: Io;
  /** for tests; otherwise Date.now */
  now?: () => number;
}

/**
 * A progress bar when both stdout and stderr are terminals and not in CI, else undefined: a
 * pipe, a redirected report or a CI log must never receive carriage returns and escape codes.
 * `ONEMESSAGE_PROGRESS_DELAY_MS` overrides the one-second delay (tests and demos use 0).
 */
export function progressFor(options: ProgressOptions): Progress | undefined {
  const { io } = options;
  if (!io.stderrIsTTY || !io.stdoutIsTTY || inCi(io.env)) return undefined;
  const now = options.now ?? Date.now;
  const delay = delayFrom(io.env.ONEMESSAGE_PROGRESS_DELAY_MS);
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      const elapsed = t - started;
      if (elapsed < delay) return;
      if (done < total && t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      drawn = true;
      io.stderr(`\r${progressLine({ done, total, elapsedMs: elapsed })}\u001b[K`);
    },
    finish() {
      if (drawn) io.stderr('\r\u001b[K');
      drawn = false;
    },
  };
}

/** `checking ████████░░░░ 1,204/3,000 files  2.4s` */
export function progressLine(options: { done: number; total: number; elapsedMs: number }): string {
  const { done, total, elapsedMs } = options;
  const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
  const count = (n: number) => n.toLocaleString('en-US');
  return `checking ${bar} ${count(done)}/${count(total)} files  ${(elapsedMs / 1000).toFixed(1)}s`;
}

/** CI services set CI (to true, 1, or a name); CI=false or CI=0 is a user turning it off. */
export function inCi(env: Record<string, string | undefined>): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

function delayFrom(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) return DEFAULT_DELAY_MS;
  return Number(value);
}
