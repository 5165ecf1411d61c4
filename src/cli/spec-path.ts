/** Which spec a command uses: --spec (or its alias -c/--config), else onemessage.yaml found from the working folder. */
import path from 'node:path';
import { UsageError } from '../spec/errors.js';
import { findSpec } from '../spec/find.js';
import type { CheckFlags } from './options.js';

/** --spec or its alias -c/--config (ESLint's and markdownlint's spelling). */
export function explicitSpecOf(flags: Pick<CheckFlags, 'spec' | 'config'>): string | undefined {
  if (flags.spec !== undefined && flags.config !== undefined && flags.spec !== flags.config) {
    throw new UsageError(`--spec ${flags.spec} and --config ${flags.config} name two specs; --config is another name for --spec: give one`);
  }
  return flags.spec ?? flags.config;
}

/** --spec, else onemessage.yaml in the working folder or a parent, else beside the first path. */
export function resolveSpecPath(explicit: string | undefined, paths: string[], cwd: string): string {
  if (explicit) return path.resolve(cwd, explicit);
  const found = findSpec(cwd) ?? (paths[0] ? findSpec(path.resolve(cwd, paths[0])) : undefined);
  if (!found) throw new UsageError('no onemessage.yaml in this folder or any parent (give one with --spec FILE)');
  return found;
}

