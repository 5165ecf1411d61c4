/**
 * Decides whether a file the prefilter proved free of phrases may go unparsed: only when parsing
 * it could not have produced anything but one quiet document, that is for formats whose reader
 * cannot fail on it and whose file carries no metadata that changes its record.
 */
import { frontMatterSpan, readFrontMatter } from './frontmatter.js';

/** Below this many `<`, HTML cannot nest deep enough to exhaust the reader's stack (tested). */
export const SAFE_HTML_TAGS = 800;

/** HTML reads quietly unless it may nest deep enough to be refused. */
export function htmlReadsQuietly(text: string): boolean {
  return countOf(text, '<') < SAFE_HTML_TAGS;
}

/** Markdown reads quietly unless its front matter may be broken or declare a channel. (MDX, CSV and the macro exports can be malformed, or hold many documents: they are always read.) */
export function markdownReadsQuietly(text: string): boolean {
  return frontMatterIsQuiet(text);
}

/**
 * Markdown's only failure is invalid YAML front matter, and its only record-changing metadata is
 * `channel:`, and it notes a key set twice. A text that opens with `---` is judged by reading its
 * front matter; when the fence is not closed as the reader would close it, the file is parsed.
 */
function frontMatterIsQuiet(text: string): boolean {
  if (!text.startsWith('---')) return true;
  const span = frontMatterSpan(text);
  if (!span) return false;
  try {
    const matter = readFrontMatter({ source: text, start: span.start, end: span.end, fields: [] });
    return matter.declaredChannel === undefined && matter.notes.length === 0;
  } catch {
    return false;
  }
}

function countOf(text: string, ch: string): number {
  let count = 0;
  for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) count++;
  return count;
}
