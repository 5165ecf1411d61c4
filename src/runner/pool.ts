/**
 * Spreads linting over worker threads. The main thread reads and hashes files (the cache needs
 * the hash first) and hands batches of bytes to whichever worker is free; each outcome lands at
 * its file's index, so the result never depends on which worker finished first.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import type { DiscoveredFile } from '../lint/paths.js';
import type { FileOutcome } from '../lint/file.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-protocol.js';

export interface PoolItem {
  file: DiscoveredFile;
  bytes: Uint8Array;
  sha256: string;
  /** index of the file's spec in the setup's specs */
  group: number;
}

/** Files per message: large enough to amortise messaging, small enough to balance two workers. */
const BATCH = 32;

/** The built worker script; under a TypeScript runner (tests) the source has no .js beside it, so the built one is used. */
function workerUrl(): URL {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return new URL('./worker.js', import.meta.url);
  return new URL(`file://${path.join(packageRoot(), 'dist', 'src', 'runner', 'worker.js')}`);
}

export class LintPool {
  private workers: Worker[] = [];

  /**
   * Workers start with the first batch, not here: each loads the parsers and compiles the spec
   * (about half a second of CPU), wasted on a run whose files all come from the cache.
   */
  constructor(
    private readonly size: number,
    private readonly setup: WorkerSetup,
  ) {}

  /**
   * Lints every item; `onDone` hears of each file as its batch comes back. Items arrive through
   * an async iterator so reading the next files overlaps with linting the previous ones.
   */
  async run(items: AsyncIterable<{ index: number; item: PoolItem }>, onDone: (index: number, outcome: FileOutcome | undefined) => void): Promise<void> {
    let idle: Worker[] | undefined;
    const waiting: Array<(worker: Worker) => void> = [];
    const pending = new Set<Promise<void>>();
    let nextId = 0;
    const acquire = () => {
      if (!idle) {
        this.workers = Array.from({ length: this.size }, () => new Worker(workerUrl(), { workerData: this.setup }));
        idle = [...this.workers];
      }
      const free = idle;
      return new Promise<Worker>((resolve) => (free.length > 0 ? resolve(free.pop()!) : waiting.push(resolve)));
    };
    const release = (worker: Worker) => {
      const next = waiting.shift();
      if (next) next(worker);
      else idle!.push(worker);
    };
    const send = async (batch: Array<{ index: number; item: PoolItem }>) => {
      const worker = await acquire();
      const id = nextId++;
      const task: WorkerTask = { id, items: batch.map((entry) => entry.item) };
      const done = new Promise<void>((resolve, reject) => {
        const onMessage = (reply: WorkerReply) => {
          if (reply.id !== id) return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          reply.outcomes.forEach((outcome, i) => onDone(batch[i]!.index, outcome ?? undefined));
          release(worker);
          resolve();
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
      });
      worker.postMessage(task);
      const tracked = done.finally(() => pending.delete(tracked));
      pending.add(tracked);
    };
    let batch: Array<{ index: number; item: PoolItem }> = [];
    for await (const entry of items) {
      batch.push(entry);
      if (batch.length >= BATCH) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
    await Promise.all(pending);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
