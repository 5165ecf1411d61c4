/** Runs the CLI in-process through `run(argv, io)`, or as a real process through bin/onemessage.js. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'onemessage.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined>; stdin?: string | Uint8Array; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdoutIsTTY: options.tty ?? false,
    readStdin: async () => options.stdin ?? '',
  });
  return { code, stdout, stderr };
}

/** The built CLI as a child process (npm test builds it first). */
export function spawnCli(argv: string[], options: { cwd?: string; env?: Record<string, string>; input?: string | Uint8Array } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The summary lines (problem count, fixable count) of acme's expected stylish output. */
export function acmeSummary(): string[] {
  const text = readFileSync(path.join(ROOT, 'test/cli/acme.expected.txt'), 'utf8');
  return text.trimEnd().split('\n').filter((line) => line.startsWith('✖') || line.startsWith('  ') && line.includes('fixable with --fix'));
}

/** How many unsuppressed findings acme's expected output counts. */
export function acmeProblemCount(): number {
  return Number(/✖ (\d+) problems?/.exec(acmeSummary()[0] ?? '')?.[1] ?? NaN);
}
