/**
 * The command line: flags to options, one top-level catch, exit codes 0 (clean), 1 (findings),
 * 2 (usage or spec error). Everything else lives in the engine and the reporters.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { UsageError } from '../spec/errors.js';
import { closest } from '../spec/suggest.js';
import { VERSION } from '../version.js';
import { processIo, type Io } from './io.js';
import { EXIT_CLEAN, reportError } from './errors.js';
import { addCommands } from './program.js';

export { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './errors.js';

export async function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}

/** Runs the CLI on argv (without `node` and the script) and returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const program = new Command('onemessage')
    .description('Check marketing copy, sales scripts and support macros against one shared message spec.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(oneLineUsageError(text)) })
    .showSuggestionAfterError(true);

  const state = { exitCode: EXIT_CLEAN };
  addCommands(program, { io, argv, state });
  const unknown = unknownCommand(argv, io.cwd, program.commands.map((command) => command.name()));
  if (unknown) return handleError(unknown, io, debug);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return handleError(error, io, debug);
  }
}

/** Commander's "error: ..." and its "(Did you mean ...?)" hint, as one line in our voice. */
function oneLineUsageError(text: string): string {
  const joined = text.trim().replace(/\s*\n\s*/g, ' ').replace(/^error: /, '').replace(/\(Did you mean/, '(did you mean');
  return `onemessage: ${joined}\n`;
}

/**
 * `check` is the default command and takes paths, so a mistyped command (`onemessage chek`) would be
 * read as a missing file: when the first argument is no file, no glob and close to a command's
 * name, say so instead.
 */
function unknownCommand(argv: string[], cwd: string, commands: string[]): UsageError | undefined {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || commands.includes(first) || /[*?[\]{}/\\.]/.test(first)) return undefined;
  if (existsSync(path.resolve(cwd, first))) return undefined;
  const hint = closest(first, commands);
  return hint ? new UsageError(`unknown command "${first}"; did you mean "${hint}"? (commands: ${commands.join(', ')})`) : undefined;
}

function handleError(error: unknown, io: Io, debug: boolean): number {
  const { text, exitCode } = reportError(error, { debug });
  if (text) io.stderr(text);
  return exitCode;
}
