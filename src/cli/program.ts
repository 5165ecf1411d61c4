/**
 * The commands and their flags, as commander reads them: each command's action loads its module
 * on demand, so that `--version` and `--help` never pay for parsers and rules.
 */
import { Command, Option } from 'commander';
import { UsageError } from '../spec/errors.js';
import type { Io } from './io.js';
import {
  asOfOption,
  cacheLocationOption,
  colorOption,
  configOption,
  debugOption,
  ignorePathOption,
  ignorePatternOption,
  noBomOption,
  noColorOption,
  printConfigOption,
  ruleOption,
  specOption,
} from './options.js';
import { OutputCollector } from './outputs.js';

/** Adds every command to the program; `state.exitCode` receives the code of the one that ran. */
export function addCommands(program: Command, options: { io: Io; argv: string[]; state: { exitCode: number } }): void {
  const { io, argv, state } = options;
  const outputs = new OutputCollector();
  program
    .command('check', { isDefault: true })
    .description('check files against the spec (the default command)')
    .argument('[paths...]', "files, folders and quoted globs to check, e.g. 'site/**/*.md' (default: the folder of the spec)")
    .addOption(specOption())
    .addOption(configOption())
    .addOption(new Option('-f, --format <name>', 'output format: stylish, json, sarif, github, junit, markdown, csv, html, gitlab, or a formatter module ./path/to/formatter.js (repeatable)').argParser(outputs.format))
    .addOption(new Option('-o, --output <file>', 'write the preceding --format to this file').argParser(outputs.output))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--corpus', "report only the given paths, but read the spec's whole folder for cross-document rules")
    .addOption(asOfOption())
    .option('--stdin', 'check one document read from standard input (with --stdin-filename)')
    .option('--stdin-filename <name>', 'the path the --stdin document stands for: picks its format and channel')
    .option('--cache', 'reuse the outcomes of unchanged files from .onemessage-cache (and update it)')
    .addOption(cacheLocationOption())
    .addOption(ruleOption())
    .addOption(ignorePathOption())
    .addOption(ignorePatternOption())
    .addOption(printConfigOption())
    .option('--changed-since <ref>', "report only files changed since a git ref (and untracked ones); read the spec's whole folder")
    .option('--shard <i/n>', 'check a stable share of the files and write a shard file for onemessage merge')
    .option('--no-prefilter', 'parse every file, even those that hold no word of any phrase')
    .option('--threads <n>', 'worker threads (0: none; default: by core count for large runs)', parseThreads)
    .addOption(colorOption())
    .addOption(noColorOption())
    .addOption(noBomOption())
    .addOption(debugOption())
    .option('--fix', 'apply every safe fix to the files, then report what remains')
    .option('--fix-dry-run', 'print the fixes as a unified diff; write nothing')
    .option('--baseline [file]', 'report only findings not in the baseline (default .onemessage-baseline.json beside the spec)')
    .option('--write-baseline [file]', "record today's findings as the baseline (with --baseline: keep only entries that still match)")
    .option('-w, --watch', 'check again each time a file or the spec is saved (Ctrl-C to stop)')
    .action(async (paths: string[], options: Record<string, unknown>) => {
      if (options.watch) {
        const { watchCommand } = await import('./watch.js');
        state.exitCode = await watchCommand(paths, { ...options, outputs: outputs.resolved(), argv }, io);
        return;
      }
      // Loaded on demand so that `--version` and `--help` never pay for parsers and rules.
      const { checkCommand } = await import('./check.js');
      state.exitCode = await checkCommand(paths, { ...options, outputs: outputs.resolved(), argv }, io);
    });

  const reportOutputs = new OutputCollector();
  program
    .command('report')
    .description('check, then write a report file for reviewers (onemessage-report.html); exits 0 whatever it finds')
    .argument('[paths...]', 'files, folders and quoted globs to check (default: the folder of the spec)')
    .addOption(specOption())
    .addOption(configOption())
    .addOption(ruleOption())
    .addOption(new Option('-f, --format <name>', 'html (default), csv, json, sarif, markdown, junit (repeatable)').argParser(reportOutputs.format))
    .addOption(new Option('-o, --output <file>', 'write the preceding --format to this file (default: onemessage-report.<ext>)').argParser(reportOutputs.output))
    .addOption(asOfOption())
    .addOption(noBomOption())
    .addOption(debugOption())
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { reportCommand } = await import('./report.js');
      state.exitCode = await reportCommand(paths, { ...options, outputs: reportOutputs.targets, argv }, io);
    });

  program
    .command('guide')
    .description('render the spec as a messaging guide for employees')
    .addOption(specOption())
    .addOption(configOption())
    .option('-f, --format <name>', 'markdown (default) or html')
    .option('-o, --output <file>', 'write the guide to this file instead of standard output')
    .addOption(new Option('--as-of <date>', "the guide's date, at which claims with dates are judged, YYYY-MM-DD (default: today)"))
    .option('--spec-only', 'render the spec alone: do not read the content for the values documents agree on')
    .addOption(debugOption())
    .action(async (options: Record<string, unknown>) => {
      const { guideCommand } = await import('./guide.js');
      state.exitCode = await guideCommand(options, io);
    });

  const mergeOutputs = new OutputCollector();
  program
    .command('merge')
    .description('join shard files of one run, run the cross-document rules and report as one run')
    .argument('<shards...>', 'shard files written by check --shard I/N --format shard --output FILE')
    .addOption(specOption())
    .addOption(configOption())
    .addOption(ruleOption())
    .addOption(new Option('-f, --format <name>', 'output format (repeatable)').argParser(mergeOutputs.format))
    .addOption(new Option('-o, --output <file>', 'write the preceding --format to this file').argParser(mergeOutputs.output))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .addOption(colorOption())
    .addOption(noColorOption())
    .addOption(debugOption())
    .action(async (shards: string[], options: Record<string, unknown>) => {
      const { mergeCommand } = await import('./merge.js');
      state.exitCode = await mergeCommand(shards, { ...options, outputs: mergeOutputs.resolved(), argv }, io);
    });

  const discoverOutputs = new OutputCollector();
  program
    .command('discover')
    .description('draft a spec (onemessage.discovered.yaml) from what the content already says')
    .argument('[paths...]', 'files and folders to read (default: this folder)')
    .option('-s, --spec <file>', "an existing spec whose channels and settings to use (default: onemessage.yaml here or in a parent, if any)")
    .addOption(new Option('-f, --format <name>', 'summary format: stylish, markdown, json (repeatable)').argParser(discoverOutputs.format))
    .addOption(new Option('-o, --output <file>', 'write the preceding --format to this file').argParser(discoverOutputs.output))
    .option('--draft <file>', 'where to write the draft spec (default: onemessage.discovered.yaml in the folder read)')
    .option('--no-draft', 'write no draft, only the summary')
    .option('--force', 'overwrite an existing draft')
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { discoverCommand } = await import('./discover.js');
      state.exitCode = await discoverCommand(paths, { ...options, outputs: discoverOutputs.resolved() }, io);
    });

  program
    .command('matrix')
    .description('show each fact as every channel states it, with contradictions marked')
    .argument('[paths...]', 'files, folders and quoted globs to read (default: the folder of the spec)')
    .addOption(specOption())
    .addOption(configOption())
    .addOption(ruleOption())
    .option('-f, --format <name>', 'table (default) or json')
    .addOption(asOfOption())
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { matrixCommand } = await import('./matrix.js');
      state.exitCode = await matrixCommand(paths, { ...options, argv }, io);
    });

  program
    .command('init')
    .description('write a commented onemessage.yaml, with channels guessed from your folders')
    .argument('[folder]', 'where to write it (default: this folder)')
    .option('--force', 'replace an existing spec')
    .action(async (folder: string | undefined, options: { force?: boolean }) => {
      const { initCommand } = await import('./init.js');
      state.exitCode = await initCommand(folder, options, io);
    });

  program
    .command('lsp')
    .description('run the language server for editors, over standard input and output (see docs/editors.md)')
    .option('--stdio', 'speak LSP over standard input and output (the default and only transport)')
    .action(async () => {
      const { lspCommand } = await import('./lsp.js');
      state.exitCode = await lspCommand(io);
    });

  program
    .command('rules')
    .description('list every rule with its default severity')
    .action(async () => {
      const { rulesCommand } = await import('./rules.js');
      state.exitCode = rulesCommand(io);
    });

  program
    .command('explain')
    .description("print a rule's documentation with its bad and good examples (without RULE: list the rules)")
    .argument('[rule]', 'a rule id, e.g. claim/forbidden')
    .action(async (ruleId: string | undefined) => {
      const { explainCommand } = await import('./rules.js');
      state.exitCode = explainCommand(ruleId, io);
    });

}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings expects a whole number, found "${value}"`);
  return Number(value);
}

function parseThreads(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--threads expects a whole number, found "${value}"`);
  return Number(value);
}
