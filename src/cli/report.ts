/**
 * `onemessage report`, the reviewer's command: runs the check and writes a report file
 * (`onemessage-report.html` by default), says where, and exits 0 whatever was found, since a
 * report is the product here and not a gate. Only a run that could not happen exits 2.
 */
import { filesCounted, type RunResult } from '../model/result.js';
import { UsageError } from '../spec/errors.js';
import { runCheck, writeReports, type CheckFlags } from './check.js';
import type { Io } from './io.js';
import type { OutputTarget } from './outputs.js';

export interface ReportFlags extends Pick<CheckFlags, 'spec' | 'config' | 'rule' | 'asOf' | 'argv' | 'bom'> {
  /** `--format`/`--output` pairs as given; a format without a file goes to its default file */
  outputs: OutputTarget[];
}

/** The formats a reviewer archives or hands on, with the extension of their default file. */
export const REPORT_FORMATS: Record<string, string> = { html: 'html', csv: 'csv', json: 'json', sarif: 'sarif', markdown: 'md', junit: 'xml' };

export const DEFAULT_REPORT_FORMAT = 'html';

export function defaultReportFile(format: string): string {
  return `onemessage-report.${REPORT_FORMATS[format]}`;
}

export async function reportCommand(paths: string[], flags: ReportFlags, io: Io): Promise<number> {
  const targets = reportTargets(flags.outputs);
  const result = await runCheck(paths, { ...flags, outputs: targets }, io);
  await writeReports(result, { outputs: targets, color: false, ...(flags.bom === false ? { bom: false } : {}) }, io);
  for (const target of targets) io.stdout(`Wrote ${target.file}: ${summary(result)}\n`);
  return 0;
}

/** Every target with its file: a format named without --output goes to onemessage-report.<ext>. */
export function reportTargets(given: OutputTarget[]): OutputTarget[] {
  const targets = given.length > 0 ? given : [{ format: DEFAULT_REPORT_FORMAT }];
  return targets.map((target) => {
    if (!Object.hasOwn(REPORT_FORMATS, target.format)) {
      throw new UsageError(`report cannot write "${target.format}" (one of: ${Object.keys(REPORT_FORMATS).join(', ')}); use check --format ${target.format} instead`);
    }
    return { format: target.format, file: target.file ?? defaultReportFile(target.format) };
  });
}

function summary(result: RunResult): string {
  const active = result.findings.filter((finding) => !finding.suppression);
  const count = (severity: string) => active.filter((finding) => finding.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
  if (count('info') > 0) parts.push(`${count('info')} info`);
  const waived = result.findings.length - active.length;
  const files = filesCounted(result);
  return `${plural(active.length, 'finding')} (${parts.join(', ')}) in ${plural(files, 'file')}${waived > 0 ? `, ${waived} waived` : ''}`;
}
