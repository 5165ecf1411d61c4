/**
 * Test helpers: lint realistic snippets through the library (createSession: the spec parser,
 * format readers, matcher, rules), in memory, as an editor would: no temporary repository per
 * case. `tempRepo` writes real files for the tests that are about files (walks, ignores, fixes).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { ruleById } from '../../rules/index.js';
import type { Finding } from '../../src/model/finding.js';
import type { RunResult } from '../../src/model/result.js';
import { createSession } from '../../src/session.js';
import { RuleTester } from '../../src/testing.js';

export const CHANNELS = 'channels:\n  marketing: ["marketing/**"]\n  sales: ["sales/**"]\n  support: ["support/**"]\n';

/** Writes files (path -> content) into a fresh temporary folder and returns it. */
export function tempRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onemessage-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** A folder that exists nowhere: in-memory sessions resolve paths against it and never read it. */
export const VIRTUAL_ROOT = path.resolve('/onemessage-virtual-repo');

/**
 * Lints a repository given as path -> content (its spec at `onemessage.yaml`) in memory: every
 * other file is linted as text under its path, then the run is finished, as a check of all of
 * them would be.
 */
export async function lintRepo(files: Record<string, string>, options: { asOf?: string } = {}): Promise<RunResult> {
  const { 'onemessage.yaml': specText, ...content } = files;
  if (specText === undefined) throw new Error('lintRepo needs onemessage.yaml');
  const session = createSession({ specText, cwd: VIRTUAL_ROOT, asOf: options.asOf ?? '2026-11-23' });
  for (const [file, text] of Object.entries(content).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) await session.addText(file, text);
  return session.finish();
}

/** The same repository on disk, checked as `onemessage check .` would: for tests about files. */
export async function lintRepoOnDisk(files: Record<string, string>, options: { asOf?: string; paths?: string[] } = {}): Promise<RunResult> {
  const dir = tempRepo(files);
  const session = createSession({ specPath: 'onemessage.yaml', cwd: dir, asOf: options.asOf ?? '2026-11-23' });
  await session.lintFiles(options.paths ?? ['.']);
  return session.finish();
}

/** Lints one document in a channel against a spec snippet (channels are added). */
export async function lintSnippet(specYaml: string, text: string, options: { channel?: string; file?: string; asOf?: string } = {}): Promise<Finding[]> {
  const channel = options.channel ?? 'marketing';
  const file = options.file ?? `${channel}/page.md`;
  const result = await lintRepo({ 'onemessage.yaml': `version: 1\n${CHANNELS}${specYaml}\n`, [file]: text }, { asOf: options.asOf });
  return result.findings;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
}

export interface RuleCase {
  name: string;
  text: string;
  channel?: string;
  file?: string;
  asOf?: string;
}

/**
 * ESLint's RuleTester, for onemessage's own rules: the helper plugin authors get as
 * onemessage/testing (src/testing.ts), with the suite's spec given to every case.
 */
export function ruleTester(ruleId: string, suite: { spec: string; valid: RuleCase[]; invalid: Array<RuleCase & { errors: ExpectedFinding[] }> }): void {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const withSpec = <T extends RuleCase>(test: T) => ({ ...test, spec: suite.spec, asOf: test.asOf ?? '2026-11-23' });
  RuleTester.describe = describe;
  RuleTester.it = it;
  new RuleTester().run(rule, { valid: suite.valid.map(withSpec), invalid: suite.invalid.map(withSpec) });
}

/** Checks files on disk as `onemessage check` would: the spec loaded from `specPath` (relative to dir), then the paths walked. */
export async function checkFolder(dir: string, options: { specPath?: string; paths?: string[]; asOf?: string; threads?: number; prefilter?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<RunResult> {
  const session = createSession({ specPath: options.specPath ?? 'onemessage.yaml', cwd: dir, asOf: options.asOf ?? '2026-11-23', ...(options.prefilter === false ? { prefilter: false } : {}) });
  await session.lintFiles(options.paths ?? ['.'], { ...(options.threads !== undefined ? { threads: options.threads } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return session.finish();
}
