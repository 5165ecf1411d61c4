/**
 * The JSON reporter: the full result, versioned by `schemaVersion` so that tools reading it can
 * tell when its shape changes. Documented in docs/json-output.md.
 */
import type { RunResult } from '../model/result.js';
import type { Reporter } from './reporter.js';

export const JSON_SCHEMA_VERSION = 1;

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
  description: 'The full result as JSON, versioned with schemaVersion',
  format(result) {
    const out = {
      schemaVersion: JSON_SCHEMA_VERSION,
      tool: { name: 'onemessage', version: result.version },
      spec: result.spec,
      asOf: result.asOf,
      ...(result.startedAt ? { startedAt: result.startedAt } : {}),
      ...(result.command ? { command: result.command } : {}),
      summary: summarize(result),
      ...(result.channels ? { channels: result.channels } : {}),
      files: result.files,
      // Schema version 1 does not carry message ids; they stay in memory (and the cache) until the schema's next version.
      findings: result.findings.map(({ messageId: _messageId, ...finding }) => finding),
      warnings: result.warnings,
      ...(result.notRead ? { notRead: result.notRead } : {}),
      ...(result.matrix ? { matrix: result.matrix } : {}),
      ...(result.baseline ? { baseline: result.baseline } : {}),
    };
    return `${JSON.stringify(out, null, 2)}\n`;
  },
};
