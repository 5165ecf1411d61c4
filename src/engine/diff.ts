/**
 * A unified diff of two texts, line by line (Myers' algorithm), with three lines of context, in
 * the form `git apply` and `patch -p1` read: what `--fix-dry-run` prints.
 */

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

/** `--- a/path`, `+++ b/path` and hunks; empty when the texts are equal. */
export function unifiedDiff(options: { path: string; before: string; after: string; context?: number }): string {
  if (options.before === options.after) return '';
  const context = options.context ?? 3;
  const ops = editScript(splitLines(options.before), splitLines(options.after));
  const changed = ops.map((op, i) => (op.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  const lines = [`--- a/${options.path}`, `+++ b/${options.path}`];
  let i = 0;
  while (i < changed.length) {
    // Grow a hunk while the next change is within twice the context of the last.
    let last = changed[i]!;
    let j = i;
    while (j + 1 < changed.length && changed[j + 1]! - last <= 2 * context + 1) last = changed[++j]!;
    const from = Math.max(0, changed[i]! - context);
    const to = Math.min(ops.length, last + context + 1);
    let aStart = 1;
    let bStart = 1;
    for (let k = 0; k < from; k++) {
      if (ops[k]!.kind !== '+') aStart++;
      if (ops[k]!.kind !== '-') bStart++;
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
