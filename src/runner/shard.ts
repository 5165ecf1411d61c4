/**
 * `--shard I/N`: a stable share of the files, chosen by a hash of each file's path (not its
 * position), so adding a file never moves the others to another shard.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../spec/errors.js';

export interface ShardSpec {
  /** 1-based */
  index: number;
  count: number;
}

export function parseShard(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard expects I/N with 1 <= I <= N, found "${text}"`);
  return { index, count };
}

/** The 1-based shard a path belongs to among `count`. */
export function shardOf(rel: string, count: number): number {
  const hash = createHash('sha1').update(rel).digest();
  return (hash.readUInt32BE(0) % count) + 1;
}
