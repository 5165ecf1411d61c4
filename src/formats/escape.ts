/**
 * Escaping of `--fix` replacement text for the place it lands in a source file: a JSON string,
 * HTML, Markdown, YAML front matter, a CSV cell. Each returns undefined when the text cannot be
 * written there safely, and the fix then waits for a person.
 */

/** Where a replacement lands: the whole decoded source and the replaced range. */
export interface EscapeAt {
  source: string;
  start: number;
  end: number;
}

export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Literal {
  start: number;
  end: number;
  /** whether the string holds HTML, judged once per literal (a 1 MB macro body may take thousands of fixes) */
  html?: boolean;
}

/** The string literals of the last JSON source asked about, and whether it is ASCII-only: one scan per file, not per fix. */
let scanned: { source: string; literals: Literal[]; ascii: boolean } | undefined;

function scan(source: string): NonNullable<typeof scanned> {
  if (scanned?.source === source) return scanned;
  const literals: Literal[] = [];
  let start = -1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (start >= 0) {
      if (c === '\\') i++;
      else if (c === '"') {
        literals.push({ start, end: i + 1 });
        start = -1;
      }
    } else if (c === '"') start = i;
  }
  // eslint-disable-next-line no-control-regex
  scanned = { source, literals, ascii: !/[^\x00-\x7f]/.test(source) };
  return scanned;
}

/** Source range of the JSON string literal around `offset` (its quotes included), or undefined. */
function enclosingJsonString(source: string, offset: number): Literal | undefined {
  const { literals } = scan(source);
  let lo = 0;
  let hi = literals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (literals[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const literal = literals[lo];
  return literal && literal.start < offset && offset < literal.end ? literal : undefined;
}

/**
 * Inside a JSON string of a macro export: HTML-escaped first when the string holds HTML (a
 * `comment_value_html`, a Help Scout body), then JSON-escaped; in a file that spells every
 * non-ASCII character as `\uXXXX`, so is the replacement.
 */
export function escapeInJsonString(text: string, at: EscapeAt): string | undefined {
  const literal = enclosingJsonString(at.source, at.start);
  if (!literal || at.end > literal.end - 1) return undefined;
  literal.html ??= /<\/?[a-z][^<>]*>|&[a-z]+;|&#\d+;/i.test(at.source.slice(literal.start + 1, literal.end - 1));
  let out = JSON.stringify(literal.html ? escapeHtmlText(text) : text).slice(1, -1);
  if (scan(at.source).ascii) out = out.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return out;
}

/** The last source asked about and its front matter's end: one scan per file, not per fix. */
let frontMatter: { source: string; end: number } | undefined;

/** The end of a leading `---` YAML front matter block, or 0 when there is none. */
function frontMatterEnd(source: string): number {
  if (frontMatter?.source !== source) frontMatter = { source, end: findFrontMatterEnd(source) };
  return frontMatter.end;
}

function findFrontMatterEnd(source: string): number {
  const open = /^---[ \t]*\r?\n/.exec(source);
  if (!open) return 0;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(source.slice(open[0].length - 1));
  return close ? open[0].length - 1 + close.index + close[0].length : 0;
}

/**
 * Markdown (and MDX, with `{`/`}`): characters that would start emphasis, a link, code or a tag
 * are backslash-escaped; in YAML front matter a plain scalar takes the text only when it holds
 * nothing YAML reads as syntax.
 */
export function escapeMarkdownText(text: string, at: EscapeAt, options: { mdx?: boolean } = {}): string | undefined {
  if (at.start < frontMatterEnd(at.source)) return /[:#"'\\{}[\],&*!|>%@`\r\n]/.test(text) ? undefined : text;
  const special = options.mdx ? /[\\*_[\]`<>{}]/g : /[\\*_[\]`<>]/g;
  return text.replace(special, (c) => `\\${c}`);
}

/** A CSV cell: plain text only; quotes, separators and line breaks wait for a person. */
export function escapeCsvText(text: string): string | undefined {
  return /[",\r\n]/.test(text) ? undefined : text;
}
