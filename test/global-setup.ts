/**
 * Builds dist/ before the suite when it is missing or older than the sources it is built from.
 * The tests that run the built CLI (spawned processes, the packed tarball, the GitHub Action's
 * steps) would otherwise test stale code after an edit, and the Action's setup step, finding no
 * build, would run `npm ci` inside the repository. `npm test` builds first, so there this costs
 * one walk of src/ and rules/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(ROOT, 'dist', '.tsbuildinfo');

function newestSource(): number {
  let newest = Math.max(statSync(path.join(ROOT, 'tsconfig.json')).mtimeMs, statSync(path.join(ROOT, 'package.json')).mtimeMs);
  for (const dir of ['src', 'rules']) {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

export default function setup(): void {
  if (existsSync(path.join(ROOT, 'dist/src/cli/main.js')) && existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSource()) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
  // An incremental build that finds nothing to emit leaves the stamp as it was; mark it fresh.
  const now = new Date();
  utimesSync(STAMP, now, now);
}
