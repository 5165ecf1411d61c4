/**
 * State as large as a real repository can make it: a baseline of 150,000 entries that no longer
 * match is listed, never a stack overflow (a spread into push once made it one).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

describe('a large baseline', () => {
  it('lists 150,000 entries that no longer match as fixed (was: Maximum call stack size exceeded)', async () => {
    const dir = tempRepo({ 'onemessage.yaml': 'version: 1\nchannels:\n  marketing: ["site/**"]\nterms:\n  - use: TrailPack\n    not: ["Trail Pack"]\n', 'site/a.md': 'Nothing to see.\n' });
    const entries = Array.from({ length: 150_000 }, (_, i) => ({ path: 'site/a.md', ruleId: 'term/use', fingerprint: i.toString(16).padStart(32, '0'), excerpt: 'Trail Pack', message: 'Use "TrailPack".' }));
    writeFileSync(path.join(dir, '.onemessage-baseline.json'), JSON.stringify({ version: 1, tool: 'onemessage', entries }));
    const out = await runCli(['check', '--baseline', '--as-of', '2026-11-23'], { cwd: dir });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['✔ no problems in 1 file', '150000 baseline entries no longer match (fixed); drop them with --baseline --write-baseline:', '  site/a.md  term/use  "Trail Pack"']);
    expect(lines.length).toBe(150_003);
  });
});
