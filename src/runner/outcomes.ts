/**
 * Produces the per-file outcomes of a run: discovers the files, keeps this shard's share, reads
 * and hashes each, takes unchanged files from the cache, and lints the rest in this thread or in
 * worker threads. Outcomes come back in file order whatever order they finished in.
 */
import os from 'node:os';
import path from 'node:path';
import { knownExtensions, loadFormatsFor } from '../formats/index.js';
import { unreadableOutcome, type FileOutcome } from '../lint/file.js';
import { UsageError } from '../spec/errors.js';
import { VERSION } from '../version.js';
import { OutcomeCache } from './cache.js';
import { discoverFiles, type DiscoveredFile, type DiscoveryProblem, type PassedOver } from './files.js';
import { LintPool, type PoolItem } from './pool.js';
import { lintBytes, readRegularFile, sha256Of, type ReadBytes } from './read.js';
import { shardOf, type ShardSpec } from './shard.js';
import type { SpecGroup, SpecSet } from './specs.js';
import type { IgnoreSource } from './files.js';

/** How a run reads its files: what it may skip or reuse, and how many threads lint them. */
export interface RunSpeed {
  /** keep and reuse outcomes in `.onemessage-cache` in cwd */
  cache?: boolean;
  /** where the cache is kept instead (a file) */
  cacheFile?: string;
  /** worker threads; default: one per core (at most 4) when there are enough files to pay for them, else 0 */
  threads?: number;
}

export interface CollectOptions extends RunSpeed {
  cwd: string;
  paths: string[];
  shard?: ShardSpec;
  onProgress?(done: number, total: number): void;
  /** absolute paths of the files this run writes, skipped when found in a folder */
  skip?: string[];
  /** stops the run between two files: an editor's index made stale by a newer spec */
  signal?: AbortSignal;
  /** more ignore patterns (--ignore-path, --ignore-pattern), in .gitignore syntax */
  ignore?: IgnoreSource[];
}

/**
 * Below this many files, starting workers costs more than it saves: each worker loads the
 * parsers and compiles the spec again, and the prefilter leaves most files unparsed anyway.
 * Measured on 2 cores (bench/RESULTS.md): at 2,000 documents one thread took 3.1 s and two
 * workers 6.3 s; with every document holding a phrase, workers saved about 10%.
 */
const FILES_FOR_WORKERS = 5000;
/** Files read between two turns of the event loop. */
const READ_BATCH = 16;

export interface Collected {
  outcomes: FileOutcome[];
  problems: DiscoveryProblem[];
  /** files the walk found that no reader reads (every shard lists all of them) */
  passedOver: PassedOver[];
  /**
   * files a reader passed over when it read them: JSON outside every channel that is no export
   * (`package.json`, a translation file); each shard lists only its own
   */
  passedOverByReader: PassedOver[];
  /** files taken from the cache */
  cached: number;
  /** what the run did with its files, for `--debug` and the benchmark */
  stats: RunStats;
}

/** What a run did with its files: found, read from disk, taken from the cache, parsed, and found holding a phrase. */
export interface RunStats {
  files: number;
  read: number;
  cached: number;
  parsed: number;
  held: number;
}

/** Counts an outcome's work into the run's stats and drops it: work is never cached, sharded or kept. */
export function countWork(stats: RunStats, outcome: FileOutcome | undefined): FileOutcome | undefined {
  if (!outcome?.work) return outcome;
  if (outcome.work.parsed) stats.parsed++;
  if (outcome.work.held) stats.held++;
  const { work: _work, ...kept } = outcome;
  return kept;
}

export async function collectOutcomes(options: CollectOptions, specs: SpecSet): Promise<Collected> {
  const { spec, asOf } = specs.root.context;
  const discovered = await discoverFiles({
    cwd: options.cwd,
    paths: options.paths,
    specDir: spec.dir,
    ignoreGlobs: spec.ignore,
    extensions: knownExtensions(),
    // formats.extensions of the spec each file belongs to (a brand folder's own spec may map more)
    readerOf: (abs) => specs.groupFor(abs).context.readerOf(abs),
    skip: new Set([...(options.skip ?? []), ...(options.cacheFile ? [options.cacheFile] : [])]),
    ...(options.ignore ? { ignore: options.ignore } : {}),
  });
  const pluginFiles = new Set(specs.groups().flatMap((group) => group.spec.plugins.map((plugin) => plugin.absPath)));
  const missing = discovered.problems.find((problem) => problem.missing);
  if (missing) throw new UsageError(missing.glob ? `no files match the pattern "${missing.rel}"` : `no such file or folder: ${missing.rel}`);
  const shard = options.shard;
  const sharded = shard && shard.count > 1 ? discovered.files.filter((file) => shardOf(file.rel, shard.count) === shard.index) : discovered.files;
  // A folder's own spec may ignore files the walk found; each file's spec is known from here on.
  const files = sharded.filter((file) => !specs.ignoredByNested(file.abs));
  const groupOf = files.map((file) => specs.groupFor(file.abs));
  const groups: SpecGroup[] = [...new Set(groupOf)];
  const cacheKey = { version: VERSION, specSha256: specs.runKey(groups), asOf };
  const cache = options.cache ? await OutcomeCache.open(options.cwd, cacheKey, options.cacheFile) : undefined;
  const results = new Array<FileOutcome | undefined>(files.length);
  const stats: RunStats = { files: files.length, read: 0, cached: 0, parsed: 0, held: 0 };
  let done = 0;
  const finish = (index: number, outcome: FileOutcome | undefined) => {
    results[index] = countWork(stats, outcome);
    done++;
    options.onProgress?.(done, files.length);
  };

  const threads = options.threads ?? (files.length >= FILES_FOR_WORKERS ? Math.min(os.availableParallelism(), 4) : 0);
  const root = specs.root.context;
  const pool =
    threads > 0 && files.length > 0
      ? new LintPool(threads, { specs: groups.map((group) => group.spec), asOf, cwd: options.cwd, prefilter: root.compiled.prefilter !== undefined, ...(root.debug ? { debug: true } : {}) })
      : undefined;
  try {
    const toLint = async function* (): AsyncGenerator<{ index: number; item: PoolItem }> {
      for await (const read of readFiles(files)) {
        options.signal?.throwIfAborted();
        const { index, file } = read;
        const context = groupOf[index]!.context;
        if ('reason' in read) {
          finish(index, unreadableOutcome(file, context, { reason: read.reason }));
          continue;
        }
        const { bytes } = read;
        stats.read++;
        const sha256 = sha256Of(bytes);
        const hit = cache?.get(file.rel, sha256, file.explicit ?? false);
        if (hit !== undefined) {
          stats.cached++;
          finish(index, hit ?? undefined);
          continue;
        }
        yield { index, item: { file, bytes, sha256, group: groups.indexOf(groupOf[index]!) } };
      }
    };
    const store = (index: number, outcome: FileOutcome | undefined, item: PoolItem) => {
      const kept = countWork(stats, outcome);
      cache?.set(item.file.rel, item.sha256, item.file.explicit ?? false, kept);
      finish(index, kept);
    };
    if (pool) {
      const items = new Map<number, PoolItem>();
      const source = async function* () {
        for await (const entry of toLint()) {
          items.set(entry.index, entry.item);
          yield entry;
        }
      };
      await pool.run(source(), (index, outcome) => {
        store(index, outcome, items.get(index)!);
        items.delete(index);
      });
    } else {
      for await (const { index, item } of toLint()) {
        // Parsers load when a file needs one: a warm --cache run never loads them.
        const reader = groups[item.group]!.context.readerOf(item.file.abs);
        await loadFormatsFor([item.file.rel], reader ? [reader] : []);
        store(index, await lintBytes(item.file, item.bytes, item.sha256, groups[item.group]!.context), item);
      }
    }
  } finally {
    await pool?.close();
  }
  await cache?.save();
  return {
    outcomes: results.filter((outcome): outcome is FileOutcome => outcome !== undefined),
    problems: discovered.problems,
    // The plugins a spec names are configuration, as the spec is: not copy left unread.
    passedOver: discovered.passedOver.filter((file) => !pluginFiles.has(path.resolve(options.cwd, file.rel))),
    passedOverByReader: files.flatMap((file, index) => (results[index] === undefined ? [{ rel: file.rel, extension: path.extname(file.rel).toLowerCase() }] : [])),
    cached: cache?.hits ?? 0,
    stats,
  };
}

/**
 * Reads files in order, one at a time and synchronously (see readRegularFile), yielding to the
 * event loop every few files so that worker replies are heard while the main thread reads.
 */
async function* readFiles(files: DiscoveredFile[]): AsyncGenerator<{ index: number; file: DiscoveredFile } & ReadBytes> {
  for (let index = 0; index < files.length; index++) {
    if (index % READ_BATCH === READ_BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
    yield { index, file: files[index]!, ...readRegularFile(files[index]!.abs) };
  }
}
