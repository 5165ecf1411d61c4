/** What a run produces: the files it read, its findings in one order, the message map, and warnings. */
import type { Finding } from './finding.js';

/** One cell of the fact-by-channel message map: a value a channel states, and where. */
export interface MatrixValue {
  /** the value as first written in this channel */
  text: string;
  /** canonical key of the value; two cells with the same key state the same value */
  key: string;
  count: number;
  /** how many of `count` are inferred statements (found beyond the templates, from the fact's topic) */
  inferred?: number;
  locations: Array<{ path: string; line: number; column: number; inferred?: true }>;
  /** differs from the spec's value, or from the reference value of an agree-only fact; every value of a tie */
  conflicting: boolean;
}

export interface MatrixRow {
  fact: string;
  /** with nested specs: the spec this row's statements were checked against */
  spec?: string;
  /** the spec's value as written, if the fact has one */
  specValue?: string;
  /** channel name (or `(none)`) -> values stated there */
  channels: Record<string, MatrixValue[]>;
  conflict: boolean;
  /**
   * For an agree-only fact whose most-stated values are stated by as many documents each: those
   * values, as first written. No value is the reference; every statement is marked conflicting.
   */
  tie?: string[];
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
  /** with nested specs: the spec the file was checked against */
  spec?: string;
}

/** How many files a summary counts: the files read and any other file a finding is in (the spec, for an expired exception). */
export function filesCounted(result: Pick<RunResult, 'files' | 'findings'>, findings: readonly { path: string }[] = result.findings): number {
  const paths = new Set(result.files.map((file) => file.path));
  for (const finding of findings) paths.add(finding.path);
  return paths.size;
}

/**
 * Why files were passed over: `mappable` (text a reader could read, once the spec's
 * `formats.extensions` maps it), `not-copy` (images, fonts, media, archives, binaries), `code`
 * (source, styles, configuration, data), `other` (unknown extensions, files without one).
 */
export type NotReadReason = 'mappable' | 'not-copy' | 'code' | 'other';

/** Files of one extension a folder walk found and passed over, since no reader reads them. */
export interface NotRead {
  /** lower case with its dot (`.njk`); `''` for files without an extension */
  extension: string;
  files: number;
  reason: NotReadReason;
}

/** The commit the checked files come from, and whether the working tree below the spec's folder matched it. */
export interface GitState {
  /** the full hash of HEAD */
  commit: string;
  /** no file below the spec's folder was modified, staged or untracked (ignored files aside) */
  clean: boolean;
  /** how many such files there were */
  changed: number;
}

export interface RunResult {
  /** version of onemessage that produced it */
  version: string;
  spec: { path: string; sha256: string; brand?: string; owner?: string; revision?: string };
  /** with nested specs: every spec the run used, the root first (`spec` above) */
  specs?: Array<{ path: string; sha256: string; brand?: string; owner?: string; revision?: string }>;
  asOf: string;
  files: FileRecord[];
  findings: Finding[];
  /** spec warnings (a channel glob that matches nothing...) */
  warnings: string[];
  /** files folder walks passed over, by reason then by count (most first); absent when none */
  notRead?: NotRead[];
  /** when the run started, ISO 8601; the one field allowed to differ between identical runs */
  startedAt?: string;
  /** the command line, for the audit block of reports */
  command?: string[];
  /** the commit and working-tree state, read from the local git binary when a report records them */
  git?: GitState;
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
