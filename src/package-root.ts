/**
 * Locates files shipped inside the onemessage package (the JSON schema, built-in packs), so
 * that they are found both from `src/` under vitest and from `dist/src/` after tsc.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The folder of the `package.json` whose name is `onemessage`, walking up from this module. */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (manifest.name === 'onemessage') return (cached = dir);
    } catch {
      // no package.json here (or not JSON): keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot locate the onemessage package root from ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Where the built-in rule packs live: `rules/packs/NAME.yaml`. */
export function builtinPackDir(): string {
  return path.join(packageRoot(), 'rules', 'packs');
}

/** The JSON schema of the spec format. */
export function schemaPath(): string {
  return path.join(packageRoot(), 'schema', 'onemessage.schema.json');
}
