/**
 * A unified diff of two texts, line by line, with three lines of context, in the form `git apply`
 * and `patch -p1` read: what `--fix-dry-run` prints. When the edits that made the new text are
 * known (fixes), the changed lines come straight from them, in linear time; otherwise from Myers'
 * algorithm, whose time and memory grow with the number of changes.
 */
import type { Fix } from '../model/finding.js';

/** Lines with their endings kept, so a CRLF file diffs as CRLF; split on LF only, as git and patch do. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The shortest edit script from a to b. */
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  // Walk back through the saved frontiers.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const frontier = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : frontier[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  return ops.reverse();
}

function printLine(op: Op): string[] {
  const body = op.line.replace(/\n$/, '');
  const out = [`${op.kind}${body}`];
  if (!op.line.endsWith('\n')) out.push('\\ No newline at end of file');
  return out;
}

/** Line start offsets of split lines. */
function lineOffsets(lines: string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const line of lines) {
    out.push(at);
    at += line.length;
  }
  return out;
}

/** Index of the line holding `offset` (the last line for the end of the text). */
function lineAt(offsets: number[], offset: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The edit script from non-overlapping edits of `before` (source offsets, replacement text as written). */
function editScriptFromEdits(before: string, after: string, edits: Fix[]): Op[] {
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length === 0) return b.map((line) => ({ kind: '+', line }));
  const aAt = lineOffsets(a);
  const bAt = lineOffsets(b);
  const lineEnd = (i: number) => aAt[i]! + a[i]!.length;
  // Whole lines of `before` an edit touches, merged where edits share a line; `shift` maps offsets
  // before the block into `after`, `shiftAfter` those after it.
  const blocks: Array<{ a0: number; a1: number; shift: number; shiftAfter: number }> = [];
  let shift = 0;
  for (const edit of [...edits].sort((x, y) => x.start - y.start)) {
    const a0 = lineAt(aAt, edit.start);
    const a1 = lineAt(aAt, Math.max(edit.start, edit.end - 1));
    const next = shift + edit.text.length - (edit.end - edit.start);
    const last = blocks[blocks.length - 1];
    if (last && a0 <= last.a1) {
      last.a1 = Math.max(last.a1, a1);
      last.shiftAfter = next;
    } else blocks.push({ a0, a1, shift, shiftAfter: next });
    shift = next;
  }
  const bStarts = new Set(bAt);
  const isBoundary = (offset: number) => offset >= after.length || bStarts.has(offset);
  const ops: Op[] = [];
  let ai = 0;
  for (let j = 0; j < blocks.length; j++) {
    const block = blocks[j]!;
    // An edit that removes a line break joins lines: grow the block until it ends on a line
    // boundary in both texts, taking in any block it reaches.
    block.a1 = Math.min(block.a1, a.length - 1);
    let to = lineEnd(block.a1) + block.shiftAfter;
    while (!isBoundary(to) && block.a1 + 1 < a.length) {
      block.a1++;
      while (blocks[j + 1] && blocks[j + 1]!.a0 <= block.a1) {
        const next = blocks.splice(j + 1, 1)[0]!;
        block.a1 = Math.max(block.a1, next.a1);
        block.shiftAfter = next.shiftAfter;
      }
      to = lineEnd(block.a1) + block.shiftAfter;
    }
    while (ai < block.a0) ops.push({ kind: ' ', line: a[ai++]! });
    for (let i = block.a0; i <= block.a1; i++) ops.push({ kind: '-', line: a[i]! });
    const from = aAt[block.a0]! + block.shift;
    if (to > from) for (let i = lineAt(bAt, from); i <= lineAt(bAt, to - 1); i++) ops.push({ kind: '+', line: b[i]! });
    ai = block.a1 + 1;
  }
  while (ai < a.length) ops.push({ kind: ' ', line: a[ai++]! });
  return ops;
}

/**
 * `--- a/path`, `+++ b/path` and hunks; empty when the texts are equal. `edits`, when given, are
 * the non-overlapping replacements (in `before`'s offsets) that turned `before` into `after`.
 */
export function unifiedDiff(options: { path: string; before: string; after: string; edits?: Fix[]; context?: number; stats?: { steps: number } }): string {
  if (options.before === options.after) return '';
  const context = options.context ?? 3;
  const ops = options.edits ? editScriptFromEdits(options.before, options.after, options.edits) : editScript(splitLines(options.before), splitLines(options.after));
  // Test hook: counts the lines each loop walks, so a test can check linear time without a clock.
  if (options.stats) options.stats.steps += ops.length;
  const changed = ops.map((op, i) => (op.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  const lines = [`--- a/${options.path}`, `+++ b/${options.path}`];
  // Line numbers of ops[walked] in each text, carried from hunk to hunk so that each op is walked once.
  let walked = 0;
  let aStart = 1;
  let bStart = 1;
  let i = 0;
  while (i < changed.length) {
    // Grow a hunk while the next change is within twice the context of the last.
    let last = changed[i]!;
    let j = i;
    while (j + 1 < changed.length && changed[j + 1]! - last <= 2 * context + 1) last = changed[++j]!;
    const from = Math.max(0, changed[i]! - context);
    const to = Math.min(ops.length, last + context + 1);
    if (options.stats) options.stats.steps += from - walked + (to - from);
    for (; walked < from; walked++) {
      if (ops[walked]!.kind !== '+') aStart++;
      if (ops[walked]!.kind !== '-') bStart++;
    }
    const slice = ops.slice(from, to);
    const aLen = slice.filter((op) => op.kind !== '+').length;
    const bLen = slice.filter((op) => op.kind !== '-').length;
    const range = (start: number, len: number) => (len === 1 ? `${start}` : `${len === 0 ? start - 1 : start},${len}`);
    lines.push(`@@ -${range(aStart, aLen)} +${range(bStart, bLen)} @@`);
    for (const op of slice) lines.push(...printLine(op));
    i = j + 1;
  }
  return `${lines.join('\n')}\n`;
}
