/** Words for what a user wrote and where: `claims[0].says`, `a number (42)`. */
import type { PathSegment } from './yaml-source.js';

/** A path as a user reads it: `claims[0].says`, `facts.return-window`, or `the spec` for the root. */
export function displayPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the spec';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[\w/-]+$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** What was found, in a few words: `"forbiden"`, `a number (42)`, `a list`, `nothing`. */
export function describeFound(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'bigint') return `a number (${String(value)})`;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return 'a timestamp';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty map' : 'a map';
  return String(value);
}

/**
 * A string in double quotes, shortened so that a message stays one readable line. Not
 * JSON-escaped: a user who wrote `'\(a\)'` should read `"\(a\)"`, not `"\\(a\\)"`.
 */
export function quote(text: string, max = 60): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return `"${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}"`;
}
