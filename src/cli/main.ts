/**
 * The command line: flags to options, one top-level catch, exit codes 0 (clean), 1 (findings),
 * 2 (usage or spec error). Everything else lives in the engine and the reporters.
 */
import { Command, CommanderError, Option } from 'commander';
import { SpecError, UsageError } from '../spec/errors.js';
import { VERSION } from '../version.js';
import { processIo, type Io } from './io.js';
import { OutputCollector } from './outputs.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export async function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}

/** Runs the CLI on argv (without `node` and the script) and returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode = EXIT_CLEAN;
  const program = new Command('onemessage')
    .description('Check marketing copy, sales scripts and support macros against one shared message spec.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text) })
    .showSuggestionAfterError(true);

  const outputs = new OutputCollector();
  program
    .command('check', { isDefault: true })
    .description('check files against the spec (the default command)')
    .argument('[paths...]', 'files and folders to check (default: the folder of the spec)')
    .option('-s, --spec <file>', 'the spec file (default: onemessage.yaml in this folder or a parent)')
    .addOption(new Option('-f, --format <name>', 'output format: stylish, json, sarif, github, junit, markdown, csv, html, gitlab (repeatable)').argParser(outputs.format))
    .addOption(new Option('-o, --output <file>', 'write the preceding --format to this file').argParser(outputs.output))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--corpus', "report only the given paths, but read the spec's whole folder for cross-document rules")
    .option('--as-of <date>', 'the date claims are judged at, YYYY-MM-DD (default: today)')
    .option('--color', 'colour even when not on a terminal')
    .option('--no-color', 'no colour')
    .option('--debug', 'show stack traces of internal errors')
    .option('-w, --watch', 'check again each time a file or the spec is saved (Ctrl-C to stop)')
    .action(async (paths: string[], options: Record<string, unknown>) => {
      if (options.watch) {
        const { watchCommand } = await import('./watch.js');
        exitCode = await watchCommand(paths, { ...options, outputs: outputs.resolved(), argv }, io);
        return;
      }
      // Loaded on demand so that `--version` and `--help` never pay for parsers and rules.
      const { checkCommand } = await import('./check.js');
      exitCode = await checkCommand(paths, { ...options, outputs: outputs.resolved(), argv }, io);
    });

  program
    .command('init')
    .description('write a commented onemessage.yaml, with channels guessed from your folders')
    .argument('[folder]', 'where to write it (default: this folder)')
    .option('--force', 'replace an existing spec')
    .action(async (folder: string | undefined, options: { force?: boolean }) => {
      const { initCommand } = await import('./init.js');
      exitCode = await initCommand(folder, options, io);
    });

  program
    .command('rules')
    .description('list every rule with its default severity')
    .action(async () => {
      const { rulesCommand } = await import('./rules.js');
      exitCode = rulesCommand(io);
    });

  program
    .command('explain')
    .description("print a rule's documentation with its bad and good examples")
    .argument('<rule>', 'a rule id, e.g. claim/forbidden')
    .action(async (ruleId: string) => {
      const { explainCommand } = await import('./rules.js');
      exitCode = explainCommand(ruleId, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io, debug);
  }
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings expects a whole number, found "${value}"`);
  return Number(value);
}

function handleError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and version are not errors.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_CLEAN;
    return EXIT_USAGE;
  }
  if (error instanceof SpecError) {
    io.stderr(`${error.format()}\n`);
    return EXIT_USAGE;
  }
  const list = (error as { errors?: unknown }).errors;
  if (Array.isArray(list) && list.length > 0 && list.every((e) => e instanceof SpecError)) {
    for (const e of list as SpecError[]) io.stderr(`${e.format()}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    io.stderr(`onemessage: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`onemessage: internal error: ${message}${debug ? '' : ' (run again with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT_USAGE;
}
