/**
 * How the language server's specs read the files they extend: an open editor buffer before the
 * disk (a spec is checked as it is typed, and so is a file it extends), and a record of every
 * file read, so that a change to any of them reloads the spec.
 */
import path from 'node:path';
import { builtinPackDir } from '../package-root.js';
import { nodeSpecHost } from '../spec/load.js';
import type { SpecHost } from '../spec/parse.js';

export interface RecordingSpecHost extends SpecHost {
  /** absolute paths of every spec file read so far (packs included) */
  readonly files: ReadonlySet<string>;
}

export function editorSpecHost(options: { cwd: string; buffer(abs: string): string | undefined }): RecordingSpecHost {
  const disk = nodeSpecHost({ cwd: options.cwd, packDirs: [builtinPackDir()] });
  const files = new Set<string>();
  return {
    ...disk,
    files,
    read(absPath) {
      files.add(path.resolve(absPath));
      const open = options.buffer(path.resolve(absPath));
      return open !== undefined ? { text: open } : disk.read(absPath);
    },
  };
}
