/** The installed package's root folder (holding rules/packs and schema), from src/ or dist/src/. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'onemessage') break;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('onemessage: cannot find its own package.json');
    dir = parent;
  }
  cached = dir;
  return dir;
}
