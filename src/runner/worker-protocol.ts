/** The messages between the pool and its worker threads: plain data, structured-cloned. */
import type { FileOutcome } from '../lint/file.js';
import type { DiscoveredFile } from '../lint/paths.js';
import type { Spec } from '../spec/types.js';

export interface WorkerSetup {
  spec: Spec;
  asOf: string;
  prefilter: boolean;
  debug?: boolean;
}

export interface WorkerTask {
  id: number;
  items: Array<{ file: DiscoveredFile; bytes: Uint8Array; sha256: string }>;
}

export interface WorkerReply {
  id: number;
  outcomes: Array<FileOutcome | null>;
}
