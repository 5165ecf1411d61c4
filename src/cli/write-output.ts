/** Writes a file the user asked for (a report, a baseline, a shard, a guide, a spec) or stops the run with one line saying why not. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeOutput } from '../runner/write-atomic.js';
import { UsageError } from '../spec/errors.js';

/** `file` is absolute; `cwd` names it in the message. */
export async function writeOutputFile(file: string, text: string, cwd: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const written = await writeOutput(file, text);
  if (!written.ok) throw new UsageError(`cannot write ${path.relative(cwd, file).split(path.sep).join('/') || file}: ${written.reason}`);
}
