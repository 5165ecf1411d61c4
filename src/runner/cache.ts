/**
 * `--cache`: per-file outcomes kept in `.onemessage-cache` in the working folder, valid for one
 * onemessage version, one spec (its sha256 covers extended packs) and one `--as-of` date, each
 * entry keyed by the file's path and content hash. The whole FileOutcome is kept, statements
 * included, so cross-document rules see unchanged files without parsing them again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileOutcome } from '../lint/file.js';

export const CACHE_FILE = '.onemessage-cache';
// 2: findings and statements carry the sentence around them, related locations their kind
const CACHE_FORMAT = 2;

interface Entry {
  sha256: string;
  explicit: boolean;
  /** null: the file turned out not to be content */
  outcome: FileOutcome | null;
}

export interface CacheKey {
  version: string;
  specSha256: string;
  asOf: string;
}

export class OutcomeCache {
  private readonly next = new Map<string, Entry>();
  hits = 0;

  private constructor(
    readonly file: string,
    private readonly key: CacheKey,
    private readonly previous: Map<string, Entry>,
  ) {}

  /** Opens the cache in `cwd` (or at `location`, --cache-location); a missing, unreadable or stale cache starts empty, never fails the run. */
  static async open(cwd: string, key: CacheKey, location?: string): Promise<OutcomeCache> {
    const file = location ?? path.join(cwd, CACHE_FILE);
    let previous = new Map<string, Entry>();
    try {
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as { format?: number; key?: CacheKey; entries?: Record<string, Entry> };
      if (data.format === CACHE_FORMAT && sameKey(data.key, key) && data.entries) previous = new Map(Object.entries(data.entries));
    } catch {
      // No cache yet, or one from a crashed run: a cold run rebuilds it.
    }
    return new OutcomeCache(file, key, previous);
  }

  /** The cached outcome (null: not content), or undefined on a miss. */
  get(rel: string, sha256: string, explicit: boolean): FileOutcome | null | undefined {
    const entry = this.previous.get(rel);
    if (!entry || entry.sha256 !== sha256 || entry.explicit !== explicit) return undefined;
    this.hits++;
    this.next.set(rel, entry);
    return entry.outcome;
  }

  set(rel: string, sha256: string, explicit: boolean, outcome: FileOutcome | undefined): void {
    this.next.set(rel, { sha256, explicit, outcome: outcome ?? null });
  }

  /** Writes the entries of this run (files no longer read drop out), through a rename so a crash never leaves half a file. */
  async save(): Promise<void> {
    const entries = Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const temp = `${this.file}.${process.pid}.tmp`;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.writeFile(temp, JSON.stringify({ format: CACHE_FORMAT, key: this.key, entries }));
    await fs.rename(temp, this.file);
  }
}

function sameKey(a: CacheKey | undefined, b: CacheKey): boolean {
  return a !== undefined && a.version === b.version && a.specSha256 === b.specSha256 && a.asOf === b.asOf;
}
