/**
 * Writes a file atomically: a temporary file in the same folder, the original's permissions, then
 * a rename over the original, but only if the original still holds the bytes it was read with.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

export interface WriteAtomicOptions {
  file: string;
  bytes: Uint8Array;
  /** SHA-256 (hex) of the bytes the change was computed from */
  expectedSha256: string;
}

export async function writeAtomic(options: WriteAtomicOptions): Promise<WriteOutcome> {
  const { file, bytes } = options;
  let mode: number;
  try {
    mode = (await fs.stat(file)).mode & 0o7777;
  } catch (error) {
    return { ok: false, reason: `cannot read it any more (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.onemessage-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { mode, flag: 'wx' });
    // The umask may have narrowed the mode given to writeFile.
    await fs.chmod(temp, mode);
    // Checked last, just before the rename, so an editor's save in between is never overwritten.
    const current = await fs.readFile(file);
    if (createHash('sha256').update(current).digest('hex') !== options.expectedSha256) {
      await fs.rm(temp, { force: true });
      return { ok: false, reason: 'it changed since it was read; run again' };
    }
    await fs.rename(temp, file);
    return { ok: true };
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, reason: `cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

/**
 * Writes a file onemessage produces (a report, a baseline, a shard, its cache, a guide, a draft
 * spec): never through a symbolic link (a committed link named like a report must not make a run
 * overwrite what it points at), never over a folder or a device, and atomically (a temporary file
 * in the same folder, renamed over the old one, whose permissions it keeps).
 */
export async function writeOutput(file: string, data: string | Uint8Array): Promise<WriteOutcome> {
  let mode = 0o666;
  try {
    const stat = await fs.lstat(file);
    if (stat.isSymbolicLink()) return { ok: false, reason: 'it is a symbolic link, and onemessage never writes through one: remove the link or name another file' };
    if (!stat.isFile()) return { ok: false, reason: 'it exists and is not a regular file' };
    mode = stat.mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, reason: `cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.onemessage-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, data, { mode, flag: 'wx' });
    await fs.rename(temp, file);
    return { ok: true };
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, reason: `cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}
