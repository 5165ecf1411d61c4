/**
 * `--format ./path/to/formatter.js`: a formatter of one's own, as ESLint takes one. The module
 * exports a reporter (`{ format(result, options) }`) or just the function, by default or as
 * `format`; it gets the same RunResult and options as the built-in reporters.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { reporterFor, reporterNames } from '../report/index.js';
import type { Reporter } from '../report/reporter.js';
import { UsageError } from '../spec/errors.js';
import type { OutputTarget } from './outputs.js';

/** A `--format` value that names a module rather than a built-in reporter. */
export function isFormatterPath(name: string): boolean {
  return /^\.{1,2}[\\/]/.test(name) || path.isAbsolute(name) || /\.[cm]?js$/.test(name);
}

/** Checks every target's format and loads the ones given by path; `also` are names a command accepts besides the reporters. */
export async function resolveFormatters(targets: OutputTarget[], cwd: string, also: readonly string[] = []): Promise<void> {
  for (const target of targets) {
    if (reporterFor(target.format) || also.includes(target.format)) continue;
    if (!isFormatterPath(target.format)) throw new UsageError(`unknown format "${target.format}" (one of: ${reporterNames().join(', ')})`);
    target.reporter = await loadFormatter(target.format, cwd);
  }
}

async function loadFormatter(given: string, cwd: string): Promise<Reporter> {
  const abs = path.resolve(cwd, given);
  let module: { default?: unknown; format?: unknown };
  try {
    module = (await import(pathToFileURL(abs).href)) as typeof module;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ERR_MODULE_NOT_FOUND' ? 'no such file' : (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new UsageError(`--format ${given}: cannot load the formatter (${why})`);
  }
  const candidate = module.default ?? module.format;
  const format = typeof candidate === 'function' ? candidate : (candidate as { format?: unknown } | undefined)?.format ?? module.format;
  if (typeof format !== 'function') throw new UsageError(`--format ${given}: the module exports no formatter (export default function format(result, options) { return text; })`);
  return {
    name: given,
    description: `formatter ${given}`,
    format: (result, options) => {
      const text = (format as Reporter['format'])(result, options);
      if (typeof text !== 'string') throw new UsageError(`--format ${given}: the formatter returned ${typeof text}, not text`);
      return text;
    },
  };
}
