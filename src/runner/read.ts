/**
 * Reads a file for linting: only regular files (a pipe named `page.md` would block forever),
 * bytes hashed and decoded, then handed to the linter; a file that cannot be read becomes what
 * the file rules say of it, and the run goes on.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { LintContext } from '../lint/context.js';
import { containerFor } from '../formats/index.js';
import { lintContainer } from '../lint/container.js';
import { lintText, unreadableOutcome, type FileOutcome } from '../lint/file.js';
import type { DiscoveredFile } from '../lint/paths.js';
import { decode } from './decode.js';
import { reason } from './files.js';

/** Lints a file from disk; undefined when it turns out not to be content (see lintText). */
export async function lintFile(file: DiscoveredFile, context: LintContext): Promise<FileOutcome | undefined> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file.abs);
    if (stat.isDirectory()) return unreadableOutcome(file, context, { reason: 'cannot read file: it is a folder' });
    if (!stat.isFile()) return unreadableOutcome(file, context, { reason: 'cannot read file: not a regular file (a pipe, socket or device)' });
    bytes = await fs.readFile(file.abs);
  } catch (error) {
    return unreadableOutcome(file, context, { reason: `cannot read file: ${await readFailure(file.abs, error)}` });
  }
  return lintBytes(file, bytes, sha256Of(bytes), context);
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

/** Why reading failed; a link to nothing says so rather than "it no longer exists". */
async function readFailure(abs: string, error: unknown): Promise<string> {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    const link = await fs.lstat(abs).catch(() => undefined);
    if (link?.isSymbolicLink()) return 'broken symbolic link (it points at nothing)';
  }
  return reason(error);
}
