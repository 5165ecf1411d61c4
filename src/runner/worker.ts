/**
 * A lint worker thread: builds the run's lint context once from the spec it is given, then turns
 * batches of file bytes into FileOutcomes, which are plain data and travel back unchanged.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Spec } from '../spec/types.js';
import type { DiscoveredFile } from './files.js';
import { lintBytes, type FileOutcome } from '../lint/file.js';
import { lintContext } from '../lint/run.js';
import { loadFormatsFor } from '../formats/index.js';

export interface WorkerSetup {
  spec: Spec;
  asOf: string;
  prefilter: boolean;
}

export interface WorkerTask {
  id: number;
  items: Array<{ file: DiscoveredFile; bytes: Uint8Array; sha256: string }>;
}

export interface WorkerReply {
  id: number;
  outcomes: Array<FileOutcome | null>;
}

const setup = workerData as WorkerSetup;
const context = lintContext(setup.spec, setup.asOf, { prefilter: setup.prefilter });

parentPort!.on('message', async (task: WorkerTask) => {
  await loadFormatsFor(task.items.map((item) => item.file.rel));
  const outcomes = task.items.map((item) => lintBytes(item.file, item.bytes, item.sha256, context) ?? null);
  parentPort!.postMessage({ id: task.id, outcomes } satisfies WorkerReply);
});
