/**
 * The speed-ups change nothing but speed: a prefiltered run, a cached run (cold and warm),
 * sharded runs merged, and a run on worker threads each give exactly the findings, files,
 * warnings and files not read of one plain run that parses every file, on the fixtures and on a generated corpus
 * whose phrases are spelt through markup, entities and JSON escapes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const AS_OF = ['--as-of', '2026-12-15'];

/** The json report without what differs between any two runs (time, command line). */
async function json(argv: string[], cwd: string): Promise<string> {
  const result = await runCli([...argv, ...(argv[0] === 'merge' ? [] : AS_OF), '--format', 'json'], { cwd });
  expect(result.stderr).toBe('');
  const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
  delete parsed.startedAt;
  delete parsed.command;
  return JSON.stringify(parsed, null, 1);
}

function trickyCorpus(): string {
  // 120 documents, 60% holding a phrase: about as many disguised phrases as 240 at 30%, in half the reading
  const corpus = generateCorpus({ seed: 8, documents: 120, items: 60, hitRate: 0.6, tricky: true });
  // Files no reader reads: every kind of run must count them alike.
  return tempRepo({ ...Object.fromEntries(corpus.files), 'assets/logo.png': '', 'assets/site.css': 'p {}\n', 'templates/home.njk': '<p>Hi</p>\n' });
}

const corpora: Array<{ name: string; cwd: () => string; args: string[] }> = [
  { name: 'fixtures/acme', cwd: () => ROOT, args: ['check', 'fixtures/acme'] },
  { name: 'fixtures/formats against the acme spec', cwd: () => ROOT, args: ['check', '--spec', 'fixtures/acme/onemessage.yaml', 'fixtures/formats'] },
  { name: 'a generated corpus with markup, entities and JSON escapes around the phrases', cwd: trickyCorpus, args: ['check'] },
];

describe.each(corpora)('$name', ({ cwd: makeCwd, args }) => {
  it('prefiltered, cached, sharded and threaded runs give the findings of a run that parses every file', async () => {
    const cwd = makeCwd();
    const plain = await json([...args, '--no-prefilter', '--threads', '0'], cwd);
    expect(JSON.parse(plain).findings.length).toBeGreaterThan(0);
    expect(await json([...args, '--threads', '0'], cwd)).toBe(plain);

    const cacheDir = tempRepo({});
    const inCacheDir = args.map((arg) => (arg.startsWith('fixtures/') ? path.join(ROOT, arg) : arg));
    const cacheCwd = cwd === ROOT ? cacheDir : cwd;
    const plainThere = cwd === ROOT ? await json([...inCacheDir, '--no-prefilter', '--threads', '0'], cacheDir) : plain;
    expect(await json([...inCacheDir, '--cache', '--threads', '0'], cacheCwd)).toBe(plainThere);
    expect(existsSync(path.join(cacheCwd, '.onemessage-cache'))).toBe(true);
    expect(await json([...inCacheDir, '--cache', '--threads', '0'], cacheCwd)).toBe(plainThere);

    const shardDir = tempRepo({});
    const shards: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const file = path.join(shardDir, `shard-${i}.json`);
      const result = await runCli([...args, ...AS_OF, '--shard', `${i}/3`, '--format', 'shard', '--output', file], { cwd });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      shards.push(file);
    }
    const spec = args.includes('--spec') ? ['--spec', args[args.indexOf('--spec') + 1]!] : cwd === ROOT ? ['--spec', 'fixtures/acme/onemessage.yaml'] : [];
    // merge has no --as-of: the shards carry theirs. Given in any order.
    expect(await json(['merge', ...shards.reverse(), ...spec], cwd)).toBe(plain);

    expect(await json([...args, '--threads', '2'], cwd)).toBe(plain);
  }, 60_000);
});

describe('--changed-since', () => {
  it('reports only changed and untracked files, judged against every file', async () => {
    const spec = 'version: 1\nchannels:\n  marketing: ["site/**"]\n  support: ["support/**"]\nfacts:\n  return-window:\n    value: 30 days\n    says: ["return (it )?within {value}"]\nterms:\n  - use: TrailPack\n    not: ["Trail Pack"]\n';
    const dir = tempRepo({
      'onemessage.yaml': spec,
      'site/returns.md': 'You can return it within 30 days.\n',
      'site/pack.md': 'Meet the Trail Pack.\n',
      'support/returns.md': 'Return it within 30 days, no questions asked.\n',
    });
    const git = (...argv: string[]) => execFileSync('git', argv, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=a@b.c', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=a@b.c', '-c', 'user.name=t', 'commit', '-qm', 'copy');
    writeFileSync(path.join(dir, 'support/returns.md'), 'Return it within 14 days, no questions asked.\n');
    writeFileSync(path.join(dir, 'support/new.md'), 'Pack it in the Trail Pack.\n');
    const all = JSON.parse(await json(['check'], dir));
    const changed = JSON.parse(await json(['check', '--changed-since', 'HEAD'], dir));
    const inChanged = (finding: { path: string }) => ['support/returns.md', 'support/new.md'].includes(finding.path);
    expect(changed.findings).toEqual(all.findings.filter(inChanged));
    expect(changed.findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`).sort()).toEqual(expect.arrayContaining(['support/new.md term/use']));
    expect(changed.files.map((f: { path: string }) => f.path)).toEqual(['support/new.md', 'support/returns.md']);
    const bad = await runCli(['check', '--changed-since', 'no-such-ref'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^onemessage: --changed-since no-such-ref: git failed: fatal: .*\n$/);
  }, 30_000);
});

describe('merge', () => {
  it('refuses part of a run', async () => {
    const dir = tempRepo({ 'onemessage.yaml': 'version: 1\nchannels:\n  marketing: ["site/**"]\n', 'site/a.md': 'Hello.\n' });
    await runCli(['check', '--shard', '1/2', '--format', 'shard', '--output', 'one.json'], { cwd: dir });
    expect(await runCli(['merge', 'one.json'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'onemessage: missing shard 2/2: a merge of part of a run would miss findings\n' });
    writeFileSync(path.join(dir, 'bad.json'), '{"findings": []}');
    expect(await runCli(['merge', 'bad.json'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'onemessage: bad.json: not a shard file written by onemessage check --shard (format 2)\n' });
  });
});
