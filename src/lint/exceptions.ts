/**
 * Spec exceptions: waivers written in the spec for findings in files that cannot carry a comment
 * (a macro export, a PDF's text), applied after every rule ran. An exception past its `until`
 * date waives nothing; `exception/expired` then reports it.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { Finding } from '../model/finding.js';
import type { Spec } from '../spec/types.js';
import { toPosix } from './paths.js';
import type { JudgedException } from './rule.js';

export interface ApplyExceptionsOptions {
  findings: Finding[];
  spec: Spec;
  /** the working folder finding paths are relative to */
  cwd: string;
  /** `YYYY-MM-DD`; an exception applies through its `until` day */
  asOf: string;
}

/** Marks the findings live exceptions waive; returns every exception with whether it has expired. */
export function applyExceptions(options: ApplyExceptionsOptions): JudgedException[] {
  const { spec, findings } = options;
  const judged: JudgedException[] = spec.exceptions.map((exception) => ({ exception, expired: exception.until !== undefined && exception.until < options.asOf }));
  const live = judged.filter((entry) => !entry.expired).map(({ exception }) => ({ exception, test: picomatch(exception.files, { dot: true }) }));
  if (live.length === 0) return judged;
  for (const finding of findings) {
    if (finding.suppression) continue;
    // Globs are relative to the spec's folder, finding paths to the working folder.
    const rel = toPosix(path.relative(spec.dir, path.resolve(options.cwd, finding.path)));
    const hit = live.find(({ exception, test }) => (exception.rule === finding.ruleId || exception.rule === `${finding.ruleId}/${finding.variant}`) && (exception.item === undefined || exception.item === finding.item?.id) && test(rel));
    if (!hit) continue;
    const { exception } = hit;
    finding.suppression = {
      kind: 'exception',
      reason: exception.reason,
      ...(exception.approvedBy !== undefined ? { approvedBy: exception.approvedBy } : {}),
      ...(exception.until !== undefined ? { until: exception.until } : {}),
      path: exception.pos.file,
      line: exception.pos.line,
    };
  }
  return judged;
}
