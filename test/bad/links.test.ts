/**
 * Outputs and fixes never write through a symbolic link: a committed link named like a report, a
 * baseline or an --output file is refused with one line and exit 2 (its target untouched), and
 * --fix leaves a linked, hard-linked or read-only content file alone, saying why.
 */
import { chmodSync, linkSync, lstatSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = 'version: 1\nchannels:\n  marketing: ["site/**"]\nterms:\n  - use: TrailPack\n    not: ["Trail Pack"]\n';
const PAGE = 'The Trail Pack is light.\n';
const TARGET = 'precious.bin';
const KEEP = 'do not overwrite\n';

/** A repo with a link named `name` pointing at a file outside the content. */
function linked(name: string): string {
  const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': PAGE, [TARGET]: KEEP });
  symlinkSync(path.join(dir, TARGET), path.join(dir, name));
  return dir;
}

describe('outputs never write through a symbolic link', () => {
  it('a committed onemessage-report.html link: report refuses, the target keeps its bytes (was: overwritten)', async () => {
    const dir = linked('onemessage-report.html');
    expect(await runCli(['report', '--as-of', '2026-11-23'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'onemessage: cannot write onemessage-report.html: it is a symbolic link, and onemessage never writes through one: remove the link or name another file\n',
    });
    expect(readFileSync(path.join(dir, TARGET), 'utf8')).toBe(KEEP);
  });

  it('a committed .onemessage-baseline.json link: --write-baseline refuses', async () => {
    const dir = linked('.onemessage-baseline.json');
    const out = await runCli(['check', '--write-baseline', '--as-of', '2026-11-23'], { cwd: dir });
    expect(out).toMatchObject({ code: 2, stderr: 'onemessage: cannot write .onemessage-baseline.json: it is a symbolic link, and onemessage never writes through one: remove the link or name another file\n' });
    expect(readFileSync(path.join(dir, TARGET), 'utf8')).toBe(KEEP);
  });

  it('an --output file that is a link: refused', async () => {
    const dir = linked('out.sarif');
    const out = await runCli(['check', '--format', 'sarif', '--output', 'out.sarif', '--as-of', '2026-11-23'], { cwd: dir });
    expect(out).toEqual({ code: 2, stdout: '', stderr: 'onemessage: cannot write out.sarif: it is a symbolic link, and onemessage never writes through one: remove the link or name another file\n' });
    expect(readFileSync(path.join(dir, TARGET), 'utf8')).toBe(KEEP);
  });

  it('a shard file or a guide to a link: refused the same way', async () => {
    const dir = linked('shard.json');
    expect((await runCli(['check', '--shard', '1/1', '--format', 'shard', '--output', 'shard.json', '--as-of', '2026-11-23'], { cwd: dir })).code).toBe(2);
    symlinkSync(path.join(dir, TARGET), path.join(dir, 'guide.md'));
    expect((await runCli(['guide', '--output', 'guide.md'], { cwd: dir })).code).toBe(2);
    expect(readFileSync(path.join(dir, TARGET), 'utf8')).toBe(KEEP);
  });
});

describe('--fix leaves a file alone rather than rewrite it unsafely', () => {
  it('a symbolic link to a content file: left alone, stays a link (was: turned into a regular file, its target stale)', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'shared/page.md': PAGE, 'site/.keep': '' });
    symlinkSync('../shared/page.md', path.join(dir, 'site/page.md'));
    const out = await runCli(['check', 'site', '--fix', '--as-of', '2026-11-23'], { cwd: dir });
    expect(out.stderr).toBe('onemessage: left site/page.md alone: it is a symbolic link; onemessage never writes through one (fix the file it points to)\n');
    expect(lstatSync(path.join(dir, 'site/page.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'shared/page.md'), 'utf8')).toBe(PAGE);
  });

  it('a file with another hard link: left alone and reported (was: the links split)', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': PAGE });
    linkSync(path.join(dir, 'site/a.md'), path.join(dir, 'copy-of-a.bin'));
    const out = await runCli(['check', '--fix', '--as-of', '2026-11-23'], { cwd: dir });
    expect(out.stderr).toBe('onemessage: left site/a.md alone: it has 2 hard links; rewriting it would split them (fix it by hand)\n');
    expect(statSync(path.join(dir, 'site/a.md')).nlink).toBe(2);
    expect(readFileSync(path.join(dir, 'copy-of-a.bin'), 'utf8')).toBe(PAGE);
  });

  it('a read-only file: left alone (was: rewritten); as root too, since the mode says so', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': PAGE });
    chmodSync(path.join(dir, 'site/a.md'), 0o444);
    const out = await runCli(['check', '--fix', '--as-of', '2026-11-23'], { cwd: dir });
    expect(out.stderr).toBe('onemessage: left site/a.md alone: it is read-only\n');
    expect(readFileSync(path.join(dir, 'site/a.md'), 'utf8')).toBe(PAGE);
    expect(statSync(path.join(dir, 'site/a.md')).mode & 0o777).toBe(0o444);
  });
});
