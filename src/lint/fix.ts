/**
 * Applies fixes to one file's text: non-overlapping ones only (of two that overlap the first
 * wins and the other waits for the next pass, as in ESLint), applied from the end so earlier
 * offsets stay valid. A fix that would write what is already there is no fix.
 */
import type { Finding, Fix } from '../model/finding.js';
import { formatFor } from '../formats/index.js';

export interface AppliedFixes {
  text: string;
  /** the fixes written, in source order */
  applied: Fix[];
  /** fixes left for a later pass because they overlap one that was applied */
  deferred: Fix[];
}

/**
 * Fixes in the order given; `escape` turns each replacement into source text, or refuses it
 * (undefined). `stats` is a test hook: it counts the characters written, so a test can check
 * linear time without a clock.
 */
export function applyFixes(text: string, fixes: Fix[], escape: (fix: Fix) => string | undefined = (fix) => fix.text, stats?: { copied: number }): AppliedFixes {
  const chosen: Fix[] = [];
  const deferred: Fix[] = [];
  const ordered = fixes.map((fix, index) => ({ fix, index })).sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end || a.index - b.index);
  let lastEnd = -1;
  let lastStart = -1;
  for (const { fix } of ordered) {
    if (fix.start < 0 || fix.end > text.length || fix.end < fix.start) continue;
    const source = escape(fix);
    if (source === undefined || text.slice(fix.start, fix.end) === source) continue;
    // Touching is fine; overlapping, or two insertions at one point, is not.
    if (fix.start < lastEnd || (fix.start === lastStart && fix.start === fix.end)) {
      deferred.push(fix);
      continue;
    }
    chosen.push({ start: fix.start, end: fix.end, text: source });
    lastEnd = fix.end;
    lastStart = fix.start;
  }
  // One pass over the text, each character copied once: rebuilding the text per fix made 15,000
  // fixes in a 1.7 MB export take two minutes.
  const pieces: string[] = [];
  let at = 0;
  for (const fix of chosen) {
    pieces.push(text.slice(at, fix.start), fix.text);
    if (stats) stats.copied += fix.start - at + fix.text.length;
    at = fix.end;
  }
  pieces.push(text.slice(at));
  if (stats) stats.copied += text.length - at;
  return { text: pieces.join(''), applied: chosen, deferred };
}

/**
 * Applies fixes to one file's text as its format writes them: each replacement escaped for where
 * it lands (a JSON string, HTML text), or left for a person when it cannot be written there. The
 * format's modules must be loaded (`loadFormatsFor`).
 */
export function applyFixesToSource(options: { path: string; text: string; fixes: Fix[]; reader?: string }): AppliedFixes {
  const { text } = options;
  // The reader that read the file (the spec may choose it: formats.extensions) escapes the fix.
  const format = formatFor(options.path, text, options.reader);
  const escape = format?.escapeReplacement;
  return applyFixes(text, options.fixes, (fix) => (escape ? escape(fix.text, { source: text, start: fix.start, end: fix.end }) : fix.text));
}

/**
 * The fixes `--fix` may apply, by file: those of findings no directive or spec exception waives
 * (a waiver keeps the wording on purpose); findings the baseline records are fixed, since fixing
 * them by machine only shrinks the baseline.
 */
export function fixesByFile(findings: Finding[]): Map<string, Fix[]> {
  const out = new Map<string, Fix[]>();
  for (const finding of findings) {
    if (!finding.fix) continue;
    if (finding.suppression && finding.suppression.kind !== 'baseline') continue;
    const list = out.get(finding.path);
    if (list) list.push(finding.fix);
    else out.set(finding.path, [finding.fix]);
  }
  return out;
}
