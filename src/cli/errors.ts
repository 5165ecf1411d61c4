/**
 * The one mapping from what went wrong to what the user sees and the exit code: a spec that
 * cannot be used and a usage error are one line each and exit 2; anything else is a bug in
 * onemessage, one line (its stack only under --debug), also exit 2.
 */
import { CommanderError } from 'commander';
import { formatDiagnostic } from '../model/diagnostic.js';
import { SpecLoadError, UsageError } from '../spec/errors.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface ErrorReport {
  /** lines for standard error, each ending in a line break; empty when commander printed its own */
  text: string;
  exitCode: number;
}

export function reportError(error: unknown, options: { debug: boolean }): ErrorReport {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and version are not errors.
    const quiet = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    return { text: '', exitCode: quiet ? EXIT_CLEAN : EXIT_USAGE };
  }
  if (error instanceof SpecLoadError) {
    return { text: error.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join(''), exitCode: EXIT_USAGE };
  }
  if (error instanceof UsageError) return { text: `onemessage: ${error.message}\n`, exitCode: EXIT_USAGE };
  const message = error instanceof Error ? error.message : String(error);
  let text = `onemessage: internal error: ${message}${options.debug ? '' : ' (run again with --debug for details)'}\n`;
  if (options.debug && error instanceof Error && error.stack) text += `${error.stack}\n`;
  return { text, exitCode: EXIT_USAGE };
}
