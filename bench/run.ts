/**
 * `npm run bench`: generates seeded corpora, times whole processes (onemessage, two floors and
 * the peers) several times each, and writes bench/RESULTS.md with the machine it ran on.
 * Knobs (environment): BENCH_DOCS (2000), BENCH_ITEMS (200), BENCH_HIT (0.15), BENCH_RUNS (3),
 * BENCH_PEERS (1; 0 skips textlint and alex), BENCH_SCALING (1; 0 skips the 10x runs),
 * BENCH_CORPUS (a folder of real content, e.g. tldr-pages' `pages/`, checked with BENCH_SPEC,
 * default bench/specs/cli-terms.yaml), BENCH_GENERATED (1; 0 skips the generated corpora),
 * BENCH_FIXES (15000 term fixes in one export; 0 skips), BENCH_PARAGRAPH_MB (5; 0 skips).
 * Every target of issue 18 is printed as a ratio of two timings of the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, statSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.js';
import { copyRealCorpus, prhRules, termsOf, writeFixExport, writeLongParagraph } from './extra.js';

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
const REAL = process.env.BENCH_CORPUS ? path.resolve(process.env.BENCH_CORPUS) : undefined;
const REAL_SPEC = path.resolve(process.env.BENCH_SPEC ?? path.join(ROOT, 'bench/specs/cli-terms.yaml'));
const GENERATED = env('BENCH_GENERATED', 1) === 1;
const FIXES = env('BENCH_FIXES', 15000);
const PARAGRAPH_MB = env('BENCH_PARAGRAPH_MB', 5);

/** A target of issue 18: `measured` is a ratio (or seconds) computed from timings of this run. */
interface Target {
  what: string;
  measured: number;
  /** the same ratio of CPU seconds (user + system), steadier than wall time on a shared machine */
  cpu?: number;
  unit: 'x' | 's' | '%';
  /** met when measured <= at most (or >= at least) */
  atMost?: number;
  atLeast?: number;
  note?: string;
}
const targets: Target[] = [];
const med = (t: Timing) => median(t.seconds);
const cpuOf = (t: Timing) => median(t.cpu);
/** A ratio target of two timings, by wall time and by CPU time. */
const ratio = (what: string, a: Timing, b: Timing, limit: { atMost?: number; atLeast?: number; note?: string }, percent = false): Target => ({ what, measured: ((percent ? 100 : 1) * med(a)) / med(b), cpu: ((percent ? 100 : 1) * cpuOf(a)) / cpuOf(b), unit: percent ? '%' : 'x', ...limit });
/** What --debug says a run did with its files. */
function debugCounts(argv: string[], cwd: string): { read: number; parsed: number; held: number } | undefined {
  const result = spawnSync(argv[0]!, [...argv.slice(1), '--debug'], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const found = / (\d+) read, \d+ from the cache, (\d+) parsed, (\d+) held a phrase/.exec(result.stderr);
  return found ? { read: Number(found[1]), parsed: Number(found[2]), held: Number(found[3]) } : undefined;
}

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
  const floors = (dir: string, corpus: { files: number; mb: number }, where = '.') => ({
    read: time('floor: read + scan', [node, path.join(ROOT, 'bench/floors/read-scan.mjs'), where], dir, corpus),
    parse: time('floor: read + parse (remark/rehype)', [node, path.join(ROOT, 'bench/floors/parse.mjs'), where], dir, corpus),
  });
  let startupDir: string | undefined;
  let startupFile: string | undefined;

  // 0. A real corpus (BENCH_CORPUS): the issue's figures.
  if (REAL) {
    const real = copyRealCorpus({ source: REAL, spec: REAL_SPEC, work: WORK, name: 'real' });
    const tenth = copyRealCorpus({ source: REAL, spec: REAL_SPEC, work: WORK, name: 'real-tenth', every: 10 });
    const floor = floors(real.dir, real, 'content');
    const cold = time('onemessage', om(), real.dir, real);
    const noPrefilter = time('onemessage --no-prefilter', om('--no-prefilter'), real.dir, real, 1);
    rmSync(path.join(real.dir, '.onemessage-cache'), { force: true });
    time('onemessage --cache (cold, fills the cache)', om('--cache'), real.dir, real, 1);
    const warm = time('onemessage --cache (warm, unchanged)', om('--cache'), real.dir, real);
    const timings = [floor.read, floor.parse, cold, noPrefilter, warm];
    const counts = debugCounts(om(), real.dir);
    if (counts) {
      const over = (100 * (counts.parsed - counts.held)) / Math.max(1, counts.held);
      targets.push({ what: `real corpus: files parsed over files holding a phrase (${counts.read} read, ${counts.parsed} parsed, ${counts.held} held)`, measured: over, unit: '%', atMost: 5 });
    }
    if (PEERS) {
      writeFileSync(path.join(real.dir, 'prh.yml'), prhRules(termsOf(REAL_SPEC)));
      writeFileSync(path.join(real.dir, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }));
      const textlint = time('textlint + prh', [node, path.join(ROOT, 'node_modules/textlint/bin/textlint.js'), '--rulesdir', '.', 'content/**/*.md'], real.dir, real, Math.min(RUNS, 2));
      timings.push(textlint);
      targets.push(ratio('real corpus: textlint + prh / onemessage', textlint, cold, { atLeast: 10 }));
    }
    const small = time(`onemessage, a tenth of the files (${tenth.files})`, om(), tenth.dir, tenth);
    timings.push(small);
    rows.push({ section: `real corpus: ${path.basename(REAL)} (${real.files} files, ${real.mb.toFixed(1)} MB), spec ${path.basename(REAL_SPEC)}`, timings, base: cold });
    targets.push(ratio('real corpus: onemessage / read floor', cold, floor.read, { atMost: 3 }));
    targets.push(ratio('real corpus: onemessage / remark-parse floor', cold, floor.parse, { atMost: 0.5 }));
    targets.push(ratio('real corpus: warm cache / cold run', warm, cold, { atMost: 10 }, true));
    targets.push(ratio(`real corpus: 10x the documents (${tenth.files} -> ${real.files}) / time`, cold, small, { atMost: 10.5 }));
    startupDir = real.dir;
    startupFile = filesUnder(real.dir, 'content')[0];
  }

  // 1. 15,000 term fixes in one macro export: --fix-dry-run against the check alone.
  if (FIXES > 0) {
    const fixes = writeFixExport({ work: WORK, spec: REAL_SPEC, fixes: FIXES });
    const check = time('onemessage check', om(), fixes.dir, fixes);
    const dry = time('onemessage --fix-dry-run', [node, BIN, 'check', '--as-of', '2026-12-15', '--fix-dry-run'], fixes.dir, fixes);
    rows.push({ section: `${FIXES} term fixes in one macro export (${fixes.mb.toFixed(1)} MB)`, timings: [check, dry], base: check });
    targets.push(ratio(`${FIXES} fixes in one export: --fix-dry-run / check`, dry, check, { atMost: 2 }));
  }

  // 2. One long Markdown paragraph: against remark-parse of the same file.
  if (PARAGRAPH_MB > 0) {
    const long = writeLongParagraph({ work: WORK, spec: REAL_SPEC, mb: PARAGRAPH_MB });
    const floor = time('floor: read + parse (remark/rehype)', [node, path.join(ROOT, 'bench/floors/parse.mjs'), 'content'], long.dir, long, 1);
    const check = time('onemessage', om(), long.dir, long, 1);
    rows.push({ section: `one Markdown paragraph of ${PARAGRAPH_MB} MB`, timings: [floor, check], base: check });
    targets.push(ratio(`a ${PARAGRAPH_MB} MB paragraph: onemessage / remark-parse`, check, floor, { atMost: 2 }));
  }

  // 3. The generated corpus: ~15% of documents hold a phrase.
  if (GENERATED) {
    const main = writeCorpus('main', { seed: 42, documents: DOCS, items: ITEMS, hitRate: HIT });
    const floor = floors(main.dir, main);
    const cold = time('onemessage', om(), main.dir, main);
    const noPrefilter = time('onemessage --no-prefilter', om('--no-prefilter'), main.dir, main);
    const oneThread = time('onemessage --threads 0', om('--threads', '0'), main.dir, main);
    rmSync(path.join(main.dir, '.onemessage-cache'), { force: true });
    time('onemessage --cache (cold, fills the cache)', om('--cache'), main.dir, main, 1);
    const warm = time('onemessage --cache (warm, unchanged)', om('--cache'), main.dir, main);
    const mainTimings = [floor.read, floor.parse, cold, noPrefilter, oneThread, warm];
    if (PEERS) {
      writeFileSync(path.join(main.dir, 'prh.yml'), prhRules(main.terms));
      writeFileSync(path.join(main.dir, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }));
      const md = mdFiles(main.dir);
      const mdCorpus = { files: md.length, mb: md.reduce((sum, rel) => sum + statSync(path.join(main.dir, rel)).size, 0) / 1e6 };
      mainTimings.push(time('textlint + prh (Markdown files only)', [node, path.join(ROOT, 'node_modules/textlint/bin/textlint.js'), '--rulesdir', '.', 'site/**/*.md', 'sales/**/*.md'], main.dir, mdCorpus, Math.min(RUNS, 2)));
      mainTimings.push(time('alex (Markdown files only)', [node, path.join(ROOT, 'node_modules/alex/cli.js'), 'site', 'sales', '--quiet'], main.dir, mdCorpus, Math.min(RUNS, 2)));
    }
    rows.push({ section: `${DOCS} documents, ${ITEMS}-item spec, ${Math.round(HIT * 100)}% of documents hold a phrase`, timings: mainTimings, base: cold });
    targets.push(ratio('generated corpus: warm cache / cold run', warm, cold, { atMost: 10 }, true));

    // Every document holds a phrase: no prefilter win.
    const full = writeCorpus('all-hits', { seed: 43, documents: DOCS, items: ITEMS, hitRate: 1 });
    rows.push({ section: `${DOCS} documents, every one holds a phrase`, timings: [time('floor: read + parse (remark/rehype)', [node, path.join(ROOT, 'bench/floors/parse.mjs'), '.'], full.dir, full), time('onemessage', om(), full.dir, full)] });

    // Scaling with documents and with rules.
    if (SCALING) {
      const small = writeCorpus('tenth', { seed: 42, documents: Math.round(DOCS / 10), items: ITEMS, hitRate: HIT });
      const big = writeCorpus('rules-10x', { seed: 42, documents: DOCS, items: ITEMS * 10, hitRate: HIT });
      const few = time(`onemessage, ${Math.round(DOCS / 10)} documents`, om(), small.dir, small);
      const many = time(`onemessage, ${DOCS} documents`, om(), main.dir, main);
      rows.push({ section: 'scaling', timings: [few, many, time(`onemessage, ${ITEMS * 10}-item spec`, om(), big.dir, big)] });
      targets.push(ratio(`generated corpus: 10x the documents (${Math.round(DOCS / 10)} -> ${DOCS}) / time`, many, few, { atMost: 10.5 }));
    }
    startupDir ??= main.dir;
    startupFile ??= mdFiles(main.dir)[0];
  }

  // 4. Start-up.
  if (startupDir && startupFile) {
    const one = path.join(startupDir, startupFile);
    const version = time('onemessage --version', [node, BIN, '--version'], startupDir, { files: 0, mb: 0 }, Math.max(RUNS, 5));
    const bare = time('floor: node -e 0', [node, '-e', '0'], startupDir, { files: 0, mb: 0 }, Math.max(RUNS, 5));
    const oneFile = time('onemessage check (one file)', om(path.relative(startupDir, one)), startupDir, { files: 1, mb: statSync(one).size / 1e6 }, Math.max(RUNS, 5));
    rows.push({ section: 'start-up', timings: [bare, version, oneFile] });
    targets.push({ what: 'onemessage --version', measured: med(version), cpu: cpuOf(version), unit: 's', atMost: 0.08 });
    targets.push({ what: 'one-file check', measured: med(oneFile), cpu: cpuOf(oneFile), unit: 's', atMost: 0.3 });
  }

  writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), report(rows));
  process.stderr.write(`wrote bench/RESULTS.md\n`);
}

function filesUnder(dir: string, under: string): string[] {
  return (readdirSync(path.join(dir, under), { recursive: true }) as string[]).filter((rel) => rel.endsWith('.md')).sort().map((rel) => path.join(under, rel));
}

function report(rows: Array<{ section: string; timings: Timing[]; base?: Timing }>): string {
  const cpus = os.cpus();
  const lines = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench\` (${REAL ? `BENCH_CORPUS=${path.basename(REAL)} ` : ''}BENCH_DOCS=${DOCS} BENCH_ITEMS=${ITEMS} BENCH_HIT=${HIT} BENCH_RUNS=${RUNS} BENCH_GENERATED=${GENERATED ? 1 : 0}) on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `Load average when written: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (a busy machine stretches wall time; CPU time is steadier). Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}, Node ${process.version}. Whole processes, wall time, ${RUNS} runs each (peers fewer).`,
    '',
  ];
  if (targets.length > 0) {
    lines.push('## Targets (issue 18)', '', 'Each figure is a ratio of medians measured in this run (seconds for start-up), by wall time and by CPU time (user + system, steadier on a shared machine); "met" judges wall time.', '', '| figure | wall | CPU | target | met |', '| --- | ---: | ---: | ---: | --- |');
    const show = (value: number, unit: Target['unit']) => (unit === 's' ? `${value.toFixed(3)} s` : unit === '%' ? `${value.toFixed(1)}%` : `${value.toFixed(2)}x`);
    for (const t of targets) {
      const met = t.atMost !== undefined ? t.measured <= t.atMost : t.measured >= (t.atLeast ?? 0);
      const target = t.atMost !== undefined ? `at most ${show(t.atMost, t.unit)}` : `at least ${show(t.atLeast ?? 0, t.unit)}`;
      lines.push(`| ${t.what} | ${show(t.measured, t.unit)} | ${t.cpu !== undefined ? show(t.cpu, t.unit) : ''} | ${target} | ${met ? 'yes' : 'no'}${t.note ? ` (${t.note})` : ''} |`);
      process.stderr.write(`target: ${t.what}: ${show(t.measured, t.unit)}${t.cpu !== undefined ? `, CPU ${show(t.cpu, t.unit)}` : ''} (${target}) ${met ? 'met' : 'MISSED'}\n`);
    }
    lines.push('');
  }
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
