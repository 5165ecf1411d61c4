/**
 * Applies one file's fixes so that the document keeps its structure: each replacement is escaped
 * for where it lands (by its format), and the fixed text is read back with the same reader before
 * it is written. A fix after which the file does not read back to the same documents, blocks,
 * directives and metadata with only the replaced text changed (and, where the format declares one,
 * the same skeleton) is declined: it is reported as not fixable there and left for a person.
 */
import type { FormatModule, FormatOptions } from '../formats/format.js';
import { applyFixes } from '../lint/fix.js';
import { readDocuments } from '../lint/read-documents.js';
import type { Document, TextBlock } from '../model/document.js';
import type { Fix } from '../model/finding.js';

export interface DeclinedFix {
  fix: Fix;
  reason: string;
}

export interface CheckedFixes {
  text: string;
  /** the replacements written, in the original text's offsets, as written to the source (escaped) */
  applied: Fix[];
  /** fixes left for a later pass because they overlap one that was applied */
  deferred: Fix[];
  declined: DeclinedFix[];
}

export interface CheckFixesInput {
  format: FormatModule;
  path: string;
  text: string;
  fixes: Fix[];
  options: FormatOptions;
}

const UNSAFE = 'cannot be written there safely';
const BREAKS = "would change the document's structure there";

export function applyCheckedFixes(input: CheckFixesInput): CheckedFixes {
  const { format, text } = input;
  const declined: DeclinedFix[] = [];
  const escaped = new Map<Fix, string>();
  for (const fix of input.fixes) {
    if (fix.start < 0 || fix.end > text.length || fix.end < fix.start) continue;
    const source = format.escapeReplacement ? format.escapeReplacement(fix.text, { source: text, start: fix.start, end: fix.end }) : fix.text;
    if (source === undefined) declined.push({ fix, reason: UNSAFE });
    else escaped.set(fix, source);
  }
  const candidates = [...escaped.keys()];
  const apply = (fixes: Fix[]) => applyFixes(text, fixes, (fix) => escaped.get(fix));
  const first = apply(candidates);
  if (first.applied.length === 0) return { text, applied: [], deferred: first.deferred, declined };

  const reader = structureReader(input);
  if (!reader) return { text, applied: [], deferred: [], declined: [...declined, ...candidates.map((fix) => ({ fix, reason: BREAKS }))] };
  // Applied fixes never overlap, so a range names one of them.
  const byRange = new Map(candidates.map((fix) => [`${fix.start}:${fix.end}`, fix]));
  const original = (applied: Fix[]) => applied.map((edit) => byRange.get(`${edit.start}:${edit.end}`)!);
  if (reader.keeps(first.text, original(first.applied))) return { ...first, declined };

  // Some fix broke the document: find which, one at a time, and keep the others.
  const good: Fix[] = [];
  for (const fix of original(first.applied)) {
    const alone = apply([fix]);
    if (reader.keeps(alone.text, [fix])) good.push(fix);
    else declined.push({ fix, reason: BREAKS });
  }
  const together = apply(good);
  if (good.length <= 1 || reader.keeps(together.text, original(together.applied))) return { ...together, deferred: first.deferred, declined };
  // Fixes that are fine alone but not together: the first now, the rest in the next pass.
  const one = apply(good.slice(0, 1));
  return { ...one, deferred: [...first.deferred, ...good.slice(1)], declined };
}

let last: { key: { format: FormatModule; path: string; text: string; options: FormatOptions }; before: Document[] | undefined; skeleton: string | undefined } | undefined;

/** The original file read once, and a test of a fixed text against it; undefined when the original cannot be read. */
function structureReader(input: CheckFixesInput): { keeps(fixed: string, fixes: Fix[]): boolean } | undefined {
  const { format, path, options } = input;
  const read = (text: string): Document[] | undefined => {
    try {
      return readDocuments(format, { path, text, options });
    } catch {
      return undefined;
    }
  };
  const skeleton = (text: string): string | undefined => {
    try {
      return format.fixSkeleton?.(text);
    } catch {
      return undefined;
    }
  };
  // The same original is often checked again (each pass of a file, each fix of a split): read it once.
  const key = { format, path, text: input.text, options };
  if (!last || last.key.format !== format || last.key.path !== path || last.key.text !== input.text || last.key.options !== options) {
    last = { key, before: read(input.text), skeleton: skeleton(input.text) };
  }
  const { before, skeleton: beforeSkeleton } = last;
  if (!before) return undefined;
  return {
    keeps(fixed, fixes) {
      const after = read(fixed);
      if (!after || !sameDocuments(before, after, input.text, fixes)) return false;
      return skeleton(fixed) === beforeSkeleton;
    },
  };
}

/** Blocks compare as a reader sees them: runs of white space are one space, and the ends do not count. */
function seen(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sameDocuments(before: Document[], after: Document[], source: string, unsorted: Fix[]): boolean {
  if (before.length !== after.length) return false;
  const fixes = [...unsorted].sort((x, y) => x.start - y.start);
  const placed = new Set<Fix>();
  for (let d = 0; d < before.length; d++) {
    const a = before[d]!;
    const b = after[d]!;
    if (a.format !== b.format || a.title !== b.title || a.id !== b.id || a.inactive !== b.inactive || a.declaredChannel !== b.declaredChannel) return false;
    if (JSON.stringify(a.products) !== JSON.stringify(b.products)) return false;
    if (a.directives.length !== b.directives.length) return false;
    for (let i = 0; i < a.directives.length; i++) {
      const x = a.directives[i]!;
      const y = b.directives[i]!;
      if (x.kind !== y.kind || x.reason !== y.reason || x.selectors.join(',') !== y.selectors.join(',')) return false;
    }
    if (a.blocks.length !== b.blocks.length) return false;
    for (let i = 0; i < a.blocks.length; i++) {
      const x = a.blocks[i]!;
      const y = b.blocks[i]!;
      if (x.kind !== y.kind || x.depth !== y.depth || x.field !== y.field || (x.citations ?? 0) !== (y.citations ?? 0) || x.startsSection !== y.startsSection) return false;
      const expected = withReplacements(x, source, fixes, placed);
      if (expected === undefined || seen(expected) !== seen(y.text)) return false;
      if (x.speaker !== y.speaker && !sameTurn(x, y)) return false;
    }
  }
  // A fix that landed in no text a reader sees changed something else.
  return fixes.every((fix) => placed.has(fix));
}

/**
 * A fix inside a speaker's label (`Open Source: Yes` read as a turn of "Open Source") renames the
 * speaker and nothing else: the same turn, when the label is the start of the block's text and
 * what follows it is unchanged. Any other change of speaker (a turn made, lost or moved) is not.
 */
function sameTurn(before: TextBlock, after: TextBlock): boolean {
  const { speaker: was } = before;
  const { speaker: now } = after;
  if (was === undefined || now === undefined || !before.text.startsWith(was) || !after.text.startsWith(now)) return false;
  return seen(before.text.slice(was.length)) === seen(after.text.slice(now.length));
}

/**
 * A block's text with the fixes that fall in it replaced by what a reader should now see; undefined
 * when a fix only partly overlaps the block, or covers text the source does not spell verbatim.
 */
function withReplacements(block: TextBlock, source: string, fixes: readonly Fix[], placed: Set<Fix>): string | undefined {
  let low = Infinity;
  let high = -Infinity;
  for (const run of block.runs) {
    if (run.sourceLength === 0) continue;
    low = Math.min(low, run.source);
    high = Math.max(high, run.source + run.sourceLength);
  }
  const inside: Array<{ from: number; to: number; text: string }> = [];
  // Fixes are sorted and do not overlap: only those from the first that ends past `low` can touch the block.
  let lo = 0;
  let hi = fixes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fixes[mid]!.end <= low) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < fixes.length && fixes[i]!.start < high; i++) {
    const fix = fixes[i]!;
    const range = textRange(block, fix.start, fix.end);
    if (range === null) return undefined;
    if (range === undefined) continue;
    if (block.text.slice(range.from, range.to) !== source.slice(fix.start, fix.end)) return undefined;
    inside.push({ ...range, text: fix.text });
    placed.add(fix);
  }
  let text = block.text;
  for (const edit of inside.sort((x, y) => y.from - x.from)) text = text.slice(0, edit.from) + edit.text + text.slice(edit.to);
  return text;
}

/**
 * Where source [start, end) lies in a block's text: its text range when a verbatim run holds each
 * end, undefined when the block does not touch it, null when it touches it only in part.
 */
function textRange(block: TextBlock, start: number, end: number): { from: number; to: number } | undefined | null {
  let from: number | undefined;
  let to: number | undefined;
  let touches = false;
  for (const run of block.runs) {
    const runEnd = run.source + run.sourceLength;
    if (run.sourceLength > 0 && run.source < end && start < runEnd) touches = true;
    if (run.length !== run.sourceLength) continue;
    if (from === undefined && run.source <= start && start < runEnd) from = run.text + (start - run.source);
    if (to === undefined && run.source < end && end <= runEnd) to = run.text + (end - run.source);
  }
  if (from !== undefined && to !== undefined && to - from === end - start) return { from, to };
  return touches ? null : undefined;
}
