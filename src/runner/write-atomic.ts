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

/**
 * Why a content file must not be rewritten in place of the user, or undefined: a rename over a
 * symbolic link would replace the link (its target keeping the old text), over a file with other
 * hard links would split them, and a read-only file says it is not to be changed.
 */
export function unwritable(stat: { isSymbolicLink(): boolean; isFile(): boolean; nlink: number; mode: number }): string | undefined {
  if (stat.isSymbolicLink()) return 'it is a symbolic link; onemessage never writes through one (fix the file it points to)';
  if (!stat.isFile()) return 'it is not a regular file';
  if (stat.nlink > 1) return `it has ${stat.nlink} hard links; rewriting it would split them (fix it by hand)`;
  if ((stat.mode & 0o200) === 0) return 'it is read-only';
  return undefined;
}

export async function writeAtomic(options: WriteAtomicOptions): Promise<WriteOutcome> {
  const { file, bytes } = options;
  let mode: number;
  try {
    const stat = await fs.lstat(file);
    const refused = unwritable(stat);
    if (refused) return { ok: false, reason: refused };
    mode = stat.mode & 0o7777;
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
