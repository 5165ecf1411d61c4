/** The messages between the pool and its worker threads: plain data, structured-cloned. */
import type { FileOutcome } from '../lint/file.js';
import type { DiscoveredFile } from '../lint/paths.js';
import type { Spec } from '../spec/types.js';

export interface WorkerSetup {
  /** every spec of the run (nested specs); a task's item names its own by index */
  specs: Spec[];
  asOf: string;
  /** the working folder: plugins must lie inside its repository */
  cwd: string;
  prefilter: boolean;
  debug?: boolean;
}

export interface WorkerTask {
  id: number;
  items: Array<{ file: DiscoveredFile; bytes: Uint8Array; sha256: string; group: number }>;
}

export interface WorkerReply {
  id: number;
  outcomes: Array<FileOutcome | null>;
}
