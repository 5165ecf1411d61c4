/**
 * `onemessage merge SHARDS...`: joins the shard files of one run, checks they are the whole run
 * (same onemessage version, spec and date; every shard of N exactly once), runs the
 * cross-document rules over all their statements and reports as one run would.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DiscoveryProblem } from '../runner/files.js';
import type { FileOutcome } from '../lint/file.js';
import { resolveFormatters } from './formatter.js';
import { createSession } from '../session.js';
import { UsageError } from '../spec/errors.js';
import { VERSION } from '../version.js';
import { exitCodeFor, stamp, writeReports } from './check.js';
import { explicitSpecOf, resolveSpecPath } from './spec-path.js';
import type { CheckFlags } from './options.js';
import type { Io } from './io.js';
import { parseShardFile, type ShardFile } from './shard-file.js';

export async function mergeCommand(files: string[], flags: CheckFlags, io: Io): Promise<number> {
  await resolveFormatters(flags.outputs, io.cwd);
  const shards: ShardFile[] = [];
  for (const name of files) {
    let text: string;
    try {
      text = await fs.readFile(path.resolve(io.cwd, name), 'utf8');
    } catch {
      throw new UsageError(`${name}: cannot read the shard file`);
    }
    shards.push(parseShardFile(text, name));
  }
  const first = shards[0];
  if (!first) throw new UsageError('merge needs the shard files to join');
  const seen = new Set<number>();
  shards.forEach((shard, i) => {
    const name = files[i]!;
    if (shard.version !== VERSION) throw new UsageError(`${name}: written by onemessage ${shard.version}; this is ${VERSION}`);
    if (shard.spec.sha256 !== first.spec.sha256) throw new UsageError(`${name}: checked against another spec than ${files[0]}`);
    if (shard.asOf !== first.asOf) throw new UsageError(`${name}: checked as of ${shard.asOf}, ${files[0]} as of ${first.asOf}`);
    if (shard.shard.count !== first.shard.count) throw new UsageError(`${name}: shard ${shard.shard.index}/${shard.shard.count} does not belong with ${first.shard.index}/${first.shard.count}`);
    if (seen.has(shard.shard.index)) throw new UsageError(`${name}: shard ${shard.shard.index}/${shard.shard.count} is given twice`);
    seen.add(shard.shard.index);
  });
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) throw new UsageError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${first.shard.count}`).join(', ')}: a merge of part of a run would miss findings`);

  const explicit = explicitSpecOf(flags);
  const specPath = resolveSpecPath(explicit, [], io.cwd);
  const session = createSession({ specPath, cwd: io.cwd, asOf: first.asOf, nested: explicit === undefined, ...(flags.rule ? { severity: flags.rule } : {}) });
  const { spec } = session;
  if (session.specs.root.key !== first.spec.sha256) throw new UsageError(`${path.relative(io.cwd, spec.path) || spec.path} is not the spec the shards were checked against (its sha256, or its plugins or --rule, differ)`);
  const outcomes: FileOutcome[] = shards.flatMap((shard) => shard.outcomes);
  // Every shard discovers the whole run's files, so each holds the same problems and passed-over files: keep one copy.
  const problems: DiscoveryProblem[] = first.problems;
  // What readers passed over differs by shard: add every shard's count to the walk's.
  session.addOutcomes(outcomes, problems, [...(first.notRead ?? []), ...shards.flatMap((shard) => shard.notReadByReader ?? [])]);
  const recorded: Record<string, string> = Object.assign({}, ...shards.map((shard) => shard.specs ?? {}));
  for (const group of session.usedSpecs()) {
    if (group !== session.specs.root && recorded[group.spec.path] !== group.key) throw new UsageError(`${group.spec.path} is not the spec the shards were checked against`);
  }
  const result = session.finish();
  stamp(result, flags, spec.dir);
  await writeReports(result, flags, io, session.allRules());
  return exitCodeFor(result, flags.maxWarnings);
}
