/**
 * Produces the per-file outcomes of a run: discovers the files, keeps this shard's share, reads
 * and hashes each, takes unchanged files from the cache, and lints the rest in this thread or in
 * worker threads. Outcomes come back in file order whatever order they finished in.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { knownExtensions, loadFormatsFor } from '../formats/index.js';
import type { FileOutcome } from '../lint/file.js';
import { UsageError } from '../spec/errors.js';
import { VERSION } from '../version.js';
import { OutcomeCache } from './cache.js';
import { discoverFiles, type DiscoveredFile, type DiscoveryProblem } from './files.js';
import { LintPool, type PoolItem } from './pool.js';
import { lintBytes, lintFile, sha256Of } from './read.js';
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
/** Files read ahead of the linting. */
const READ_AHEAD = 16;

export interface Collected {
  outcomes: FileOutcome[];
  problems: DiscoveryProblem[];
  /** files taken from the cache */
  cached: number;
}

export async function collectOutcomes(options: CollectOptions, specs: SpecSet): Promise<Collected> {
  const { spec, asOf } = specs.root.context;
  const discovered = await discoverFiles({
    cwd: options.cwd,
    paths: options.paths,
    specDir: spec.dir,
    ignoreGlobs: spec.ignore,
    extensions: knownExtensions(),
    skip: new Set([...(options.skip ?? []), ...(options.cacheFile ? [options.cacheFile] : [])]),
    ...(options.ignore ? { ignore: options.ignore } : {}),
  });
  const missing = discovered.problems.find((problem) => problem.missing);
  if (missing) throw new UsageError(missing.glob ? `no files match the pattern "${missing.rel}"` : `no such file or folder: ${missing.rel}`);
  const shard = options.shard;
  const sharded = shard && shard.count > 1 ? discovered.files.filter((file) => shardOf(file.rel, shard.count) === shard.index) : discovered.files;
  // A folder's own spec may ignore files the walk found; each file's spec is known from here on.
  const files = sharded.filter((file) => !specs.ignoredByNested(file.abs));
  const groupOf = files.map((file) => specs.groupFor(file.abs));
  const groups: SpecGroup[] = [...new Set(groupOf)];
  await loadFormatsFor(files.map((file) => file.rel));
  const cacheKey = { version: VERSION, specSha256: specs.runKey(groups), asOf };
  const cache = options.cache ? await OutcomeCache.open(options.cwd, cacheKey, options.cacheFile) : undefined;
  const results = new Array<FileOutcome | undefined>(files.length);
  let done = 0;
  const finish = (index: number, outcome: FileOutcome | undefined) => {
    results[index] = outcome;
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
      for await (const { index, file, bytes } of readAhead(files)) {
        const context = groupOf[index]!.context;
        if (!bytes) {
          finish(index, await lintFile(file, context)); // unreadable: the reader reports why
          continue;
        }
        const sha256 = sha256Of(bytes);
        const hit = cache?.get(file.rel, sha256, file.explicit ?? false);
        if (hit !== undefined) {
          finish(index, hit ?? undefined);
          continue;
        }
        yield { index, item: { file, bytes, sha256, group: groups.indexOf(groupOf[index]!) } };
      }
    };
    const store = (index: number, outcome: FileOutcome | undefined, item: PoolItem) => {
      cache?.set(item.file.rel, item.sha256, item.file.explicit ?? false, outcome);
      finish(index, outcome);
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
      for await (const { index, item } of toLint()) store(index, await lintBytes(item.file, item.bytes, item.sha256, groups[item.group]!.context), item);
    }
  } finally {
    await pool?.close();
  }
  await cache?.save();
  return { outcomes: results.filter((outcome): outcome is FileOutcome => outcome !== undefined), problems: discovered.problems, cached: cache?.hits ?? 0 };
}

/** Reads files in order with a few reads in flight; a file that cannot be read comes back without bytes. */
async function* readAhead(files: DiscoveredFile[]): AsyncGenerator<{ index: number; file: DiscoveredFile; bytes?: Buffer }> {
  const inFlight: Array<Promise<Buffer | undefined>> = [];
  // Only regular files: reading a pipe named page.md would wait forever for a writer.
  const start = (i: number) =>
    fs
      .stat(files[i]!.abs)
      .then((stat) => (stat.isFile() ? fs.readFile(files[i]!.abs) : undefined))
      .catch(() => undefined);
  let next = 0;
  for (; next < Math.min(READ_AHEAD, files.length); next++) inFlight.push(start(next));
  for (let index = 0; index < files.length; index++) {
    const bytes = await inFlight.shift()!;
    if (next < files.length) inFlight.push(start(next++));
    yield bytes ? { index, file: files[index]!, bytes } : { index, file: files[index]! };
  }
}
