/**
 * `--fix` on disk: for each file with fixes, read it again, make sure it is still the file the
 * run read, apply the fixes in its own encoding and escaping, and write it atomically (or, for a
 * dry run, only compute the new text).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadFormatsFor } from '../formats/index.js';
import { decode, type Decoded } from './decode.js';
import { applyFixesToSource, fixesByFile } from '../lint/fix.js';
import type { Fix } from '../model/finding.js';
import type { RunResult } from '../model/result.js';
import { writeAtomic } from './write-atomic.js';

export interface FileFix {
  /** relative to the working folder, as in findings */
  path: string;
  before: string;
  after: string;
  /** fixes written (or, in a dry run, that would be) */
  applied: number;
  /** fixes left for another pass because they overlap an applied one */
  deferred: number;
  /** the replacements made, in `before`'s offsets, as written to the source (escaped) */
  edits: Fix[];
  /** why the file was left alone, if it was */
  skipped?: string;
}

type Encoding = Extract<Decoded, { ok: true }>['encoding'];

/** The bytes of `text` in the file's own encoding, BOM included. */
export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

export async function fixFiles(options: { cwd: string; result: RunResult; dryRun: boolean }): Promise<FileFix[]> {
  const byFile = fixesByFile(options.result.findings);
  const records = new Map(options.result.files.map((record) => [record.path, record]));
  const out: FileFix[] = [];
  for (const [rel, fixes] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const abs = path.resolve(options.cwd, rel);
    const skip = (reason: string): void => {
      out.push({ path: rel, before: '', after: '', applied: 0, deferred: 0, edits: [], skipped: reason });
    };
    const expected = records.get(rel)?.sha256;
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(abs);
    } catch {
      skip('cannot read it any more');
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!expected || sha256 !== expected) {
      skip('it changed since it was read; run again');
      continue;
    }
    const decoded = decode(bytes);
    if (!decoded.ok) {
      skip(decoded.reason);
      continue;
    }
    const reader = records.get(rel)?.format;
    await loadFormatsFor([rel], reader ? [reader] : []);
    const text = decoded.text;
    const result = applyFixesToSource({ path: rel, text, fixes, ...(reader ? { reader } : {}) });
    if (result.applied.length === 0) continue;
    const fileFix: FileFix = { path: rel, before: text, after: result.text, applied: result.applied.length, deferred: result.deferred.length, edits: result.applied };
    if (!options.dryRun) {
      const written = await writeAtomic({ file: abs, bytes: encode(result.text, decoded.encoding), expectedSha256: sha256 });
      if (!written.ok) {
        fileFix.applied = 0;
        fileFix.skipped = written.reason;
      }
    }
    out.push(fileFix);
  }
  return out;
}
