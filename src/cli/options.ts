/**
 * The command line's options: the ones several commands share, written once so their spelling and
 * help never drift apart, and the flags `check` (and the commands built on it) receive.
 */
import { Option } from 'commander';
import type { OutputTarget } from './outputs.js';

export const specOption = () => new Option('-s, --spec <file>', 'the spec file (default: onemessage.yaml in this folder or a parent)');
export const asOfOption = () => new Option('--as-of <date>', 'the date claims are judged at, YYYY-MM-DD (default: today)');
export const debugOption = () => new Option('--debug', 'show stack traces of internal errors');
export const colorOption = () => new Option('--color', 'colour even when not on a terminal');
export const noColorOption = () => new Option('--no-color', 'no colour');
export const noBomOption = () => new Option('--no-bom', 'csv: leave out the UTF-8 byte-order mark (Excel needs it for non-ASCII text)');

export interface CheckFlags {
  spec?: string;
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
