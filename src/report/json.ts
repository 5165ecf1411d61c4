/**
 * The JSON reporter: the full result, versioned by `schemaVersion` so that tools reading it can
 * tell when its shape changes. Documented in docs/reporters.md.
 */
import type { RunResult } from '../model/result.js';
import type { Reporter } from './reporter.js';

/**
 * 2 added, and changed nothing of 1: each finding's `messageId` and `context` (its sentence),
 * each related location's `kind`, the spec's `owner` and `revision`, the run's `git` state, and
 * `notRead` (the files a folder walk passed over).
 */
export const JSON_SCHEMA_VERSION = 2;

export function summarize(result: RunResult) {
  const active = result.findings.filter((f) => !f.suppression);
  return {
    files: result.files.length,
    documents: result.files.reduce((sum, file) => sum + file.documents, 0),
    errors: active.filter((f) => f.severity === 'error').length,
    warnings: active.filter((f) => f.severity === 'warning').length,
    infos: active.filter((f) => f.severity === 'info').length,
    suppressed: result.findings.length - active.length,
    fixable: active.filter((f) => f.fix).length,
  };
}

export const json: Reporter = {
  name: 'json',
  audit: true,
  description: 'The full result as JSON, versioned with schemaVersion',
  format(result) {
    const out = {
      schemaVersion: JSON_SCHEMA_VERSION,
      tool: { name: 'onemessage', version: result.version },
      spec: result.spec,
      ...(result.specs ? { specs: result.specs } : {}),
      asOf: result.asOf,
      ...(result.startedAt ? { startedAt: result.startedAt } : {}),
      ...(result.command ? { command: result.command } : {}),
      ...(result.git ? { git: result.git } : {}),
      summary: summarize(result),
      ...(result.channels ? { channels: result.channels } : {}),
      files: result.files,
      findings: result.findings,
      warnings: result.warnings,
      ...(result.notRead ? { notRead: result.notRead } : {}),
      ...(result.matrix ? { matrix: result.matrix } : {}),
      ...(result.baseline ? { baseline: result.baseline } : {}),
    };
    return `${JSON.stringify(out, null, 2)}\n`;
  },
};
