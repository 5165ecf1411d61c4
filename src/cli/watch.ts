/**
 * `onemessage check --watch`: checks once, then again each time a content file or the spec is
 * saved, so a writer sees the report update beside the editor. Every re-run is a whole check, so
 * cross-document rules see the other channels' latest text; Ctrl-C ends it with exit code 0.
 */
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { knownExtensions } from '../formats/index.js';
import { reportError } from './errors.js';
import { checkCommand, type CheckFlags } from './check.js';
import { explicitSpecOf, resolveSpecPath } from './spec-path.js';
import type { Io } from './io.js';
import { watchTree, type TreeWatcher } from './watch-tree.js';

/** Saving a file is often several writes (truncate, write, rename); one check covers them. */
const DEBOUNCE_MS = 150;
const SKIPPED = new Set(['node_modules', '.git', '.onemessage-cache']);

export interface WatchOptions {
  /** ends the watch; default: SIGINT or SIGTERM */
  signal?: AbortSignal;
  debounceMs?: number;
}

export async function watchCommand(paths: string[], flags: CheckFlags, io: Io, options: WatchOptions = {}): Promise<number> {
  const specPath = resolveSpecPath(explicitSpecOf(flags), paths, io.cwd);
  const roots = watchRoots({ specPath, paths, cwd: io.cwd, corpus: flags.corpus ?? false });
  const outputs = new Set(flags.outputs.filter((target) => target.file !== undefined).map((target) => path.resolve(io.cwd, target.file!)));
  const extensions = knownExtensions();
  const relevant = (abs: string): boolean => {
    if (outputs.has(abs)) return false; // a report written into a watched folder must not trigger the next run
    if (abs.split(path.sep).some((part) => SKIPPED.has(part))) return false;
    const ext = path.extname(abs).toLowerCase();
    return extensions.has(ext) || ext === '.yaml' || ext === '.yml' || path.basename(abs) === '.gitignore';
  };

  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const runOnce = async (reason?: string): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    // A terminal shows the latest report alone; a pipe or a log keeps every report, in order.
    if (io.stdoutIsTTY) io.stdout('\u001b[2J\u001b[3J\u001b[H');
    if (reason) io.stderr(`${time()} ${reason} changed: checking again\n`);
    try {
      await checkCommand(paths, flags, io);
    } catch (error) {
      showError(error, io);
    }
    io.stderr(`${time()} watching ${roots.map((root) => root.display).join(', ')} for changes (Ctrl-C to stop)\n`);
    running = false;
    if (again) {
      again = false;
      await runOnce('a file');
    }
  };

  // Watch before the first check, so a save during it is not missed.
  const changed = (abs: string) => {
    if (!relevant(abs)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void runOnce(path.relative(io.cwd, abs) || abs), options.debounceMs ?? DEBOUNCE_MS);
  };
  const watchers: Array<FSWatcher | TreeWatcher> = roots.map((root) => {
    if (!root.isFile) return watchTree({ root: root.abs, skip: SKIPPED, onChange: changed });
    const watcher = watch(root.abs, () => changed(root.abs));
    watcher.on('error', () => undefined); // a watched file removed: the next check reports it
    return watcher;
  });
  const signal = options.signal ?? interruptSignal();
  await runOnce();
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      resolve();
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  return 0;
}

interface WatchRoot {
  abs: string;
  display: string;
  isFile: boolean;
}

/** The spec's folder (and so the spec) and every given path outside it. */
export function watchRoots(options: { specPath: string; paths: string[]; cwd: string; corpus: boolean }): WatchRoot[] {
  const specDir = path.dirname(options.specPath);
  const display = (abs: string) => path.relative(options.cwd, abs) || '.';
  const roots: WatchRoot[] = [{ abs: specDir, display: display(specDir), isFile: false }];
  const inside = (abs: string) => abs === specDir || abs.startsWith(`${specDir}${path.sep}`);
  for (const given of options.corpus ? [] : options.paths) {
    const abs = path.resolve(options.cwd, given);
    if (inside(abs) || !existsSync(abs)) continue;
    const isFile = statSync(abs).isFile();
    roots.push({ abs, display: display(abs), isFile });
  }
  return roots;
}

function showError(error: unknown, io: Io): void {
  // A spec saved half-edited is the common case: show why, keep watching.
  io.stderr(reportError(error, { debug: false }).text);
}

function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  controller.signal.addEventListener('abort', () => {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  });
  return controller.signal;
}

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}
