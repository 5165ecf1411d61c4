/**
 * The shard file `--shard I/N --format shard` writes and `onemessage merge` reads: a versioned
 * JSON record of one share of a run (its files' outcomes, statements included, and the
 * discovery problems), enough to finish the run on another machine.
 */
import type { DiscoveryProblem } from '../runner/files.js';
import type { FileOutcome } from '../lint/file.js';
import type { NotRead } from '../model/result.js';
import type { ShardSpec } from '../runner/shard.js';
import { UsageError } from '../spec/errors.js';

// 2: outcomes carry sentences and the kind of related locations
export const SHARD_FORMAT = 2;

export interface ShardFile {
  onemessageShard: typeof SHARD_FORMAT;
  /** onemessage version that wrote it; merge refuses shards of another version */
  version: string;
  spec: { path: string; sha256: string };
  /** with nested specs: every other spec this shard's files were checked against, path -> key */
  specs?: Record<string, string>;
  asOf: string;
  shard: ShardSpec;
  /** the paths the run was given (relative to the working folder) */
  paths: string[];
  problems: DiscoveryProblem[];
  /** files the walk passed over, by extension (every shard counts all of them) */
  notRead?: NotRead[];
  /** files this shard's readers passed over (JSON that is no export), by extension: merge adds them up */
  notReadByReader?: NotRead[];
  outcomes: FileOutcome[];
}

const REASONS = new Set(['mappable', 'not-copy', 'code', 'other']);

/** A shard file is data from elsewhere: counts that are not counts are refused, not trusted. */
function isNotReadList(value: unknown): value is NotRead[] {
  return (
    Array.isArray(value) &&
    value.every((entry: Partial<NotRead> | null) => typeof entry?.extension === 'string' && Number.isSafeInteger(entry.files) && entry.files! > 0 && REASONS.has(String(entry.reason)))
  );
}

/** Parses a shard file's text; a file that is not one is a usage error naming it. */
export function parseShardFile(text: string, name: string): ShardFile {
  let data: Partial<ShardFile>;
  try {
    data = JSON.parse(text) as Partial<ShardFile>;
  } catch {
    throw new UsageError(`${name}: not a shard file (invalid JSON)`);
  }
  if (data?.onemessageShard !== SHARD_FORMAT || !data.shard || !Array.isArray(data.outcomes) || !data.spec || typeof data.asOf !== 'string' || (data.notRead !== undefined && !isNotReadList(data.notRead)) || (data.notReadByReader !== undefined && !isNotReadList(data.notReadByReader))) {
    throw new UsageError(`${name}: not a shard file written by onemessage check --shard (format ${SHARD_FORMAT})`);
  }
  return data as ShardFile;
}
