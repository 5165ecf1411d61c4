/** `onemessage check --shard I/N --format shard`: lint a share of the files and write what `merge` needs to finish the run. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { countNotRead } from '../formats/not-read.js';
import { collectOutcomes } from '../runner/outcomes.js';
import { parseShard } from '../runner/shard.js';
import type { Session } from '../session.js';
import { UsageError } from '../spec/errors.js';
import { VERSION } from '../version.js';
import type { CheckFlags } from './options.js';
import type { Io } from './io.js';
import { SHARD_FORMAT, type ShardFile } from './shard-file.js';

export interface ShardRun {
  flags: CheckFlags;
  session: Session;
  paths: string[];
  speed: { cache: boolean; threads?: number };
}

/** With nested specs: each other spec's key by its path, for merge to check against its own. */
function nestedSpecs(session: Session): { specs?: Record<string, string> } {
  const others = session.usedSpecs().filter((group) => group !== session.specs.root);
  return others.length > 0 ? { specs: Object.fromEntries(others.map((group) => [group.spec.path, group.key])) } : {};
}

/** Writes the shard file to each `--format shard` target (standard output by default); exits 0: findings are judged by merge. */
export async function shardCommand(run: ShardRun, io: Io): Promise<number> {
  const { flags, session, paths, speed } = run;
  const { spec, asOf } = session;
  const shard = flags.shard !== undefined ? parseShard(flags.shard) : { index: 1, count: 1 };
  const explicit = flags.outputs.filter((target) => target.format !== 'stylish' || target.file !== undefined || flags.outputs.length > 1);
  const other = explicit.find((target) => target.format !== 'shard');
  if (other) throw new UsageError(`--shard writes a shard file for onemessage merge; --format ${other.format} belongs on the merge`);
  if (flags.changedSince !== undefined) throw new UsageError('--changed-since cannot be combined with --shard: give it to each shard-free run, or report all files from merge');
  const targets = explicit.length > 0 ? explicit : [{ format: 'shard' }];
  const { outcomes, problems, passedOver, passedOverByReader } = await collectOutcomes({ cwd: io.cwd, paths, shard, ...speed }, session.specs);
  session.addOutcomes(outcomes);
  const notRead = countNotRead(passedOver);
  const notReadByReader = countNotRead(passedOverByReader);
  const file: ShardFile = {
    onemessageShard: SHARD_FORMAT,
    version: VERSION,
    // the spec's hash, or with plugins or --rule a key of them too, which merge checks the same way
    spec: { path: spec.path, sha256: session.specs.root.key },
    ...nestedSpecs(session),
    asOf,
    shard,
    paths,
    problems,
    ...(notRead.length > 0 ? { notRead } : {}),
    ...(notReadByReader.length > 0 ? { notReadByReader } : {}),
    outcomes,
  };
  const text = `${JSON.stringify(file)}\n`;
  for (const target of targets) {
    if ('file' in target && target.file !== undefined) {
      const out = path.resolve(io.cwd, target.file);
      await fs.mkdir(path.dirname(out), { recursive: true });
      await fs.writeFile(out, text);
    } else io.stdout(text);
  }
  return 0;
}
