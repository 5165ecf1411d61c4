/**
 * Escaping of `--fix` replacement text for the place it lands in a source file: a JSON string,
 * HTML text or attribute, a CSV cell (Markdown, MDX and front matter: escape-markdown.ts). Each
 * returns undefined when the text cannot be written there safely, and the fix then waits for a
 * person; `--fix` also reads every fixed file back before it writes it.
 */

/** Where a replacement lands: the whole decoded source and the replaced range. */
export interface EscapeAt {
  source: string;
  start: number;
  end: number;
}

/** Text, or a quoted attribute value, of HTML: nothing in it can open markup or close the quotes. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A tag whose last attribute's value is unquoted and still being written: `<img alt=Trail`. */
const UNQUOTED_VALUE = /^<[A-Za-z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s+[^\s"'>/=]+\s*=\s*[^\s"'=<>`]*$/;

/**
 * A replacement in an HTML file. Inside an unquoted attribute value (`<img alt=Trailpack>`) white
 * space, quotes, `=`, `<`, `>` and backticks would end the value and start new attributes (`onerror=`),
 * so they are written as character references, which such a value reads.
 */
export function escapeHtmlAt(text: string, at: EscapeAt): string {
  const escaped = escapeHtmlText(text);
  const open = at.source.lastIndexOf('<', at.start - 1);
  if (open < 0 || at.source.lastIndexOf('>', at.start - 1) > open) return escaped;
  // A tag this long is no page's: write the references anyway (they read the same in text) rather than scan it.
  if (at.start - open < 4096 && !UNQUOTED_VALUE.test(at.source.slice(open, at.start))) return escaped;
  return escaped.replace(/[\s=`]/g, (c) => `&#${c.codePointAt(0)};`);
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

/** The quoted fields of the last CSV source asked about, as sorted [start, end) spans of their insides. */
let quoted: { source: string; spans: Array<{ start: number; end: number }> } | undefined;

function quotedSpans(source: string): Array<{ start: number; end: number }> {
  if (quoted?.source === source) return quoted.spans;
  const spans: Array<{ start: number; end: number }> = [];
  let fieldStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (fieldStart && c === '"') {
      let j = i + 1;
      for (;;) {
        const close = source.indexOf('"', j);
        if (close < 0) {
          j = source.length;
          break;
        }
        if (source[close + 1] === '"') j = close + 2;
        else {
          j = close;
          break;
        }
      }
      spans.push({ start: i + 1, end: j });
      i = j;
      fieldStart = false;
      continue;
    }
    fieldStart = c === ',' || c === '\n' || c === '\r';
  }
  quoted = { source, spans };
  return spans;
}

/**
 * A CSV cell: inside a quoted field a quote is doubled and separators and line breaks are text;
 * in a bare field a quote, a separator or a line break would make another cell or row, and waits
 * for a person.
 */
export function escapeCsvText(text: string, at?: EscapeAt): string | undefined {
  if (at && quotedSpans(at.source).some((span) => span.start <= at.start && at.end <= span.end)) return text.replace(/"/g, '""');
  return /[",\r\n]/.test(text) ? undefined : text;
}
