/** A throwaway copy of fixtures/acme to run commands in, so reports land outside the repository. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './cli.js';

export function acmeCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onemessage-acme-'));
  cpSync(path.join(ROOT, 'fixtures/acme'), dir, { recursive: true });
  return dir;
}
