/**
 * The example company the README runs on: its planted findings, kept as an expected output
 * (test/cli/acme.expected.txt, regenerated only on purpose with UPDATE_FIXTURES=1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const EXPECTED = path.join(ROOT, 'test/cli/acme.expected.txt');
const ARGS = ['check', 'fixtures/acme', '--as-of', '2026-12-15'];

describe('fixtures/acme', () => {
  it('reports the planted findings with exact positions and exits 1', async () => {
    const result = await runCli(ARGS);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    if (process.env.UPDATE_FIXTURES) writeFileSync(EXPECTED, result.stdout);
    expect(result.stdout).toBe(readFileSync(EXPECTED, 'utf8'));
  });

  it('gives byte-identical json whatever the order of the paths', async () => {
    const strip = (text: string) => text.replace(/"startedAt": "[^"]+",\n\s*/, '').replace(/"command": \[[^\]]*\],\n\s*/, '');
    const a = await runCli([...ARGS, 'fixtures/acme/support', 'fixtures/acme/site', 'fixtures/acme/sales', '--format', 'json']);
    const b = await runCli([...ARGS, 'fixtures/acme/sales', 'fixtures/acme/site', 'fixtures/acme/support', '--format', 'json']);
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  });
});
