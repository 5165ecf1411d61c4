/**
 * The one diagnostic type, carried unchanged from rule to reporter: where, what, which spec
 * item, and the other side of a contradiction.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A point in a source file: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** The spec item a finding is about, and where the spec defines it. */
export interface SpecItemRef {
  /** `fact`, `claim`, `product`, `promise`, `disclosure`, `term`, `exception` */
  kind: string;
  id: string;
  /** spec file that defines it (relative to the working folder), a pack name for built-in packs */
  file: string;
  line: number;
  column: number;
}

/** Another place that explains the finding: the other side of a contradiction, the spec line. */
export interface RelatedLocation {
  path: string;
  start: Position;
  end: Position;
  message: string;
  excerpt?: string;
  channel?: string;
  /** for a place inside a multi-document file (a macro export) */
  documentTitle?: string;
  documentId?: string;
}

/** A replacement of source[start, end) by `text`, in source offsets. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  start: Position;
  end: Position;
  /** the source text at [start, end) */
  excerpt: string;
  channel?: string;
  /** the document inside a multi-document file (a macro's title and id) */
  documentTitle?: string;
  documentId?: string;
  documentInactive?: boolean;
  item?: SpecItemRef;
  related: RelatedLocation[];
  fix?: Fix;
  /** stable across edits elsewhere in the file: rule, item, file, matched text and its neighbourhood */
  fingerprint?: string;
  /** a waived finding still appears in reports, marked, with who waived it and why */
  suppression?: Suppression;
}

export interface Suppression {
  kind: 'directive' | 'exception' | 'baseline';
  reason: string;
  approvedBy?: string;
  until?: string;
  /** where the directive or exception is written */
  path?: string;
  line?: number;
}

/** One cell of the fact-by-channel message map: a value a channel states, and where. */
export interface MatrixValue {
  /** the value as first written in this channel */
  text: string;
  /** canonical key of the value; two cells with the same key state the same value */
  key: string;
  count: number;
  locations: Array<{ path: string; line: number; column: number }>;
  /** differs from the spec's value, or from the reference value of an agree-only fact */
  conflicting: boolean;
}

export interface MatrixRow {
  fact: string;
  /** the spec's value as written, if the fact has one */
  specValue?: string;
  /** channel name (or `(none)`) -> values stated there */
  channels: Record<string, MatrixValue[]>;
  conflict: boolean;
}

/** What the run knows about each file it read. */
export interface FileRecord {
  path: string;
  format?: string;
  channel?: string;
  /** SHA-256 of the raw bytes, hex; absent when the file could not be read */
  sha256?: string;
  documents: number;
  bytes: number;
}

export interface RunResult {
  /** version of onemessage that produced it */
  version: string;
  spec: { path: string; sha256: string; brand?: string };
  asOf: string;
  files: FileRecord[];
  findings: Finding[];
  /** spec warnings (a channel glob that matches nothing...) */
  warnings: string[];
  /** when the run started, ISO 8601; the one field allowed to differ between identical runs */
  startedAt?: string;
  /** the command line, for the audit block of reports */
  command?: string[];
  /** channel names in the spec's order */
  channels?: string[];
  /** the fact-by-channel message map */
  matrix?: MatrixRow[];
  /** with --baseline: the baseline file, how many of its entries matched, and the ones that no longer match (fixed) */
  baseline?: {
    file: string;
    matched: number;
    fixed: Array<{ path: string; ruleId: string; item?: string; fingerprint: string; excerpt: string; message: string }>;
  };
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The one order of findings, so output never depends on file order or scheduling. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.path, b.path) ||
    a.start.offset - b.start.offset ||
    a.end.offset - b.end.offset ||
    cmp(a.ruleId, b.ruleId) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    cmp(a.item?.id ?? '', b.item?.id ?? '') ||
    cmp(a.message, b.message)
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
