/**
 * The real executable as a user runs it: exit codes, stdout/stderr, no stack traces. What only a
 * process shows (the exit status, colour decided from the environment, a stack trace that
 * would escape the top-level catch) runs as a process, once per exit code; the rest runs through
 * the same `run(argv, io)` in-process, which is what bin/onemessage.js calls.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = 'version: 1\nchannels:\n  marketing: ["site/**"]\nclaims:\n  - id: best\n    says: ["best in the industry"]\n    status: forbidden\nterms:\n  - use: TrailPack\n    not: ["Trail Pack"]\n';

describe('onemessage as a process', () => {
  it('exits 0 and says so on a clean folder', () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': '# Hello\n\nOur TrailPack is light.\n' });
    const result = spawnCli(['check'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: '✔ no problems in 1 file\n', stderr: '' });
  });

  it('exits 1 on an error finding, with stylish file:line:col output and no colour on a pipe', () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': '# Hello\n\nWe are the best in the industry.\n' });
    const result = spawnCli(['check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'site/index.md',
        '  3:12  error    "best in the industry" is a forbidden claim (best).  claim/forbidden',
        '',
        '✖ 1 problem (1 error, 0 warnings) in 1 file',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('');
  });

  it('colours a terminal only when asked (FORCE_COLOR) and never with --no-color', () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': 'We are the best in the industry.\n' });
    expect(spawnCli(['check'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
    expect(spawnCli(['check', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('a broken spec: one line with file:line:col, exit 2, no stack trace', () => {
    const dir = tempRepo({ 'onemessage.yaml': 'version: 1\nclams: []\n', 'site/index.md': 'Hello.\n' });
    const result = spawnCli(['check'], { cwd: dir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'onemessage.yaml:2:1: unknown key "clams" in the spec; did you mean "claims"?\n' });
  });

  it('a usage error caught by the option parser: exit 2 with one line', () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC });
    expect(spawnCli(['check', '--formt', 'json'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: "onemessage: unknown option '--formt' (did you mean --format?)\n" });
  });

  it('--version prints the version', () => {
    const result = spawnCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('onemessage in-process, as the executable runs it', () => {
  it('exits 0 on warnings alone, and 1 when they pass --max-warnings', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': 'Meet the Trail Pack.\n' });
    expect((await runCli(['check'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['check', '--max-warnings', '0'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['check', '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
  });

  it('--quiet shows errors only', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': 'Meet the Trail Pack.\n' });
    expect((await runCli(['check', '--quiet'], { cwd: dir })).stdout).toBe('✔ no problems in 1 file\n');
  });

  it('writes json to stdout and stylish alongside with --format/--output pairs', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/index.md': 'We are the best in the industry.\n' });
    const result = await runCli(['check', '--format', 'stylish', '--format', 'json', '--output', 'out/report.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1:12  error');
    const report = JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8'));
    expect(report.schemaVersion).toBe(2);
    expect(report.findings[0]).toMatchObject({ ruleId: 'claim/forbidden', path: 'site/index.md', start: { line: 1, column: 12, offset: 11 }, end: { line: 1, column: 32, offset: 31 }, excerpt: 'best in the industry', channel: 'marketing' });
  });

  it('usage errors exit 2 with one line', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC });
    expect(await runCli(['check', '--format', 'yaml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: unknown format "yaml" (one of: stylish, json, sarif, github, junit, markdown, csv, html, gitlab)\n' });
    expect(await runCli(['check', '--as-of', '2026-13-01'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: --as-of expects a date as YYYY-MM-DD, found "2026-13-01"\n' });
    expect(await runCli(['check', '--formt', 'json'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: "onemessage: unknown option '--formt' (did you mean --format?)\n" });
    expect(await runCli(['check', 'sitee'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: no such file or folder: sitee\n' });
  });

  it('no spec anywhere: exit 2 and a hint', async () => {
    const dir = tempRepo({ 'site/index.md': 'Hello.\n' });
    expect(await runCli(['check', 'site'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: no onemessage.yaml in this folder or any parent (give one with --spec FILE)\n' });
  });

  it('an unreadable file is an error finding and the run goes on', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': 'We are the best in the industry.\n', 'site/b.md': 'Fine.\n' });
    mkdirSync(path.join(dir, 'site/c.md'));
    writeFileSync(path.join(dir, 'site/binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    writeFileSync(path.join(dir, 'site/bad-front-matter.md'), '---\ntitle: [unclosed\n---\n\nWe are the best in the industry.\n');
    writeFileSync(path.join(dir, 'site/secret.md'), 'Private.\n');
    chmodSync(path.join(dir, 'site/secret.md'), 0o000);
    const result = await runCli(['check', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout).findings.map((f: { path: string; ruleId: string; start: { line: number; column: number }; message: string }) => `${f.path}:${f.start.line}:${f.start.column} ${f.ruleId} ${f.message}`);
    const isRoot = process.getuid?.() === 0;
    expect(findings).toEqual([
      'site/a.md:1:12 claim/forbidden "best in the industry" is a forbidden claim (best).',
      'site/bad-front-matter.md:3:1 file/unreadable front matter is not valid YAML: flow sequence in block collection must be sufficiently indented and end with a ]',
      'site/binary.md:1:1 file/unreadable binary file (it holds NUL bytes), not text',
      ...(isRoot ? [] : ['site/secret.md:1:1 file/unreadable cannot read file: permission denied']),
    ]);
  });
});
