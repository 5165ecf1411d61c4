/**
 * `--fix` replacement text for Markdown and MDX, by where it lands: inline text (a paragraph, a
 * heading, a table cell, link text, an image's alt), a scalar of the YAML front matter, or a JSX
 * attribute string. Each returns undefined when the text cannot be written there without changing
 * what the document is; `--fix` also reads every fixed file back, so these are the first line only.
 */
import { isScalar, parseDocument, Scalar, visit } from 'yaml';
import type { EscapeAt } from './escape.js';

/** The last source asked about and its front matter's end: one scan per file, not per fix. */
let frontMatter: { source: string; end: number } | undefined;

/** The end of a leading `---` YAML front matter block, or 0 when there is none. */
export function frontMatterEnd(source: string): number {
  if (frontMatter?.source !== source) frontMatter = { source, end: findFrontMatterEnd(source) };
  return frontMatter.end;
}

function findFrontMatterEnd(source: string): number {
  const open = /^\uFEFF*---[ \t]*\r?\n/.exec(source);
  if (!open) return 0;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(source.slice(open[0].length - 1));
  return close ? open[0].length - 1 + close.index + close[0].length : 0;
}

/** Markdown's inline markup: emphasis, code, links and images, HTML, GFM strikethrough and table pipes, ATX heading marks. */
const INLINE = /[\\*_[\]`<>|~#]/g;
/** MDX adds expressions. */
const INLINE_MDX = /[\\*_[\]`<>|~#{}]/g;
/** `&` only where it would start a character reference (`&amp;` must stay five characters a reader sees). */
const REFERENCE = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)/g;

/**
 * Inline Markdown text: markup characters backslash-escaped (every ASCII punctuation character may
 * be), and, where the replacement starts a line, what would open a block there (a list item, a
 * setext underline). A line break would end a heading or a table row: refused.
 */
export function escapeMarkdownText(text: string, at: EscapeAt, options: { mdx?: boolean } = {}): string | undefined {
  if (at.start < frontMatterEnd(at.source)) return escapeYamlScalar(text, at);
  if (/[\r\n]/.test(text)) return undefined;
  let out = text.replace(options.mdx ? INLINE_MDX : INLINE, (c) => `\\${c}`).replace(REFERENCE, '\\&');
  if (startsLine(at.source, at.start)) out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return out;
}

/** Whether only indentation and container marks (`>`, a list marker) stand before `offset` on its line. */
function startsLine(source: string, offset: number): boolean {
  const lineStart = Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf('\r', offset - 1)) + 1;
  return /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*$/.test(source.slice(lineStart, offset));
}

/**
 * A JSX attribute string of MDX (`title="…"`): no backslash escapes there, but character
 * references are read, so `&` and the closing quote are written as references.
 */
export function escapeJsxAttribute(text: string, quote: '"' | "'"): string {
  return text.replace(/&/g, '&amp;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&#39;');
}

/** The scalars of the last front matter asked about: one parse per file, not per fix. */
let scalars: { source: string; list: Array<{ start: number; end: number; type: Scalar['type']; flow: boolean }> } | undefined;

function scalarsOf(source: string): NonNullable<typeof scalars>['list'] {
  if (scalars?.source === source) return scalars.list;
  const end = frontMatterEnd(source);
  const firstLine = source.indexOf('\n') + 1;
  const closing = source.lastIndexOf('\n---', end - 1);
  const yamlStart = firstLine;
  const yamlEnd = closing < yamlStart ? yamlStart : closing + 1;
  const list: NonNullable<typeof scalars>['list'] = [];
  const doc = parseDocument(source.slice(yamlStart, yamlEnd), { prettyErrors: false });
  if (doc.errors.length === 0) {
    visit(doc, {
      Scalar(_key, node, path) {
        if (!isScalar(node) || !node.range || typeof node.value !== 'string') return;
        const flow = path.some((ancestor) => (ancestor as { flow?: boolean }).flow === true);
        list.push({ start: yamlStart + node.range[0], end: yamlStart + node.range[1], type: node.type, flow });
      },
    });
  }
  scalars = { source, list };
  return list;
}

/**
 * A string scalar of the front matter: double-quoted takes YAML's (JSON's) escapes, single-quoted
 * doubles its quote, a plain scalar takes only what YAML reads back as the same plain text, a block
 * scalar no line break. Anything else, and a place that is no string scalar, is refused.
 */
export function escapeYamlScalar(text: string, at: EscapeAt): string | undefined {
  const scalar = scalarsOf(at.source).find((s) => s.start <= at.start && at.end <= s.end);
  if (!scalar) return undefined;
  switch (scalar.type) {
    case Scalar.QUOTE_DOUBLE:
      return JSON.stringify(text).slice(1, -1);
    case Scalar.QUOTE_SINGLE:
      return /[\r\n]/.test(text) ? undefined : text.replace(/'/g, "''");
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      return /[\r\n]/.test(text) || (startsLine(at.source, at.start) && /^\s/.test(text)) ? undefined : text;
    default: {
      // The plain scalar as it will read: indicators at its start, `: ` and ` #` inside, edges of white space change it.
      const value = at.source.slice(scalar.start, at.start) + text + at.source.slice(at.end, scalar.end);
      if (/[\r\n\t]|: | #|:$|^[-?:,[\]{}#&*!|>'"%@`\s]|\s$/.test(value)) return undefined;
      if (scalar.flow && /[,[\]{}]/.test(value)) return undefined;
      return text;
    }
  }
}
