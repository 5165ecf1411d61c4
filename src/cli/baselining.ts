/**
 * `--write-baseline [FILE]` and `--baseline [FILE]`: record today's findings, or report only the
 * ones the baseline does not hold and list its entries that no longer match as fixed. Both at
 * once rewrite the baseline with only the entries that still match, so it only ever shrinks.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { applyBaseline, baselineOf, DEFAULT_BASELINE_FILE, parseBaseline, serializeBaseline, type Baseline } from '../lint/baseline.js';
import type { RunResult } from '../model/result.js';
import { UsageError } from '../spec/errors.js';
import type { Io } from './io.js';

export interface BaselineFlags {
  /** `true` for the default file */
  baseline?: string | boolean;
  writeBaseline?: string | boolean;
}

/** FILE relative to the working folder; the default sits beside the spec, at the content repo's root. */
function resolveBaselinePath(value: string | boolean, specDir: string, cwd: string): string {
  return typeof value === 'string' ? path.resolve(cwd, value) : path.join(specDir, DEFAULT_BASELINE_FILE);
}

function display(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || file;
}

export async function applyBaselineFlags(options: { result: RunResult; flags: BaselineFlags; specDir: string; io: Io }): Promise<void> {
  const { result, flags, io } = options;
  const cwd = io.cwd;
  let baseline: Baseline | undefined;
  let readFrom: string | undefined;
  if (flags.baseline !== undefined && flags.baseline !== false) {
    readFrom = resolveBaselinePath(flags.baseline, options.specDir, cwd);
    let text: string;
    try {
      text = await fs.readFile(readFrom, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot read the baseline ${display(readFrom, cwd)}${code === 'ENOENT' ? ' (write one first with --write-baseline)' : ` (${code})`}`);
    }
    const parsed = parseBaseline(text);
    if (!parsed.ok) throw new UsageError(`${display(readFrom, cwd)}: ${parsed.message}`);
    baseline = parsed.baseline;
  }
  if (flags.writeBaseline !== undefined && flags.writeBaseline !== false) {
    const file = resolveBaselinePath(flags.writeBaseline, options.specDir, cwd);
    // With --baseline too: keep only what still matches, so new findings are never adopted silently.
    const written = baseline ? { ...baseline, entries: applyBaseline({ findings: structuredClone(result.findings), baseline, file: display(file, cwd) }).matched } : baselineOf(result.findings);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, serializeBaseline(written));
    io.stderr(`onemessage: wrote ${written.entries.length} finding${written.entries.length === 1 ? '' : 's'} to the baseline ${display(file, cwd)}\n`);
    if (!baseline) {
      baseline = written;
      readFrom = file;
    }
  }
  if (!baseline || !readFrom) return;
  const { matched, fixed } = applyBaseline({ findings: result.findings, baseline, file: display(readFrom, cwd) });
  result.baseline = { file: display(readFrom, cwd), matched: matched.length, fixed };
}
