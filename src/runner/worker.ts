/**
 * A lint worker thread: builds the run's lint context once from the spec it is given, then turns
 * batches of file bytes into FileOutcomes, which are plain data and travel back unchanged.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rules } from '../../rules/index.js';
import { loadFormatsFor } from '../formats/index.js';
import { createLintContext } from '../lint/context.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-protocol.js';
import { lintBytes } from './read.js';

const setup = workerData as WorkerSetup;
const context = createLintContext({ spec: setup.spec, asOf: setup.asOf, rules, prefilter: setup.prefilter, ...(setup.debug ? { debug: true } : {}) });

parentPort!.on('message', async (task: WorkerTask) => {
  await loadFormatsFor(task.items.map((item) => item.file.rel));
  const outcomes: WorkerReply['outcomes'] = [];
  // One file at a time: a worker holds one unpacked container, never a batch of them.
  for (const item of task.items) outcomes.push((await lintBytes(item.file, item.bytes, item.sha256, context)) ?? null);
  parentPort!.postMessage({ id: task.id, outcomes } satisfies WorkerReply);
});
