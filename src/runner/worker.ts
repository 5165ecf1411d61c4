/**
 * A lint worker thread: builds one lint context per spec it is given (each with the built-in
 * rules and that spec's plugins), then turns batches of file bytes into FileOutcomes, which are
 * plain data and travel back unchanged.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { factMatrix, rules } from '../../rules/index.js';
import { loadFormatsFor } from '../formats/index.js';
import { createLintContext } from '../lint/context.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-protocol.js';
import { loadPlugins } from './plugins.js';
import { lintBytes } from './read.js';

const setup = workerData as WorkerSetup;
const builtinIds = rules.map((rule) => rule.meta.id);
// The main thread loaded these plugins already and stopped on any problem: here they load clean.
const contexts = setup.specs.map((spec) =>
  createLintContext({
    spec,
    asOf: setup.asOf,
    rules: [...rules, ...loadPlugins(spec.plugins, { cwd: setup.cwd, builtinIds }).rules],
    matrix: factMatrix,
    prefilter: setup.prefilter,
    ...(setup.debug ? { debug: true } : {}),
  }),
);

parentPort!.on('message', async (task: WorkerTask) => {
  await loadFormatsFor(
    task.items.map((item) => item.file.rel),
    task.items.flatMap((item) => contexts[item.group]!.readerOf(item.file.abs) ?? []),
  );
  const outcomes: WorkerReply['outcomes'] = [];
  // One file at a time: a worker holds one unpacked container, never a batch of them.
  for (const item of task.items) outcomes.push((await lintBytes(item.file, item.bytes, item.sha256, contexts[item.group]!)) ?? null);
  parentPort!.postMessage({ id: task.id, outcomes } satisfies WorkerReply);
});
