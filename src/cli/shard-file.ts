/**
 * The shard file `--shard I/N --format shard` writes and `onemessage merge` reads: a versioned
 * JSON record of one share of a run (its files' outcomes with their content hashes, statements
 * included, and the discovery problems), enough to finish the run on another machine. A shard
 * file is validated, never trusted: its header here by schema, its outcomes by merge.
 */
import type { DiscoveryProblem } from '../runner/files.js';
import type { FileOutcome } from '../lint/file.js';
import { compileStateSchema, firstSchemaError } from '../runner/outcome-check.js';
import type { NotRead, NotReadReason } from '../model/result.js';
import type { ShardSpec } from '../runner/shard.js';
import { UsageError } from '../spec/errors.js';

// 3: validated by schema (2 added sentences to outcomes and the kind of related locations)
export const SHARD_FORMAT = 3;

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
  /** each file's outcome; its record carries the file's content hash */
  outcomes: FileOutcome[];
}

/** A shard file is data from elsewhere: counts that are not counts are refused, not trusted. */
const NOT_READ_LIST = {
  type: 'array',
  items: {
    type: 'object',
    required: ['extension', 'files', 'reason'],
    additionalProperties: false,
    properties: {
      extension: { type: 'string' },
      files: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
      reason: { enum: ['mappable', 'not-copy', 'code', 'other'] satisfies NotReadReason[] },
    },
  },
};

const HEADER = {
  type: 'object',
  required: ['onemessageShard', 'version', 'spec', 'asOf', 'shard', 'paths', 'problems', 'outcomes'],
  additionalProperties: false,
  properties: {
    onemessageShard: { const: SHARD_FORMAT },
    version: { type: 'string' },
    spec: { type: 'object', required: ['path', 'sha256'], additionalProperties: false, properties: { path: { type: 'string' }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } } },
    asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    specs: { type: 'object', additionalProperties: { type: 'string' } },
    shard: {
      type: 'object',
      required: ['index', 'count'],
      additionalProperties: false,
      properties: { index: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 1 } },
    },
    paths: { type: 'array', items: { type: 'string' } },
    problems: {
      type: 'array',
      items: { type: 'object', required: ['rel', 'message'], additionalProperties: false, properties: { rel: { type: 'string' }, message: { type: 'string' }, missing: { type: 'boolean' }, glob: { type: 'boolean' } } },
    },
    notRead: NOT_READ_LIST,
    notReadByReader: NOT_READ_LIST,
    // Each outcome is validated by merge, against the rules of the spec it loads.
    outcomes: { type: 'array', items: { type: 'object' } },
  },
};
let validate: ReturnType<typeof compileStateSchema> | undefined;

/** Parses a shard file's text; a file that is not one is a usage error naming it. */
export function parseShardFile(text: string, name: string): ShardFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${name}: not a shard file (invalid JSON)`);
  }
  const format = (data as { onemessageShard?: unknown } | null)?.onemessageShard;
  if (typeof format !== 'number') throw new UsageError(`${name}: not a shard file written by onemessage check --shard (format ${SHARD_FORMAT})`);
  if (format !== SHARD_FORMAT) throw new UsageError(`${name}: a shard file of format ${format}; this onemessage reads format ${SHARD_FORMAT} (write the shards again with it)`);
  validate ??= compileStateSchema(HEADER);
  if (!validate(data)) throw new UsageError(`${name}: not a valid shard file (${firstSchemaError(validate)})`);
  const shard = data as ShardFile;
  if (shard.shard.index > shard.shard.count) throw new UsageError(`${name}: shard ${shard.shard.index}/${shard.shard.count} cannot be: a run has shards 1 to ${shard.shard.count}`);
  return shard;
}
