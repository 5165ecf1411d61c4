/**
 * Spec exceptions: waivers written in the spec for findings in files that cannot carry a comment
 * (a macro export, a PDF's text). Applied after every rule ran; an exception past its `until`
 * date no longer applies and is itself reported at its place in the spec (`exception/expired`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Exception, Spec } from '../spec/types.js';
import type { Finding, Position, Severity } from '../model/finding.js';
import { toPosix } from '../runner/files.js';
import { fingerprintOf } from '../model/fingerprint.js';

export interface ApplyExceptionsOptions {
  findings: Finding[];
  spec: Spec;
  /** the working folder finding paths are relative to */
  cwd: string;
  /** `YYYY-MM-DD`; an exception applies through its `until` day */
  asOf: string;
  /** severity of exception/expired, or undefined when the spec turns it off */
  expiredSeverity?: Severity;
}

/** Marks the findings exceptions waive; returns one `exception/expired` finding per expired exception. */
export function applyExceptions(options: ApplyExceptionsOptions): Finding[] {
  const { spec, findings } = options;
  const out: Finding[] = [];
  const live: Array<{ exception: Exception; test: (file: string) => boolean }> = [];
  for (const exception of spec.exceptions) {
    if (exception.until !== undefined && exception.until < options.asOf) {
      if (options.expiredSeverity) out.push(expired(exception, options.expiredSeverity, options.cwd));
      continue;
    }
    live.push({ exception, test: picomatch(exception.files, { dot: true }) });
  }
  if (live.length === 0) return out;
  for (const finding of findings) {
    if (finding.suppression) continue;
    // Globs are relative to the spec's folder, finding paths to the working folder.
    const rel = toPosix(path.relative(spec.dir, path.resolve(options.cwd, finding.path)));
    const hit = live.find(({ exception, test }) => exception.rule === finding.ruleId && (exception.item === undefined || exception.item === finding.item?.id) && test(rel));
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
  return out;
}

function expired(exception: Exception, severity: Severity, cwd: string): Finding {
  const label = `${exception.rule}${exception.item ? `:${exception.item}` : ''} in "${exception.files}"`;
  const { start, excerpt } = placeInSpec(exception, cwd);
  const message = `The exception for ${label} expired on ${exception.until}${exception.approvedBy ? ` (approved by ${exception.approvedBy})` : ''}; it no longer applies. Renew it with a new "until" or remove it.`;
  return {
    ruleId: 'exception/expired',
    severity,
    message,
    path: exception.pos.file,
    start,
    end: start,
    excerpt,
    related: [],
    item: { kind: 'exception', id: label, file: exception.pos.file, line: exception.pos.line, column: exception.pos.column },
    fingerprint: fingerprintOf({ ruleId: 'exception/expired', itemId: label, path: exception.pos.file, neighbourhood: `${exception.until}` }),
  };
}

/** The exception's position with its offset in the spec file, and the line it starts on. */
function placeInSpec(exception: Exception, cwd: string): { start: Position; excerpt: string } {
  const { line, column } = exception.pos;
  try {
    const text = readFileSync(path.resolve(cwd, exception.pos.file), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/(?<=\n)/);
    const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length, 0) + column - 1;
    return { start: { line, column, offset }, excerpt: (lines[line - 1] ?? '').replace(/\r?\n$/, '').trim() };
  } catch {
    // A built-in pack or a spec that moved: the line and column still say where.
    return { start: { line, column, offset: 0 }, excerpt: '' };
  }
}
