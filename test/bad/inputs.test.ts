/**
 * Inputs read the same whatever the path they come by, and every one is bounded: standard input is
 * decoded as a file is, a folder that cannot be read is an error, a spec is read only as a regular
 * file under a size cap, and positions stay exact for every decoded text (a second BOM, a late NUL,
 * malformed UTF-8 named at its own byte).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, spawnCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = 'version: 1\nchannels:\n  marketing: ["site/**"]\nterms:\n  - use: TrailPack\n    not: ["Trail Pack"]\n';
const PAGE = '# Packs\n\nThe Trail Pack is here.\n';
const AS_OF = ['--as-of', '2026-11-23'];

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** `path:line:col rule message` of each finding of a json report. */
function lines(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: Array<{ path: string; ruleId: string; message: string; start: { line: number; column: number } }> }).findings.map(
    (f) => `${f.path}:${f.start.line}:${f.start.column} ${f.ruleId} ${f.message}`,
  );
}

describe('--stdin decodes as a file does', () => {
  it('a UTF-16 page with a BOM on standard input gives the finding the file gives (was: clean through --stdin)', () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/.keep': '' });
    writeFileSync(path.join(dir, 'site/page.md'), utf16le(PAGE));
    const asFile = spawnCli(['check', ...AS_OF, '--format', 'json', 'site/page.md'], { cwd: dir });
    const asStdin = spawnCli(['check', ...AS_OF, '--format', 'json', '--stdin', '--stdin-filename', 'site/page.md'], { cwd: dir, input: utf16le(PAGE) });
    expect(lines(asFile.stdout)).toEqual(['site/page.md:3:5 term/use Use "TrailPack" instead of "Trail Pack".']);
    expect(lines(asStdin.stdout)).toEqual(lines(asFile.stdout));
    expect([asStdin.code, asStdin.stderr]).toEqual([0, '']);
  });

  it('binary data on standard input is file/unreadable, exit 1 (was: passed as clean)', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/.keep': '' });
    const out = await runCli(['check', ...AS_OF, '--stdin', '--stdin-filename', 'site/logo.md'], { cwd: dir, stdin: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
    expect(out).toEqual({ code: 1, stderr: '', stdout: 'site/logo.md\n  1:1  error    binary file (a NUL byte at byte 8), not text  file/unreadable\n\n✖ 1 problem (1 error, 0 warnings) in 1 file\n' });
  });

  it('invalid UTF-8 on standard input is named at its byte, line and column', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/.keep': '' });
    const out = await runCli(['check', ...AS_OF, '--format', 'json', '--stdin', '--stdin-filename', 'site/page.md'], { cwd: dir, stdin: Buffer.from('# Caf\xe9\n', 'latin1') });
    expect(lines(out.stdout)).toEqual(['site/page.md:1:6 file/unreadable not valid UTF-8 text (bad byte 0xe9 at byte 5); save it as UTF-8']);
  });
});

describe('a folder that cannot be read', () => {
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((file) => existsSync(file));
  const isRoot = process.getuid?.() === 0;

  // As root every folder is readable, so the check runs through setpriv without the two
  // capabilities that override file modes (it stays root, so a clone under `mktemp -d`, mode 700,
  // is still its own); without root, a folder of ours with mode 000 shows the same.
  it.runIf(!isRoot || setpriv !== undefined)('is a file/unreadable error, exit 1 (was: "no problems in 0 files", exit 0)', () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/open.md': 'Fine.\n', 'site/locked/page.md': PAGE });
    chmodSync(path.join(dir, 'site/locked'), 0o000);
    const argv = [BIN, 'check', ...AS_OF];
    const run = isRoot
      ? spawnSync(setpriv!, ['--bounding-set=-dac_override,-dac_read_search', process.execPath, ...argv], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } })
      : spawnSync(process.execPath, argv, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    chmodSync(path.join(dir, 'site/locked'), 0o755);
    expect({ code: run.status, stderr: run.stderr, stdout: run.stdout }).toEqual({
      code: 1,
      stderr: '',
      stdout: 'site/locked\n  1:1  error    cannot read folder: permission denied  file/unreadable\n\n✖ 1 problem (1 error, 0 warnings) in 2 files\n',
    });
  });
});

describe('a spec is read only as a regular file under a size cap', () => {
  it('extends of a link to /dev/zero is refused at once (was: read 4.3 GB)', async () => {
    const dir = tempRepo({ 'onemessage.yaml': 'version: 1\nextends: [./zero.yaml]\n', 'site/a.md': 'Hi.\n' });
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    expect(await runCli(['check'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage.yaml:2:11: cannot read "./zero.yaml", extended here: not a regular file (a pipe, socket or device)\n' });
  });

  it('extends of a FIFO is refused at once (was: a hang)', async () => {
    const dir = tempRepo({ 'onemessage.yaml': 'version: 1\nextends: [./fifo.yaml]\n', 'site/a.md': 'Hi.\n' });
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    expect(await runCli(['check'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage.yaml:2:11: cannot read "./fifo.yaml", extended here: not a regular file (a pipe, socket or device)\n' });
  });

  it('a spec larger than 4 MiB is refused, naming its size', async () => {
    const dir = tempRepo({ 'onemessage.yaml': 'version: 1\nextends: [./big.yaml]\n', 'big.yaml': `version: 1\n${'#'.repeat(4 * 1024 * 1024)}\n` });
    expect(await runCli(['check'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage.yaml:2:11: cannot read "./big.yaml", extended here: it is 4194316 bytes; a spec may be at most 4194304 bytes\n' });
  });

  it('a spec as the --spec FILE that is a folder, or a FIFO, is one line and exit 2', async () => {
    const dir = tempRepo({ 'site/a.md': 'Hi.\n' });
    mkdirSync(path.join(dir, 'spec.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    expect(await runCli(['check', '--spec', 'spec.yaml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'spec.yaml: cannot read the spec: it is a folder, not a file\n' });
    expect(await runCli(['check', '--spec', 'fifo.yaml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'fifo.yaml: cannot read the spec: not a regular file (a pipe, socket or device)\n' });
  });

  it('a spec in UTF-16 reads as its text; invalid UTF-8 in a spec is named at its line and column', async () => {
    const dir = tempRepo({ 'site/a.md': PAGE });
    writeFileSync(path.join(dir, 'onemessage.yaml'), utf16le(SPEC));
    expect(lines((await runCli(['check', ...AS_OF, '--format', 'json'], { cwd: dir })).stdout)).toEqual(['site/a.md:3:5 term/use Use "TrailPack" instead of "Trail Pack".']);
    writeFileSync(path.join(dir, 'onemessage.yaml'), Buffer.concat([Buffer.from('version: 1\nbrand: Acme '), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]));
    expect(await runCli(['check'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage.yaml:2:13: cannot read the spec: not valid UTF-8 text (bad byte 0xc0 at byte 23); save it as UTF-8\n' });
  });
});

describe('positions are exact for every decoded text', () => {
  const FORMATS: Record<string, string> = {
    'site/a.md': 'Trail Pack first.\n\nThe Trail Pack.\n',
    'site/a.mdx': 'Trail Pack first.\n\n<Card title="Trail Pack" />\n',
    'site/a.html': '<p>Trail Pack first.</p><img alt="Trail Pack">\n',
    'site/a.txt': 'Trail Pack first.\n',
    'site/a.csv': 'body\nTrail Pack first.\n',
    'site/a.json': '{"macros":[{"id":1,"title":"t","actions":[{"field":"comment_value","value":"Trail Pack first."}]}]}',
  };

  it('a text that starts with U+FEFF after its BOM: every excerpt is the phrase at its offset (was: an MDX attribute one character off, a JSON export unread)', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/.keep': '' });
    for (const [rel, text] of Object.entries(FORMATS)) writeFileSync(path.join(dir, rel), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\uFEFF${text}`)]));
    const out = await runCli(['check', ...AS_OF, '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(out.stdout).findings as Array<{ path: string; excerpt: string; start: { offset: number; line: number; column: number }; end: { offset: number } }>;
    expect(findings.map((f) => `${f.path}:${f.start.line}:${f.start.column} ${f.excerpt}`)).toEqual([
      'site/a.csv:2:1 Trail Pack',
      'site/a.html:1:5 Trail Pack',
      'site/a.html:1:36 Trail Pack',
      'site/a.json:1:78 Trail Pack',
      'site/a.md:1:2 Trail Pack',
      'site/a.md:3:5 Trail Pack',
      'site/a.mdx:1:2 Trail Pack',
      'site/a.mdx:3:14 Trail Pack',
      'site/a.txt:1:2 Trail Pack',
    ]);
    for (const f of findings) expect(`\uFEFF${FORMATS[f.path]}`.slice(f.start.offset, f.end.offset)).toBe('Trail Pack');
  });

  it('a NUL after the first 8,000 bytes is file/unreadable at its own line and column (was: shifted or empty ranges)', async () => {
    const text = `${'Plain words here.\n'.repeat(500)}The Trail\u0000 Pack.\n`;
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/late.md': text });
    const out = await runCli(['check', ...AS_OF, '--format', 'json'], { cwd: dir });
    expect(lines(out.stdout)).toEqual(['site/late.md:501:10 file/unreadable binary file (a NUL byte at byte 9009), not text']);
  });

  it('an overlong UTF-8 sequence is named at its own byte (was: "byte 0x00 at byte 9", past the end of the file)', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/.keep': '' });
    writeFileSync(path.join(dir, 'site/a.md'), Buffer.from([0x48, 0x69, 0x20, 0x74, 0x68, 0x65, 0x72, 0x65, 0xc0, 0xaf]));
    writeFileSync(path.join(dir, 'site/b.md'), Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x0a, 0xed, 0xa0, 0x80, 0x0a]));
    writeFileSync(path.join(dir, 'site/c.md'), Buffer.from([0x41, 0x42, 0xf4, 0x90, 0x80, 0x80]));
    writeFileSync(path.join(dir, 'site/d.md'), Buffer.from([0x41, 0xe2, 0x82]));
    const out = await runCli(['check', ...AS_OF, '--format', 'json'], { cwd: dir });
    expect(lines(out.stdout)).toEqual([
      'site/a.md:1:9 file/unreadable not valid UTF-8 text (bad byte 0xc0 at byte 8); save it as UTF-8',
      'site/b.md:2:1 file/unreadable not valid UTF-8 text (bad byte 0xed at byte 5); save it as UTF-8',
      'site/c.md:1:3 file/unreadable not valid UTF-8 text (bad byte 0xf4 at byte 2); save it as UTF-8',
      'site/d.md:1:2 file/unreadable not valid UTF-8 text (bad byte 0xe2 at byte 1); save it as UTF-8',
    ]);
  });
});
