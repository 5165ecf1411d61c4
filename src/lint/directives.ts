/**
 * Inline directives: turns each document's `onemessage-disable…` comments into plain-data scopes
 * (source ranges plus selectors) at lint time, and later applies them to every finding of the
 * file (document and corpus rules alike), noting which selectors suppressed something so that the
 * directive rules can judge the directives themselves.
 */
import type { Directive, Document, LineModel, TextBlock } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { neighbourhood } from '../model/fingerprint.js';
import type { Locator } from '../model/positions.js';
import type { AppliedDirective, DirectiveScope } from './rule.js';

export type { DirectiveScope } from './rule.js';

/**
 * The reason an editor writes into a directive it inserts, for the writer to replace. It counts
 * as no reason: the directive is reported (directive/reason) until someone says why.
 */
export const REASON_PLACEHOLDER = '<reason>';


/**
 * Where directive lines start in a document, as sorted source offsets. A line is a line of the
 * source; in a macro export, where a macro's text is one JSON string, an escaped line break
 * (`\n`) and the start of each block (a paragraph of the macro's HTML) also begin a line, so that
 * `disable-next-line` means the next line the writer sees.
 */
export function lineStartsOf(doc: Document, text: string, lines: LineModel): number[] {
  const source = sourceLineStarts(text);
  if (lines === 'source') return source;
  // Only the source lines the macro spans: an export holds thousands of macros.
  let lo = Infinity;
  let hi = 0;
  for (const block of doc.blocks) for (const run of block.runs) [lo, hi] = [Math.min(lo, run.source), Math.max(hi, run.source + run.sourceLength)];
  for (const directive of doc.directives) [lo, hi] = [Math.min(lo, directive.start), Math.max(hi, directive.end)];
  const starts = new Set<number>(source.slice(lineIndex(source, lo), lineIndex(source, hi) + 1));
  for (const block of doc.blocks) {
    const first = block.runs[0];
    if (first) starts.add(first.source);
    for (const run of block.runs) {
      if (run.length === run.sourceLength) continue;
      // A decoded escape standing for a line break ends a line where the escape ends.
      if (block.text.slice(run.text, run.text + run.length).includes('\n')) starts.add(run.source + run.sourceLength);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** The last file's source line starts: an export with many macros asks for the same file's again and again. */
let lastSource: { text: string; starts: number[] } | undefined;

function sourceLineStarts(text: string): number[] {
  if (lastSource?.text === text) return lastSource.starts;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  lastSource = { text, starts };
  return starts;
}

/** Index of the line holding `offset` in sorted line starts. */
function lineIndex(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Source offsets of every visible non-space character of a document, sorted. */
function visibleOffsets(blocks: TextBlock[]): Float64Array {
  const out: number[] = [];
  for (const block of blocks) {
    for (const run of block.runs) {
      if (run.sourceLength === 0) continue;
      for (let i = 0; i < run.length; i++) {
        if (/\s/.test(block.text[run.text + i]!)) continue;
        out.push(run.length === run.sourceLength ? run.source + i : run.source);
      }
    }
  }
  return Float64Array.from(out).sort();
}

/** The first of sorted offsets at or after `from`. */
function firstAtOrAfter(offsets: Float64Array, from: number): number | undefined {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length ? offsets[lo] : undefined;
}

/** The end of a document's text in its source: where an unclosed `disable` stops. */
function documentEnd(doc: Document, text: string, lines: LineModel): number {
  if (lines === 'source') return text.length;
  let end = 0;
  for (const block of doc.blocks) for (const run of block.runs) end = Math.max(end, run.source + run.sourceLength);
  for (const directive of doc.directives) end = Math.max(end, directive.end);
  return end;
}

/** Resolves a document's directives to the ranges they cover. */
export function resolveDirectives(options: { doc: Document; text: string; locate: Locator; lines: LineModel }): DirectiveScope[] {
  const { doc, text, locate, lines } = options;
  if (doc.directives.length === 0) return [];
  const starts = lineStartsOf(doc, text, lines);
  const lineEnd = (index: number): number => starts[index + 1] ?? text.length;
  const scopes: DirectiveScope[] = [];
  const open: Array<{ scope: DirectiveScope; start: number; except: string[] }> = [];
  const close = (entry: (typeof open)[number], at: number): void => {
    entry.scope.ranges.push({ start: entry.start, end: at, ...(entry.except.length > 0 ? { except: entry.except } : {}) });
  };
  const directives = [...doc.directives].sort((a, b) => a.start - b.start);
  let visible: Float64Array | undefined;
  for (const directive of directives) {
    const scope: DirectiveScope = {
      kind: directive.kind,
      selectors: directive.selectors,
      ranges: [],
      where: {
        start: locate.at(directive.start),
        end: locate.at(directive.end),
        excerpt: text.slice(directive.start, directive.end),
        neighbourhood: neighbourhood(text, directive.start, directive.end),
      },
    };
    if (directive.reason !== undefined) scope.reason = directive.reason;
    if (directive.approvedBy !== undefined) scope.approvedBy = directive.approvedBy;
    if (doc.id !== undefined) scope.documentId = doc.id;
    if (doc.title !== undefined) scope.documentTitle = doc.title;
    if (doc.channel !== undefined) scope.channel = doc.channel;
    scopes.push(scope);
    const firstLine = lineIndex(starts, directive.start);
    const lastLine = lineIndex(starts, Math.max(directive.start, directive.end - 1));
    if (directive.kind === 'disable-line') {
      scope.ranges.push({ start: starts[firstLine]!, end: lineEnd(lastLine) });
    } else if (directive.kind === 'disable-next-line') {
      visible ??= visibleOffsets(doc.blocks);
      const next = firstAtOrAfter(visible, lineEnd(lastLine));
      if (next !== undefined) {
        const line = lineIndex(starts, next);
        scope.ranges.push({ start: starts[line]!, end: lineEnd(line) });
      }
    } else if (directive.kind === 'disable') {
      open.push({ scope, start: directive.end, except: [] });
    } else {
      enable(open, directive, close);
    }
  }
  const end = documentEnd(doc, text, lines);
  for (const entry of open) close(entry, end);
  return scopes;
}

/**
 * `enable` with no selectors ends every open `disable`; `enable x` takes `x` back from each open
 * one: a `disable x, y` goes on for `y`, and a `disable` of every rule goes on for all but `x`.
 */
function enable(
  open: Array<{ scope: DirectiveScope; start: number; except: string[] }>,
  directive: Directive,
  close: (entry: { scope: DirectiveScope; start: number; except: string[] }, at: number) => void,
): void {
  const taken = directive.selectors;
  for (let i = open.length - 1; i >= 0; i--) {
    const entry = open[i]!;
    const affected = taken.length === 0 || entry.scope.selectors.length === 0 || entry.scope.selectors.some((s) => taken.some((t) => covers(t, s)));
    if (!affected) continue;
    close(entry, directive.start);
    open.splice(i, 1);
    if (taken.length === 0) continue;
    const except = [...entry.except, ...taken];
    const remaining = entry.scope.selectors.filter((s) => !taken.some((t) => covers(t, s)));
    if (entry.scope.selectors.length === 0 || remaining.length > 0) open.push({ scope: entry.scope, start: directive.end, except });
  }
}

/** Whether selector `outer` covers selector `inner` (`claim/forbidden` covers `claim/forbidden:best`). */
function covers(outer: string, inner: string): boolean {
  return outer === inner || inner.startsWith(`${outer}:`);
}

/** Whether a selector names this finding. */
export function selects(selector: string, finding: Pick<Finding, 'ruleId' | 'item' | 'variant'>): boolean {
  if (selector === finding.ruleId) return true;
  // `fact/mismatch/inferred` names only the findings of that variant
  if (finding.variant !== undefined && selector === `${finding.ruleId}/${finding.variant}`) return true;
  return finding.item !== undefined && selector === `${finding.ruleId}:${finding.item.id}`;
}

export interface ApplyDirectivesOptions {
  /** every finding of the run; suppressed ones get a `suppression` */
  findings: Finding[];
  /** path -> the scopes of that file's documents */
  scopes: Map<string, DirectiveScope[]>;
}

/** Marks the findings directives suppress; returns every directive with the selectors that suppressed something. */
export function applyDirectives(options: ApplyDirectivesOptions): AppliedDirective[] {
  const { findings, scopes } = options;
  const used = new Map<DirectiveScope, Set<string>>();
  const indexes = new Map<string, RangeIndex>();
  for (const finding of findings) {
    if (finding.suppression) continue;
    const fileScopes = scopes.get(finding.path);
    if (!fileScopes) continue;
    let index = indexes.get(finding.path);
    if (!index) indexes.set(finding.path, (index = rangeIndex(fileScopes)));
    for (const { scope, range } of index.containing(finding.start.offset)) {
      if (scope.documentId !== finding.documentId) continue;
      if ((range.except ?? []).some((s) => selects(s, finding))) continue;
      const selector = scope.selectors.length === 0 ? '*' : scope.selectors.find((s) => selects(s, finding));
      if (selector === undefined) continue;
      let set = used.get(scope);
      if (!set) used.set(scope, (set = new Set()));
      set.add(selector);
      finding.suppression ??= {
        kind: 'directive',
        reason: scope.reason === undefined || scope.reason === REASON_PLACEHOLDER ? '(no reason given)' : scope.reason,
        ...(scope.approvedBy !== undefined ? { approvedBy: scope.approvedBy } : {}),
        path: finding.path,
        line: scope.where.start.line,
      };
    }
  }
  const out: AppliedDirective[] = [];
  for (const [path, fileScopes] of scopes) for (const scope of fileScopes) out.push({ path, scope, used: used.get(scope) ?? new Set() });
  return out;
}

interface RangeIndex {
  /** the ranges holding `offset`, latest-starting (nearest directive) first */
  containing(offset: number): Array<{ scope: DirectiveScope; range: DirectiveScope['ranges'][number] }>;
}

/** Ranges sorted by start with a running maximum of their ends, so a lookup visits only ranges that can hold the offset. */
function rangeIndex(scopes: DirectiveScope[]): RangeIndex {
  const entries = scopes.flatMap((scope) => scope.ranges.map((range) => ({ scope, range }))).sort((a, b) => a.range.start - b.range.start);
  const maxEnd: number[] = [];
  entries.forEach((entry, i) => maxEnd.push(Math.max(entry.range.end, i > 0 ? maxEnd[i - 1]! : -Infinity)));
  return {
    containing(offset) {
      let lo = 0;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (entries[mid]!.range.start <= offset) lo = mid + 1;
        else hi = mid;
      }
      const out: ReturnType<RangeIndex['containing']> = [];
      for (let i = lo - 1; i >= 0 && maxEnd[i]! > offset; i--) if (entries[i]!.range.end > offset) out.push(entries[i]!);
      return out;
    },
  };
}
