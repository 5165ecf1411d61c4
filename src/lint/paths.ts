/** File names as the linter knows them: absolute for reading, relative with `/` for every report. */
import path from 'node:path';

/** A file to lint. */
export interface DiscoveredFile {
  /** absolute path */
  abs: string;
  /** relative to the working folder, `/` separators */
  rel: string;
  /** named on the command line (or by an editor), rather than found in a folder */
  explicit?: boolean;
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}
