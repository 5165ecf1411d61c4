/**
 * Reads a file for linting: only regular files (a pipe named `page.md` would block forever),
 * bytes hashed and decoded, then handed to the linter; a file that cannot be read becomes what
 * the file rules say of it, and the run goes on.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import type { LintContext } from '../lint/context.js';
import { containerFor } from '../formats/index.js';
import { lintContainer } from '../lint/container.js';
import { lintText, unreadableOutcome, type FileOutcome } from '../lint/file.js';
import type { DiscoveredFile } from '../lint/paths.js';
import { decode } from './decode.js';
import { reason } from './files.js';

/**
 * The largest file read, in bytes: 32 MiB. A larger file is reported as `file/unreadable` and the
 * run goes on, so no single input can exhaust memory (a Markdown file takes about 13 times its
 * size in memory while it is parsed, a JSON export more).
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** A file's bytes, or why they could not be read (one line, for `file/unreadable`). */
export type ReadBytes = { bytes: Buffer } | { reason: string };

/**
 * Reads a regular file whole, synchronously: for the small files content repositories hold, one
 * open, fstat, read and close cost far less than the same through promises. The file is opened
 * without blocking and judged by its open descriptor, so a pipe named `page.md` (or a file swapped
 * for one after the folder walk) is refused instead of waited on forever.
 */
export function readRegularFile(abs: string, maxBytes = MAX_FILE_BYTES): ReadBytes {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { reason: `cannot read file: ${openFailure(abs, error)}` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { reason: 'cannot read file: it is a folder' };
    if (!stat.isFile()) return { reason: 'cannot read file: not a regular file (a pipe, socket or device)' };
    if (stat.size > maxBytes) return { reason: `file too large: ${megabytes(stat.size, Math.ceil)} MB, over onemessage's limit of ${megabytes(maxBytes, Math.round)} MB per file` };
    // What the file held when it was opened; bytes appended while it is read are not read.
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return { bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled) };
  } catch (error) {
    return { reason: `cannot read file: ${reason(error)}` };
  } finally {
    closeSync(fd);
  }
}

/** MiB to one decimal, rounded as told (a size just over the limit must not read as the limit). */
function megabytes(bytes: number, round: (x: number) => number): string {
  return String(round((bytes / (1024 * 1024)) * 10) / 10);
}

/** Lints a file from disk; undefined when it turns out not to be content (see lintText). */
export async function lintFile(file: DiscoveredFile, context: LintContext): Promise<FileOutcome | undefined> {
  const read = readRegularFile(file.abs);
  if ('reason' in read) return unreadableOutcome(file, context, { reason: read.reason });
  return lintBytes(file, read.bytes, sha256Of(read.bytes), context);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Lints a file already read (by a cache lookup or the main thread of a worker pool): a container
 * (Office, PDF) from its bytes, any other file from its decoded text.
 */
export async function lintBytes(file: DiscoveredFile, bytes: Uint8Array, sha256: string, context: LintContext): Promise<FileOutcome | undefined> {
  const container = containerFor(file.rel);
  if (container) return lintContainer({ file, bytes, format: container, context, meta: { sha256, bytes: bytes.length } });
  const decoded = decode(bytes);
  if (!decoded.ok) return unreadableOutcome(file, context, { reason: decoded.reason, meta: { sha256, bytes: bytes.length } });
  return lintText(file, decoded.text, context, { sha256, bytes: bytes.length });
}

/** Why opening failed; a link to nothing says so rather than "it no longer exists". */
function openFailure(abs: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    try {
      if (lstatSync(abs).isSymbolicLink()) return 'broken symbolic link (it points at nothing)';
    } catch {
      // gone altogether
    }
  }
  return reason(error);
}
