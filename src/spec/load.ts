/**
 * Loads the spec from disk: the edge where files are read. The parse itself (parse.ts) is pure;
 * this gives it a host that reads extended files and the built-in packs.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { decode } from '../model/decode.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { builtinPackDir } from '../package-root.js';
import { SpecLoadError } from './errors.js';
import { parseSpec, type ParseSpecOptions, type SpecHost } from './parse.js';
import type { Spec } from './types.js';

export interface LoadSpecOptions {
  /** the spec file (absolute, or relative to cwd) */
  specPath: string;
  /** the working folder: positions name files relative to it */
  cwd: string;
  /** rule ids that `severity` and `exceptions[].rule` may name */
  knownRuleIds: readonly string[];
  /** folders holding packs as NAME.yaml, searched in order; default the package's rules/packs/ */
  packDirs?: readonly string[];
  /** loads the spec's plugins and names their rule ids (see ParseSpecOptions) */
  pluginRuleIds?: ParseSpecOptions['pluginRuleIds'];
}

export interface LoadedSpec {
  spec: Spec;
  /** legal but suspicious things */
  warnings: Diagnostic[];
}

/** Loads, validates and normalises a spec; throws SpecLoadError listing every problem. Synchronous. */
export function loadSpec(options: LoadSpecOptions): LoadedSpec {
  const cwd = path.resolve(options.cwd);
  const absPath = path.resolve(cwd, options.specPath);
  const host = nodeSpecHost({ cwd, packDirs: options.packDirs ?? [builtinPackDir()] });
  const file = host.display(absPath);
  const read = host.read(absPath);
  if ('error' in read) throw new SpecLoadError([{ severity: 'error', source: 'spec', reason: `cannot read the spec: ${read.error}`, file, ...(read.at ?? {}) }]);
  const { spec, diagnostics } = parseSpec(read.text, file, { absPath, knownRuleIds: options.knownRuleIds, host, ...(options.pluginRuleIds ? { pluginRuleIds: options.pluginRuleIds } : {}) });
  if (!spec) throw new SpecLoadError(diagnostics);
  return { spec, warnings: diagnostics };
}

/** Reads spec files and packs from disk; names them relative to the working folder. */
export function nodeSpecHost(options: { cwd: string; packDirs: readonly string[] }): SpecHost {
  let packs: Map<string, string> | undefined;
  return {
    read: readSpecFile,
    packs() {
      if (packs) return packs;
      packs = new Map();
      for (const dir of options.packDirs) {
        let names: string[];
        try {
          names = readdirSync(dir);
        } catch {
          continue; // a pack folder that does not exist simply holds no packs
        }
        for (const name of names.sort()) {
          const match = /^(.+)\.ya?ml$/.exec(name);
          if (match && !packs.has(match[1]!)) packs.set(match[1]!, path.join(dir, name));
        }
      }
      return packs;
    },
    display(absPath) {
      const relative = path.relative(options.cwd, absPath) || path.basename(absPath);
      return relative.split(path.sep).join('/');
    },
    canonical(absPath) {
      try {
        return realpathSync(absPath);
      } catch {
        return absPath;
      }
    },
  };
}

/** A spec is a few kilobytes; the largest real one we know of, with every pack extended, is under 100 KB. */
export const SPEC_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Reads a spec or pack file: a regular file only (a FIFO would block forever and a link to
 * /dev/zero never end), at most SPEC_MAX_BYTES, decoded as content files are.
 */
export function readSpecFile(absPath: string): { text: string } | { error: string; at?: { line: number; column: number } } {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO returns at once; a regular file reads as usual.
    fd = openSync(absPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { error: readFailure(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { error: 'it is a folder, not a file' };
    if (!stat.isFile()) return { error: 'not a regular file (a pipe, socket or device)' };
    if (stat.size > SPEC_MAX_BYTES) return { error: `it is ${stat.size} bytes; a spec may be at most ${SPEC_MAX_BYTES} bytes` };
    // Read no more than the cap even if the file grows while it is read.
    const buffer = Buffer.alloc(Math.min(stat.size, SPEC_MAX_BYTES) + 1);
    let length = 0;
    for (let got = -1; got !== 0 && length < buffer.length; length += got) got = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > SPEC_MAX_BYTES) return { error: `it is larger than ${SPEC_MAX_BYTES} bytes, the most a spec may be` };
    const decoded = decode(buffer.subarray(0, length));
    if (decoded.ok) return { text: decoded.text };
    return { error: decoded.reason, ...(decoded.prefix !== undefined ? { at: endOf(decoded.prefix) } : {}) };
  } catch (error) {
    return { error: readFailure(error) };
  } finally {
    closeSync(fd);
  }
}

/** Line and column just past a text: where the byte that could not be decoded stands. */
function endOf(text: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: text.length - lineStart + 1 };
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
