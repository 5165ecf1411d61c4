/**
 * Where an editor's "disable" action writes an inline directive for one finding: at the end of the
 * finding's line (`disable-line`) or on a line of its own above it (`disable-next-line`), in the
 * format's comment syntax, whichever the format's reader then reads as a directive that waives
 * the finding while every document's visible text stays as it was. Each place is tried by reading
 * the edited text, so a directive is never offered where it would break the file, split a
 * paragraph or fail to apply (a table row, front matter, a tag's attribute).
 */
import type { Document } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { locator } from '../model/positions.js';
import type { FormatModule, FormatOptions } from '../formats/format.js';
import { formatFor } from '../formats/index.js';
import type { ActiveRules } from './context.js';
import { applyDirectives, REASON_PLACEHOLDER, resolveDirectives, type DirectiveScope } from './directives.js';

/** Text to insert at a source offset. */
export interface DirectiveInsert {
  kind: 'disable-line' | 'disable-next-line';
  /** source offset in the text the finding's offsets are into */
  at: number;
  text: string;
}

export type DirectivePlan = { insert: DirectiveInsert } | { unavailable: string };

export interface PlanDirectiveOptions {
  /** the file's path relative to the working folder, `/` separators: picks its format (whose modules must be loaded) */
  path: string;
  /** the text the finding's offsets are into */
  text: string;
  finding: Finding;
  rules: ActiveRules;
  formatOptions: FormatOptions;
}

/** The directive that would waive `finding`, with a reason placeholder, or why none can be written. */
export function planDirective(options: PlanDirectiveOptions): DirectivePlan {
  const { finding, text } = options;
  const waivable = options.rules.document.some(({ rule }) => rule.meta.id === finding.ruleId) || options.rules.corpus.some(({ rule }) => rule.meta.id === finding.ruleId);
  if (!waivable) return { unavailable: `a ${finding.ruleId} finding cannot be waived by an inline directive` };
  const format = formatFor(options.path, text);
  if (!format) return { unavailable: 'no reader for this file' };
  if (!format.directiveComment) {
    return { unavailable: `a ${format.name} file cannot hold a comment: waive this finding with an entry in the spec's exceptions` };
  }
  const original = readQuietly(format, options, text);
  if (!original) return { unavailable: 'this file cannot be read as it is' };
  const signature = visibleSignature(original);
  // An item id with a space or comma would read as two selectors: name the rule alone then.
  const selector = finding.item && !/[\s,]/.test(finding.item.id) ? `${finding.ruleId}:${finding.item.id}` : finding.ruleId;
  for (const insert of candidates({ text, offset: finding.start.offset, selector, format })) {
    const edited = text.slice(0, insert.at) + insert.text + text.slice(insert.at);
    const documents = readQuietly(format, options, edited);
    if (!documents || visibleSignature(documents) !== signature) continue;
    const doc = documents.find((candidate) => candidate.id === finding.documentId);
    if (!doc) continue;
    const scopes = resolveDirectives({ doc, text: edited, locate: locator(edited), lines: format.lines });
    const commentStart = insert.at + (insert.text.length - insert.text.trimStart().length);
    const ours = scopes.find((scope) => scope.where.start.offset === commentStart);
    if (!ours) continue;
    const shifted = finding.start.offset + (insert.at <= finding.start.offset ? insert.text.length : 0);
    if (waives({ finding, offset: shifted, scopes, ours })) return { insert };
  }
  return { unavailable: "an inline directive cannot be placed here without changing the text: waive this finding with an entry in the spec's exceptions" };
}

/** The end of the finding's line first (it never moves a line), then a line of its own above it, indented alike. */
function candidates(options: { text: string; offset: number; selector: string; format: FormatModule }): DirectiveInsert[] {
  const { text, offset, selector, format } = options;
  const comment = (kind: DirectiveInsert['kind']) => format.directiveComment!(`onemessage-${kind} ${selector} -- ${REASON_PLACEHOLDER}`, text);
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const breakAt = text.slice(offset).search(/\r\n|\r|\n/);
  const lineEnd = breakAt < 0 ? text.length : offset + breakAt;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineEnd))![0];
  // Trailing white space stays after the comment, where a Markdown hard break keeps working.
  const contentEnd = lineStart + text.slice(lineStart, lineEnd).trimEnd().length;
  return [
    { kind: 'disable-line', at: contentEnd, text: ` ${comment('disable-line')}` },
    { kind: 'disable-next-line', at: lineStart, text: `${indent}${comment('disable-next-line')}${eol}` },
  ];
}

function readQuietly(format: FormatModule, options: PlanDirectiveOptions, text: string): Document[] | undefined {
  try {
    return format.read({ path: options.path, text, options: options.formatOptions }).documents;
  } catch {
    return undefined;
  }
}

/**
 * What a reader sees of the documents: their identity and each block's kind and text, with runs
 * of white space folded (the space before a comment at the end of a line is no change to a
 * reader, and phrases match across any run of it).
 */
function visibleSignature(documents: Document[]): string {
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(documents.map((doc) => [doc.id ?? null, doc.title ?? null, doc.declaredChannel ?? null, doc.blocks.map((block) => [block.kind, block.field ?? null, block.speaker ?? null, fold(block.text)])]));
}

/** Whether the engine's own directive matching waives the finding, at its new offset, by the inserted directive. */
function waives(options: { finding: Finding; offset: number; scopes: DirectiveScope[]; ours: DirectiveScope }): boolean {
  const { finding, offset, scopes, ours } = options;
  const probe: Finding = { ...finding, start: { ...finding.start, offset } };
  delete probe.suppression;
  const applied = applyDirectives({ findings: [probe], scopes: new Map([[finding.path, scopes]]) });
  return applied.some((entry) => entry.scope === ours && entry.used.size > 0);
}
