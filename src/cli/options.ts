/**
 * The command line's options: the ones several commands share, written once so their spelling and
 * help never drift apart, and the flags `check` (and the commands built on it) receive.
 */
import { Option } from 'commander';
import type { Severity } from '../model/finding.js';
import { UsageError } from '../spec/errors.js';
import type { OutputTarget } from './outputs.js';

export const specOption = () => new Option('-s, --spec <file>', 'the spec file (default: onemessage.yaml in this folder or a parent)');
export const asOfOption = () => new Option('--as-of <date>', 'the date claims are judged at, YYYY-MM-DD (default: today)');
export const debugOption = () => new Option('--debug', 'show stack traces of internal errors');
export const configOption = () => new Option('-c, --config <file>', 'the same as --spec');
export const ruleOption = () =>
  new Option('--rule <rule: severity>', "override a rule's severity, e.g. --rule 'claim/evidence: off' (error, warning, info or off; repeatable)").argParser(collectRule);
export const printConfigOption = () => new Option('--print-config [file]', 'print the resolved spec (after extends) as YAML, or the one FILE is checked against, and stop');
export const ignorePathOption = () => new Option('--ignore-path <file>', 'also ignore what this file lists, in .gitignore syntax (repeatable)').argParser(collect);
export const ignorePatternOption = () => new Option('--ignore-pattern <glob>', 'also ignore files matching this .gitignore-style pattern, relative to the working folder (repeatable)').argParser(collect);
export const cacheLocationOption = () => new Option('--cache-location <path>', 'where to keep the cache (a file, or a folder for .onemessage-cache); implies --cache');
export const colorOption = () => new Option('--color', 'colour even when not on a terminal');
export const noColorOption = () => new Option('--no-color', 'no colour');
export const noBomOption = () => new Option('--no-bom', 'csv: leave out the UTF-8 byte-order mark (Excel needs it for non-ASCII text)');

export interface CheckFlags {
  spec?: string;
  /** `-c, --config`: the same as --spec, as ESLint and markdownlint spell it */
  config?: string;
  /** --rule 'ID: SEVERITY', parsed: rule id -> severity or off, over the spec's */
  rule?: Record<string, Severity | 'off'>;
  /** --print-config [FILE]: print the resolved spec (the one FILE is checked against) and stop */
  printConfig?: string | boolean;
  /** --ignore-path FILE (repeatable): more ignore files in .gitignore syntax */
  ignorePath?: string[];
  /** --ignore-pattern GLOB (repeatable): more ignore patterns, relative to the working folder */
  ignorePattern?: string[];
  /** --cache-location PATH: the cache file (or a folder for .onemessage-cache); implies --cache */
  cacheLocation?: string;
  outputs: OutputTarget[];
  quiet?: boolean;
  maxWarnings?: number;
  asOf?: string;
  color?: boolean;
  /** false (`--no-bom`): a CSV without the UTF-8 byte-order mark */
  bom?: boolean;
  /** the command line as given, for the audit block of reports */
  argv?: string[];
  /** read the one document from standard input, named by stdinFilename */
  stdin?: boolean;
  stdinFilename?: string;
  /** read the spec's whole folder for cross-document rules and report only the given paths */
  corpus?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  /** `true` for the default file (.onemessage-baseline.json beside the spec) */
  baseline?: string | boolean;
  writeBaseline?: string | boolean;
  /** keep and reuse per-file outcomes in .onemessage-cache */
  cache?: boolean;
  /** report only files git says changed since this ref (plus untracked ones); read the spec's whole folder */
  changedSince?: string;
  /** `I/N`: check a stable share of the files and write a shard file for `onemessage merge` */
  shard?: string;
  /** false (`--no-prefilter`): parse every file */
  prefilter?: boolean;
  /** worker threads (0: none) */
  threads?: number;
  /** show stacks of internal errors */
  debug?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const SEVERITY_WORDS = ['error', 'warning', 'info', 'off'];

/** `ID: SEVERITY` (or several, comma-separated) into the map of overrides; ESLint's `warn` is `warning`. */
export function collectRule(value: string, previous: Record<string, Severity | 'off'> | undefined): Record<string, Severity | 'off'> {
  const out = { ...(previous ?? {}) };
  for (const part of value.split(',').map((text) => text.trim()).filter(Boolean)) {
    const match = /^([^\s:=]+)\s*[:=]\s*(\S+)$/.exec(part);
    if (!match) throw new UsageError(`--rule expects 'RULE: SEVERITY' (e.g. 'claim/evidence: off'), found "${part}"`);
    const severity = match[2]! === 'warn' ? 'warning' : match[2]!;
    if (!SEVERITY_WORDS.includes(severity)) {
      const hint = SEVERITY_WORDS.find((word) => word.startsWith(severity.slice(0, 2)));
      throw new UsageError(`--rule ${match[1]}: expected error, warning, info or off, found "${match[2]}"${hint ? `; did you mean "${hint}"?` : ''}`);
    }
    out[match[1]!] = severity as Severity | 'off';
  }
  return out;
}
