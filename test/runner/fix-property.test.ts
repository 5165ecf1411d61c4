/**
 * Property: on random documents with random term misuses, `--fix` rewrites only the ranges it
 * reported (every other byte stays, BOM and line endings included) and a second `--fix` changes
 * nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/runner/decode.js';
import { encode } from '../../src/runner/fix-files.js';
import { runCli } from '../helpers/cli.js';
import { checkFolder, tempRepo } from '../helpers/lint.js';

const SPEC = `version: 1
channels:
  marketing: ["site/**"]
terms:
  - use: TrailPack
    not: ["Trail Pack", "trail-pack"]
  - use: sign in
    not: ["login to", "log-in to"]
`;

const WORDS = ['Pack', 'light', 'with', 'the', 'TrailPack', 'for', 'weekend', 'hikes', 'Trail', 'sign', 'in', 'your', 'account', 'rain', 'cover', '45'];
const MISUSES = ['Trail Pack', 'trail-pack', 'Trail Packs', 'TRAIL PACK', 'login to', 'log-in to', 'Log-in to'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', '\n\n'];

const documentArb = fc.record({
  parts: fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...MISUSES)), { minLength: 1, maxLength: 40 }),
  separators: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 40, maxLength: 40 }),
  crlf: fc.boolean(),
  encoding: fc.constantFrom('utf-8' as const, 'utf-8-bom' as const, 'utf-16le' as const),
  ext: fc.constantFrom('.md', '.txt'),
});

const REPLACEMENTS = new Set(['TrailPack', 'TrailPacks', 'sign in to', 'Sign in to']);

describe('--fix on random documents', () => {
  it('changes only the reported ranges, and is idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, async ({ parts, separators, crlf, encoding, ext }) => {
        let text = parts.map((part, i) => part + (separators[i] ?? ' ')).join('');
        text = text.replace(/\n/g, crlf ? '\r\n' : '\n');
        const rel = `site/page${ext}`;
        const dir = tempRepo({ 'onemessage.yaml': SPEC, [rel]: '' });
        const file = path.join(dir, rel);
        writeFileSync(file, encode(text, encoding));
        const before = await checkFolder(dir);
        const fixes = before.findings.filter((f) => f.fix).map((f) => f.fix!).sort((a, b) => a.start - b.start);

        const first = await runCli(['check', '--fix', '--as-of', '2026-11-23'], { cwd: dir });
        expect(first.code).toBe(0);
        const bytes = readFileSync(file);
        const decoded = decode(bytes);
        if (!decoded.ok) throw new Error(decoded.reason);
        expect(decoded.encoding).toBe(encoding);
        const after = decoded.text;

        // Outside each reported range the text is the same, in order; inside it is the replacement.
        let at = 0;
        let previous = 0;
        for (const fix of fixes) {
          expect(REPLACEMENTS.has(fix.text)).toBe(true);
          const outside = text.slice(previous, fix.start);
          expect(after.slice(at, at + outside.length)).toBe(outside);
          at += outside.length;
          expect(after.slice(at, at + fix.text.length)).toBe(fix.text);
          at += fix.text.length;
          previous = fix.end;
        }
        expect(after.slice(at)).toBe(text.slice(previous));

        const second = await runCli(['check', '--fix', '--as-of', '2026-11-23'], { cwd: dir });
        expect(second.stderr).toBe('');
        expect(readFileSync(file)).toEqual(bytes);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
