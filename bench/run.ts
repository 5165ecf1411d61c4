/**
 * `npm run bench`: generates seeded corpora, times whole processes (onemessage, two floors and
 * the peers) several times each, and writes bench/RESULTS.md with the machine it ran on.
 * Knobs (environment): BENCH_DOCS (2000), BENCH_ITEMS (200), BENCH_HIT (0.15), BENCH_RUNS (3),
 * BENCH_PEERS (1; 0 skips textlint and alex), BENCH_SCALING (1; 0 skips the 10x runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync, statSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'onemessage.js');
const WORK = path.join(os.tmpdir(), 'onemessage-bench');
const env = (name: string, fallback: number) => (process.env[name] !== undefined ? Number(process.env[name]) : fallback);
const DOCS = env('BENCH_DOCS', 2000);
const ITEMS = env('BENCH_ITEMS', 200);
const HIT = env('BENCH_HIT', 0.15);
const RUNS = env('BENCH_RUNS', 3);
const PEERS = env('BENCH_PEERS', 1) === 1;
const SCALING = env('BENCH_SCALING', 1) === 1;

interface Timing {
  name: string;
  command: string;
  seconds: number[];
  /** user + system CPU seconds, less disturbed than wall time on a busy machine */
  cpu: number[];
  peakMb: number;
  files: number;
  mb: number;
}

function writeCorpus(name: string, options: Parameters<typeof generateCorpus>[0]): { dir: string; files: number; mb: number; terms: Array<{ wrong: string; right: string }> } {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  const corpus = generateCorpus(options);
  let bytes = 0;
  for (const [rel, text] of corpus.files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
    if (rel !== 'onemessage.yaml') bytes += Buffer.byteLength(text);
  }
  return { dir, files: corpus.files.size - 1, mb: bytes / 1e6, terms: corpus.terms };
}

/** Runs a command under GNU time `runs` times; peak memory is the largest max RSS seen. */
function time(name: string, argv: string[], cwd: string, corpus: { files: number; mb: number }, runs = RUNS): Timing {
  const seconds: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    const [rssText, user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ');
    const rss = Number(rssText);
    cpu.push(Number(user) + Number(system));
    if (Number.isFinite(rss)) peak = Math.max(peak, rss / 1024);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${name} failed (${result.status}): ${result.stderr.slice(0, 400)}`);
  }
  const timing = { name, command: argv.map((a) => a.replace(WORK, '$BENCH')).join(' '), seconds, cpu, peakMb: peak, files: corpus.files, mb: corpus.mb };
  process.stderr.write(`${name}: median ${median(seconds).toFixed(3)} s (cpu ${median(cpu).toFixed(3)} s)\n`);
  return timing;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function mdFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.name.endsWith('.md')) out.push(path.relative(dir, abs));
    }
  };
  walk(dir);
  return out;
}

function main(): void {
  mkdirSync(WORK, { recursive: true });
  const node = process.execPath;
  const om = (...args: string[]) => [node, BIN, 'check', '--as-of', '2026-12-15', '--format', 'json', '--output', '/dev/null', ...args];
  const rows: Array<{ section: string; timings: Timing[]; base?: Timing }> = [];

  // 1. The main corpus: ~15% of documents hold a phrase.
  const main = writeCorpus('main', { seed: 42, documents: DOCS, items: ITEMS, hitRate: HIT });
  const readFloor = time('floor: read + scan', [node, path.join(ROOT, 'bench/floors/read-scan.mjs'), '.'], main.dir, main);
  const parseFloor = time('floor: read + parse (remark/rehype)', [node, path.join(ROOT, 'bench/floors/parse.mjs'), '.'], main.dir, main);
  const cold = time('onemessage', om(), main.dir, main);
  const noPrefilter = time('onemessage --no-prefilter', om('--no-prefilter'), main.dir, main);
  const oneThread = time('onemessage --threads 0', om('--threads', '0'), main.dir, main);
  rmSync(path.join(main.dir, '.onemessage-cache'), { force: true });
  time('onemessage --cache (cold, fills the cache)', om('--cache'), main.dir, main, 1);
  const warm = time('onemessage --cache (warm, unchanged)', om('--cache'), main.dir, main);
  const mainTimings = [readFloor, parseFloor, cold, noPrefilter, oneThread, warm];
  if (PEERS) {
    const prh = `version: 1\nrules:\n${main.terms.map((t) => `  - expected: ${t.right}\n    pattern: ${t.wrong}`).join('\n')}\n`;
    writeFileSync(path.join(main.dir, 'prh.yml'), prh);
    writeFileSync(path.join(main.dir, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }));
    const md = mdFiles(main.dir);
    const mdCorpus = { files: md.length, mb: md.reduce((sum, rel) => sum + statSync(path.join(main.dir, rel)).size, 0) / 1e6 };
    mainTimings.push(time('textlint + prh (Markdown files only)', [node, path.join(ROOT, 'node_modules/textlint/bin/textlint.js'), '--rulesdir', '.', 'site/**/*.md', 'sales/**/*.md'], main.dir, mdCorpus, Math.min(RUNS, 2)));
    mainTimings.push(time('alex (Markdown files only)', [node, path.join(ROOT, 'node_modules/alex/cli.js'), 'site', 'sales', '--quiet'], main.dir, mdCorpus, Math.min(RUNS, 2)));
  }
  rows.push({ section: `${DOCS} documents, ${ITEMS}-item spec, ${Math.round(HIT * 100)}% of documents hold a phrase`, timings: mainTimings, base: cold });

  // 2. Every document holds a phrase: no prefilter win.
  const full = writeCorpus('all-hits', { seed: 43, documents: DOCS, items: ITEMS, hitRate: 1 });
  rows.push({ section: `${DOCS} documents, every one holds a phrase`, timings: [time('floor: read + parse (remark/rehype)', [node, path.join(ROOT, 'bench/floors/parse.mjs'), '.'], full.dir, full), time('onemessage', om(), full.dir, full)] });

  // 3. Scaling with documents and with rules.
  if (SCALING) {
    const small = writeCorpus('tenth', { seed: 42, documents: Math.round(DOCS / 10), items: ITEMS, hitRate: HIT });
    const big = writeCorpus('rules-10x', { seed: 42, documents: DOCS, items: ITEMS * 10, hitRate: HIT });
    rows.push({ section: 'scaling', timings: [time(`onemessage, ${Math.round(DOCS / 10)} documents`, om(), small.dir, small), time(`onemessage, ${DOCS} documents`, om(), main.dir, main), time(`onemessage, ${ITEMS * 10}-item spec`, om(), big.dir, big)] });
  }

  // 4. Start-up.
  const one = path.join(main.dir, mdFiles(main.dir)[0]!);
  rows.push({ section: 'start-up', timings: [time('onemessage --version', [node, BIN, '--version'], main.dir, { files: 0, mb: 0 }, Math.max(RUNS, 5)), time('onemessage check (one file)', om(path.relative(main.dir, one)), main.dir, { files: 1, mb: statSync(one).size / 1e6 }, Math.max(RUNS, 5))] });

  writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), report(rows));
  process.stderr.write(`wrote bench/RESULTS.md\n`);
}

function report(rows: Array<{ section: string; timings: Timing[]; base?: Timing }>): string {
  const cpus = os.cpus();
  const lines = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench\` (BENCH_DOCS=${DOCS} BENCH_ITEMS=${ITEMS} BENCH_HIT=${HIT} BENCH_RUNS=${RUNS}) on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `Load average when written: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (a busy machine stretches wall time; CPU time is steadier). Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}, Node ${process.version}. Whole processes, wall time, ${RUNS} runs each (peers fewer).`,
    '',
  ];
  for (const { section, timings, base } of rows) {
    lines.push(`## ${section}`, '', '| what | median s | min s | max s | CPU s (median) | peak MB | files/s | MB/s | × onemessage |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const t of timings) {
      const m = median(t.seconds);
      const ratio = base ? (m / median(base.seconds)).toFixed(2) : '';
      lines.push(`| ${t.name} | ${m.toFixed(3)} | ${Math.min(...t.seconds).toFixed(3)} | ${Math.max(...t.seconds).toFixed(3)} | ${median(t.cpu).toFixed(3)} | ${t.peakMb.toFixed(0)} | ${t.files ? Math.round(t.files / m) : ''} | ${t.mb ? (t.mb / m).toFixed(2) : ''} | ${ratio} |`);
    }
    lines.push('', '<details><summary>commands</summary>', '', ...timings.map((t) => `- ${t.name}: \`${t.command}\``), '', '</details>', '');
  }
  return `${lines.join('\n')}\n`;
}

main();
