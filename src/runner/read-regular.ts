/**
 * Reads a file onemessage keeps or is pointed at (its cache, a shard, a baseline, a `.gitignore`):
 * a regular file only, so a FIFO never blocks a run, and never more than a cap, so a link to
 * /dev/zero or a runaway file cannot exhaust memory.
 */
import { constants, promises as fs } from 'node:fs';

export type RegularRead = { ok: true; bytes: Buffer } | { ok: false; reason: string; code?: string };

/** The most any state file may hold: a cache of a 10,000-file repository is a few tens of megabytes. */
export const STATE_MAX_BYTES = 512 * 1024 * 1024;

export async function readRegularFile(abs: string, maxBytes: number = STATE_MAX_BYTES): Promise<RegularRead> {
  let handle: fs.FileHandle;
  try {
    // Non-blocking, so that opening a FIFO returns at once; a regular file reads as usual.
    handle = await fs.open(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: reason(error), ...(code ? { code } : {}) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, reason: 'it is a folder, not a file', code: 'EISDIR' };
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file (a pipe, socket or device)' };
    if (stat.size > maxBytes) return { ok: false, reason: `it is ${stat.size} bytes, more than the ${maxBytes} onemessage reads` };
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      // It grew while it was read: what was read is not the file that was measured.
      if (length === buffer.length) return { ok: false, reason: 'it changed while it was read' };
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: reason(error) };
  } finally {
    await handle.close();
  }
}

/** What went wrong reading a file, in words. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it no longer exists';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}
