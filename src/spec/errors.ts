/**
 * Spec problems as values (Diagnostics with file:line:col), and the two exceptions the edges
 * throw: a spec that cannot be used, and a usage error (bad flag, missing file).
 */
import { formatDiagnostic, type Diagnostic, type DiagnosticSeverity } from '../model/diagnostic.js';

/** A problem with the spec at file:line:col (line and column where known). */
export function specError(reason: string, file: string, line?: number, column?: number, severity: DiagnosticSeverity = 'error'): Diagnostic {
  return { severity, source: 'spec', reason, file, ...(line !== undefined ? { line, column: column ?? 1 } : {}) };
}

/** A legal but suspicious thing in the spec. */
export function specWarning(reason: string, pos: { file: string; line: number; column: number }): Diagnostic {
  return specError(reason, pos.file, pos.line, pos.column, 'warning');
}

/**
 * Thrown where a spec is needed and cannot be used (the CLI, `createSession`): it carries every
 * error, in source order, so that a user can fix them in one go. Its message is their one-line
 * forms, one per line.
 */
export class SpecLoadError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'SpecLoadError';
  }
}

/** A usage error (bad flag, missing spec): exit code 2, one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
