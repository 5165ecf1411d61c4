/**
 * A diagnostic: a problem that is not a finding of a rule (a spec error or warning, a file or
 * folder the run could not walk), carried as a value from where it is found to where it is shown,
 * in the manner of vfile-message: one line for a terminal, a range for an editor.
 */

export type DiagnosticSeverity = 'error' | 'warning';

export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** what it is about: `spec` for the spec and its packs, `files` for the walk over the content */
  source: 'spec' | 'files';
  /** the problem, in one sentence; never holds a line break */
  reason: string;
  /** the file it is in, relative to the working folder (`pack:NAME` for a built-in pack) */
  file: string;
  /** 1-based line and column, where known */
  line?: number;
  column?: number;
}

/** The one line a terminal shows: `onemessage.yaml:12:5: unknown key "clams"; did you mean "claims"?` */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}:${diagnostic.column ?? 1}`;
  return `${where}: ${diagnostic.reason}`;
}

/** Diagnostics in the order a reader fixes them: by file (in the given order of files), then line and column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[], fileOrder: readonly string[] = []): Diagnostic[] {
  const rank = (d: Diagnostic): number => {
    const index = fileOrder.indexOf(d.file);
    return index < 0 ? fileOrder.length : index;
  };
  return [...diagnostics].sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
