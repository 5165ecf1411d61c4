/** Finds the spec file for a working folder: `onemessage.yaml` there or in the nearest parent. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** The names a spec may have, in order of preference within one folder. */
export const SPEC_FILE_NAMES = ['onemessage.yaml', 'onemessage.yml', '.onemessage.yaml'] as const;

/** The spec file in one folder (not its parents), or undefined. */
export function specIn(dir: string): string | undefined {
  for (const name of SPEC_FILE_NAMES) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Whether a path names a spec file by its name (onemessage.yaml and the other accepted names). */
export function isSpecFileName(file: string): boolean {
  return (SPEC_FILE_NAMES as readonly string[]).includes(path.basename(file));
}

/** Returns the absolute path of the nearest spec at or above `startDir`, or undefined. */
export function findSpec(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of SPEC_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
