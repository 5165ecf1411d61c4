/**
 * Which reader the spec's `formats.extensions` gives a file: a glob (relative to the spec's folder)
 * first, in the spec's order, since it names files more narrowly than an extension; then its
 * extension. Undefined leaves the file to the reader its extension has by default.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { ReaderName, Spec } from '../spec/types.js';
import { toPosix } from './paths.js';

export type ReaderOf = (abs: string) => ReaderName | undefined;

export function readerResolver(spec: Spec): ReaderOf {
  const entries = spec.formats.extensions ?? [];
  if (entries.length === 0) return () => undefined;
  const byExtension = new Map<string, ReaderName>();
  const globs: Array<{ test: (rel: string) => boolean; reader: ReaderName }> = [];
  for (const { pattern, reader } of entries) {
    if (/^\.[^/*?{}[\]]+$/.test(pattern)) byExtension.set(pattern.toLowerCase(), reader);
    else globs.push({ test: picomatch(pattern, { dot: true }), reader });
  }
  return (abs) => {
    const rel = toPosix(path.relative(spec.dir, abs));
    if (!rel.startsWith('../')) for (const glob of globs) if (glob.test(rel)) return glob.reader;
    const name = path.basename(abs).toLowerCase();
    // `.html.erb` as well as `.erb`: the longest extension the spec names wins.
    let best: ReaderName | undefined;
    let bestLength = 0;
    for (const [extension, reader] of byExtension) {
      if (name.endsWith(extension) && name.length > extension.length && extension.length > bestLength) {
        best = reader;
        bestLength = extension.length;
      }
    }
    return best;
  };
}
