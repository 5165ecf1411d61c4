/**
 * Loads the spec from disk: the edge where files are read. The parse itself (parse.ts) is pure;
 * this gives it a host that reads extended files and the built-in packs.
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
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
  if ('error' in read) throw new SpecLoadError([{ severity: 'error', source: 'spec', reason: `cannot read the spec: ${read.error}`, file }]);
  const { spec, diagnostics } = parseSpec(read.text, file, { absPath, knownRuleIds: options.knownRuleIds, host, ...(options.pluginRuleIds ? { pluginRuleIds: options.pluginRuleIds } : {}) });
  if (!spec) throw new SpecLoadError(diagnostics);
  return { spec, warnings: diagnostics };
}

/** Reads spec files and packs from disk; names them relative to the working folder. */
export function nodeSpecHost(options: { cwd: string; packDirs: readonly string[] }): SpecHost {
  let packs: Map<string, string> | undefined;
  return {
    read(absPath) {
      try {
        return { text: readFileSync(absPath).toString('utf8') };
      } catch (error) {
        return { error: readFailure(error) };
      }
    },
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

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
