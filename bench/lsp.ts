/**
 * `npm run bench:lsp`: the language server as an editor meets it. Generates the seeded workspace
 * (2,000 documents, a 200-item spec) plus one 20 KB Markdown page, starts `onemessage lsp --stdio`
 * as a process, and measures over LSP: the initial index (initialize to the end of its progress),
 * then the time from each change of the open page to the diagnostics published for that version,
 * for isolated edits and for a burst of keystrokes; with the server's CPU time read from /proc.
 * Writes bench/LSP-RESULTS.md. Knobs (environment): BENCH_DOCS (2000), BENCH_ITEMS (200),
 * BENCH_EDITS (40), BENCH_PAGE_KB (20); BENCH_PROFILE=DIR writes the server's CPU profile there.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { generateCorpus } from './corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(os.tmpdir(), 'onemessage-bench-lsp');
const env = (name: string, fallback: number) => (process.env[name] !== undefined ? Number(process.env[name]) : fallback);
const DOCS = env('BENCH_DOCS', 2000);
const ITEMS = env('BENCH_ITEMS', 200);
const EDITS = env('BENCH_EDITS', 40);
const PAGE_KB = env('BENCH_PAGE_KB', 20);
const PROFILE = process.env['BENCH_PROFILE'];
/** The server's default: checks start at most this often while changes keep coming. */
const DELAY_MS = 100;

const PAGE = 'site/blog/bench-page.md';

function writeWorkspace(): { files: number; page: string } {
  rmSync(WORK, { recursive: true, force: true });
  const corpus = generateCorpus({ seed: 11, documents: DOCS, items: ITEMS, hitRate: 0.15 });
  for (const [rel, text] of corpus.files) {
    mkdirSync(path.dirname(path.join(WORK, rel)), { recursive: true });
    writeFileSync(path.join(WORK, rel), text);
  }
  // The page: the blog's own pages joined (front matter dropped) to the size asked, phrases included.
  let page = '---\ntitle: A long guide\n---\n\n# A long guide\n';
  for (const [rel, text] of corpus.files) {
    if (!rel.startsWith('site/blog/')) continue;
    if (page.length >= PAGE_KB * 1000) break;
    page += text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^# /gm, '## ');
  }
  writeFileSync(path.join(WORK, PAGE), page);
  // The corpus holds the spec; the page is one more file.
  return { files: corpus.files.size - 1 + 1, page };
}

function cpuMs(pid: number): number {
  // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const { files, page } = writeWorkspace();
  const child = spawn(process.execPath, [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE)}`] : []), path.join(ROOT, 'bin', 'onemessage.js'), 'lsp', '--stdio'], { cwd: WORK, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: Array<PublishDiagnosticsParams & { at: number }> = [];
  let indexEnd: number | undefined;
  let waiter: (() => void) | undefined;
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push({ ...params, at: performance.now() });
    waiter?.();
  });
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
    if (params.value.kind === 'end') indexEnd ??= performance.now();
    waiter?.();
  });
  connection.listen();
  const until = async (test: () => boolean): Promise<void> => {
    while (!test()) await new Promise<void>((resolve) => (waiter = resolve));
  };

  const started = performance.now();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(WORK).href,
    workspaceFolders: [{ uri: pathToFileURL(WORK).href, name: 'bench' }],
    capabilities: { window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    initializationOptions: { asOf: '2026-11-23', delayMs: DELAY_MS, cache: false },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  await until(() => indexEnd !== undefined);
  const indexMs = indexEnd! - started;
  const indexCpuMs = cpuMs(child.pid!);

  const uri = pathToFileURL(path.join(WORK, PAGE)).href;
  let version = 1;
  let text = page;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  await until(() => published.some((entry) => entry.uri === uri && entry.version === 1));

  // Isolated edits: a phrase typed into a paragraph, then taken out again, with
  // a pause longer than the delay between edits, as a writer who stops to read does.
  const paragraphs = [...text.matchAll(/\n\n(?=[A-Z])/g)].map((match) => match.index + 2);
  const spec = readFileSync(path.join(WORK, 'onemessage.yaml'), 'utf8');
  // A forbidden claim (a document rule) and a fact stated with the wrong value (a cross-document rule).
  const claim = /says: \["([^"{}]+)"\]\n    status: forbidden/.exec(spec)![1]!;
  const fact = /says: \["(return your \w+ within) \{value\}"\]/.exec(spec)![1]! + ' 45 days';
  const latencies: number[] = [];
  const counts: number[] = [];
  const cpuBefore = cpuMs(child.pid!);
  for (let i = 0; i < EDITS; i++) {
    await sleep(DELAY_MS + 50);
    const insert = i % 2 === 0;
    // Each pair of edits types a phrase into a paragraph and takes it out again: the text is the page again.
    const at = paragraphs[(Math.floor(i / 2) * 7) % paragraphs.length]!;
    const added = `${i % 4 < 2 ? claim : fact} `;
    const position = (offset: number) => {
      const before = text.slice(0, offset);
      const line = before.split('\n').length - 1;
      return { line, character: offset - before.lastIndexOf('\n') - 1 };
    };
    const change = insert
      ? { range: { start: position(at), end: position(at) }, text: added }
      : { range: { start: position(at), end: position(at + added.length) }, text: '' };
    text = insert ? text.slice(0, at) + added + text.slice(at) : text.slice(0, at) + text.slice(at + added.length);
    version++;
    const sent = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    const expected = version;
    await until(() => published.some((entry) => entry.uri === uri && entry.version === expected));
    const answer = published.find((entry) => entry.uri === uri && entry.version === expected)!;
    latencies.push(answer.at - sent);
    counts.push(answer.diagnostics.length);
  }
  // A server that answered fast but saw nothing would make the figures meaningless: each phrase
  // typed in must add a finding, and taking it out must give the page's findings back.
  const baseline = published.find((entry) => entry.uri === uri && entry.version === 1)!.diagnostics.length;
  counts.forEach((count, i) => {
    if (i % 2 === 0 ? count <= baseline : count !== baseline) throw new Error(`edit ${i + 1}: ${count} diagnostics, the page alone has ${baseline}`);
  });
  const cpuPerEdit = (cpuMs(child.pid!) - cpuBefore) / EDITS;

  // A burst: ten keystrokes 30 ms apart; how long after the last one its diagnostics arrive.
  const bursts: number[] = [];
  for (let burst = 0; burst < 5; burst++) {
    await sleep(500);
    let last = 0;
    const at = paragraphs[(burst * 3 + 1) % paragraphs.length]!;
    for (const char of 'typing now') {
      const before = text.slice(0, at);
      const line = before.split('\n').length - 1;
      const character = at - before.lastIndexOf('\n') - 1;
      text = text.slice(0, at) + char + text.slice(at);
      version++;
      last = performance.now();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: char }] });
      await sleep(30);
    }
    const expected = version;
    await until(() => published.some((entry) => entry.uri === uri && entry.version === expected));
    bursts.push(published.find((entry) => entry.uri === uri && entry.version === expected)!.at - last);
  }

  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  await new Promise((resolve) => child.once('exit', resolve));
  connection.dispose();

  const loadAfter = os.loadavg();
  const cpus = os.cpus();
  const round = (ms: number) => `${Math.round(ms)} ms`;
  const lines = [
    '# Language server benchmark',
    '',
    `Written by \`npm run bench:lsp\` on ${new Date().toISOString().slice(0, 10)}. Workspace: ${DOCS} generated documents in ${files} files (Markdown, HTML, call scripts, Zendesk exports; 15% holding a phrase), a ${ITEMS}-item spec, and a ${Math.round(page.length / 1000)} KB Markdown page open in the editor. One server process, \`onemessage lsp --stdio\`, spoken to over LSP; checks start at most every ${DELAY_MS} ms (the default).`,
    '',
    '| measure | result |',
    '| --- | --- |',
    `| initial index (initialize to the end of the index's progress; no cache) | ${round(indexMs)} wall, ${round(indexCpuMs)} server CPU (start-up included) |`,
    `| change to published diagnostics, ${EDITS} isolated edits of the ${Math.round(page.length / 1000)} KB page | median ${round(median(latencies))}, p90 ${round(quantile(latencies, 0.9))}, min ${round(Math.min(...latencies))}, max ${round(Math.max(...latencies))} |`,
    `| server CPU per isolated edit | ${cpuPerEdit.toFixed(1)} ms |`,
    `| last keystroke of a burst (10 keys, 30 ms apart) to its diagnostics, 5 bursts | median ${round(median(bursts))}, max ${round(Math.max(...bursts))} |`,
    '',
    `Load average before: ${loadBefore.map((l) => l.toFixed(1)).join(', ')}; after: ${loadAfter.map((l) => l.toFixed(1)).join(', ')} (a busy machine stretches wall time; CPU time is steadier). Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}, Node ${process.version}.`,
    '',
  ];
  writeFileSync(path.join(ROOT, 'bench', 'LSP-RESULTS.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));
  process.stderr.write('wrote bench/LSP-RESULTS.md\n');
}

await main();
