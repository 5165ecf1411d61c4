/**
 * A cheap view of a Markdown file for the prefilter: the source with what is certainly not text
 * blanked (code, inline HTML tags without attribute values, autolinks, link destinations) and escapes and character
 * references decoded, built by a scan that mirrors micromark's inline precedence without building
 * a tree. Every phrase the Markdown reader can find appears in it as consecutive words with only
 * markup between them; where the scan cannot be sure of that (intraword emphasis, tables with code,
 * reference definitions, bare URLs, footnotes, YAML escapes...) it gives up and returns undefined,
 * and the prefilter falls back to looking for single words.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/** What a marked range of the source becomes in the view. */
const BLANK = 1;
const DROP = 2;

class GiveUp extends Error {}

/** The view, or undefined when the file holds syntax this scan does not judge exactly. */
export function markdownPhraseView(source: string): string | undefined {
  try {
    return new ViewBuilder(source).build();
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
/** Lines that may start a block and so end a paragraph: a superset of CommonMark's and GFM's. */
const BLOCK_START = /^ {0,3}(?:[#>+<=~]|[-*_](?:[ \t]|$|[-*_ \t]*$)|\d{1,9}[.)](?:[ \t]|$)|`{3})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const DEFINITION = /^[ \t>*+\-\d.)]*\[(?:[^\]\\\n]|\\.)+\]:/m;
/** What GFM may turn into a link without brackets (a URL, an address): not judged here. */
const BARE_LINK = /https?:\/\/|www\.|mailto:|xmpp:|[\w.+-]@[\w-]+\.[\w-]/i;
const mayHaveBareLink = (text: string): boolean => (text.includes('@') || text.includes(':') || /www\./i.test(text)) && BARE_LINK.test(text);
const INTRAWORD_MARK = /[\p{L}\p{N}][*~]+[\p{L}\p{N}]/u;
/** Characters that may start inline syntax this scan reads, or decode to something else. */
const INLINE_SYNTAX = /[\\`<[\]&@:]|www\./i;
const NEXT_SYNTAX = /[\\`<[\]!]/g;

const TAG_NAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const INLINE_HTML = new RegExp(
  [
    `<${TAG_NAME}${ATTRIBUTE}*\\s*\\/?>`,
    `<\\/${TAG_NAME}\\s*>`,
    '<!-->',
    '<!--->',
    '<!--[\\s\\S]*?-->',
    '<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\\x00-\\x20]*>',
    "<[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*>",
  ].join('|'),
  'y',
);
const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(?:#[xX]([0-9a-fA-F]{1,6});|#([0-9]{1,7});|([a-zA-Z][a-zA-Z0-9]{0,31});)/g;

interface Opener {
  /** index in the paragraph string of `[` (or the `!` of `![`) */
  at: number;
  image: boolean;
  active: boolean;
}

/** One line of the body: where it is, and what its start says about the block it may open. */
interface Line {
  start: number;
  /** end of its content, before the line ending */
  end: number;
  /** where its content starts after block quote markers */
  content: number;
  /** block quote markers before its content */
  quotes: number;
  blank: boolean;
}

class ViewBuilder {
  /** marked source ranges, as [start, end, kind] triples, mostly in source order */
  private readonly marks: number[] = [];
  /** alt texts of images: separate blocks for the reader, appended after the body */
  private readonly alts: string[] = [];
  private readonly hasDefinitions: boolean;
  private readonly bodyStart: number;

  constructor(private readonly source: string) {
    this.bodyStart = frontMatterEnd(source);
    // YAML escapes, aliases, tags and doubled quotes change what a field says, and Markdown syntax
    // would matter if the reader did not take the block for front matter: not judged here.
    if (this.bodyStart > 0 && /[\\&*!%`<[]|''/.test(source.slice(0, this.bodyStart))) throw new GiveUp();
    this.hasDefinitions = source.includes(']:') && DEFINITION.test(source.slice(this.bodyStart));
  }

  build(): string {
    const lines = this.lines();
    const inFence = this.fences(lines);
    this.paragraphs(lines, inFence);
    const view = this.assemble();
    if ((view.includes('*') || view.includes('~')) && INTRAWORD_MARK.test(view)) throw new GiveUp();
    return this.alts.length > 0 ? `${view}\n\n${this.alts.join('\n\n')}` : view;
  }

  private mark(start: number, end: number, kind: number): void {
    if (end > start) this.marks.push(start, end, kind);
  }

  private lines(): Line[] {
    const out: Line[] = [];
    const { source } = this;
    let start = this.bodyStart;
    while (start < source.length) {
      let next = source.indexOf('\n', start);
      if (next < 0) next = source.length;
      const end = next > start && source.charCodeAt(next - 1) === 13 ? next - 1 : next;
      // Block quote markers: up to three spaces, `>`, an optional space or tab, again.
      let content = start;
      let quotes = 0;
      for (;;) {
        let k = content;
        while (k < end && k - content < 3 && source.charCodeAt(k) === 32) k++;
        if (k < end && source.charCodeAt(k) === 62) {
          quotes++;
          content = k + 1;
          const after = source.charCodeAt(content);
          if (after === 32 || after === 9) content++;
        } else break;
      }
      let blank = true;
      for (let k = content; k < end; k++) {
        const c = source.charCodeAt(k);
        if (c !== 32 && c !== 9) {
          blank = false;
          break;
        }
      }
      out.push({ start, end, content, quotes, blank });
      start = next + 1;
    }
    return out;
  }

  /**
   * Blanks fenced code blocks whose extent is certain: the opening fence at column 0-3 of a line,
   * every line up to the closing fence blank or indented at least as far (so no container can
   * have ended between), the closing fence at column 0-3. Returns which lines are fence lines.
   */
  private fences(lines: Line[]): Uint8Array {
    const inFence = new Uint8Array(lines.length);
    const { source } = this;
    // Unclosed fences would each scan to the end; past a few scans per line the file is not judged.
    let budget = 4 * lines.length + 64;
    for (let i = 0; i < lines.length; i++) {
      const { start, end } = lines[i]!;
      const first = firstNonSpace(source, start, end);
      if (first - start > 3 || (source[first] !== '`' && source[first] !== '~')) continue;
      const open = FENCE_OPEN.exec(source.slice(start, end));
      if (!open) continue;
      const indent = open[1]!.length;
      const fence = open[2]!;
      if (fence[0] === '`' && open[3]!.includes('`')) continue;
      const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
      let closed = -1;
      for (let j = i + 1; j < lines.length; j++) {
        if (--budget < 0) throw new GiveUp();
        const inner = lines[j]!;
        const at = firstNonSpace(source, inner.start, inner.end);
        if (at - inner.start >= indent && close.test(source.slice(inner.start, inner.end))) {
          closed = j;
          break;
        }
        if (at < inner.end && (at - inner.start < indent || source.slice(inner.start, at).includes('\t'))) break;
      }
      // A fence line starts a block, whether its extent is certain or not.
      inFence[i] = 1;
      if (closed < 0) continue;
      for (let k = i; k <= closed; k++) inFence[k] = 1;
      this.mark(lines[i]!.start, lines[closed]!.end, BLANK);
      i = closed;
    }
    return inFence;
  }

  /**
   * Groups the other lines into paragraphs: runs of non-blank lines under the same block quote
   * depth, a new one at each line that may start a block. Each is scanned for its inline syntax.
   */
  private paragraphs(lines: Line[], inFence: Uint8Array): void {
    const { source } = this;
    let unit: Line[] = [];
    let table = false;
    let indented = false;
    const flush = (certainEnd: boolean) => {
      if (unit.length > 0) this.inline(unit, certainEnd, table);
      unit = [];
      table = false;
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (inFence[i]) {
        flush(false);
        continue;
      }
      if (line.blank) {
        flush(true);
        continue;
      }
      const first = firstNonSpace(source, line.content, line.end);
      const deep = first - line.content >= 4 || source.slice(line.content, first).includes('\t');
      const c = source[first]!;
      const content = source.slice(line.content, line.end);
      const mayStartBlock = '#>+<=~-*_`0123456789'.includes(c) && BLOCK_START.test(content);
      // An indented line opening a run may be indented code, which a paragraph line ends without a blank line.
      if (unit.length > 0 && (line.quotes !== unit[0]!.quotes || mayStartBlock || (indented && !deep))) flush(false);
      if (unit.length === 0) indented = deep;
      // An ATX heading is one line: it ends where the line does.
      if (!deep && c === '#' && ATX_HEADING.test(content)) {
        flush(false);
        unit.push(line);
        flush(true);
        continue;
      }
      // A GFM table: cells are read one by one, so code and links cannot be paired across them here.
      if (content.includes('-')) {
        const previous = unit.length > 0 ? source.slice(unit[unit.length - 1]!.content, unit[unit.length - 1]!.end) : '';
        if (DELIMITER_ROW.test(content) && (content.includes('|') || previous.includes('|'))) table = true;
      }
      unit.push(line);
    }
    flush(true);
  }

  /**
   * One paragraph's inline syntax, left to right as micromark reads it: code spans, inline HTML and
   * autolinks (whichever starts first), and links and images from a stack of `[` openers.
   */
  private inline(lines: Line[], certainEnd: boolean, table: boolean): void {
    // The paragraph as one string; `offsets[r]` is where line r's content starts in it.
    const offsets: number[] = [];
    let text = '';
    for (let r = 0; r < lines.length; r++) {
      if (r > 0) text += '\n';
      offsets.push(text.length);
      text += this.source.slice(lines[r]!.content, lines[r]!.end);
    }
    // Plain prose, the common case: nothing to mark.
    if (!INLINE_SYNTAX.test(text)) return;
    if (table && /[`[<]/.test(text)) throw new GiveUp();
    if (this.hasDefinitions && text.includes('[^')) throw new GiveUp();
    const marked = this.marks.length;
    const mark = (from: number, to: number, kind: number) => {
      // From paragraph offsets to source offsets, line by line (found by bisection); the line breaks between stay.
      let lo = 0;
      let hi = lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (offsets[mid]! <= from) lo = mid;
        else hi = mid - 1;
      }
      for (let r = lo; r < lines.length && offsets[r]! < to; r++) {
        const lineStart = offsets[r]!;
        const { content, end } = lines[r]!;
        const a = Math.max(from, lineStart);
        const b = Math.min(to, lineStart + end - content);
        if (a < b) this.mark(content + a - lineStart, content + b - lineStart, kind);
      }
    };
    const closers = new CodeRuns(text);
    const openers: Opener[] = [];
    let i = 0;
    NEXT_SYNTAX.lastIndex = 0;
    while (i < text.length) {
      // Straight to the next character that may start syntax.
      NEXT_SYNTAX.lastIndex = i;
      const next = NEXT_SYNTAX.exec(text);
      if (!next) break;
      i = next.index;
      const c = text[i]!;
      if (c === '\\') {
        i += i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1]!) ? 2 : 1;
        continue;
      }
      if (c === '`') {
        let run = i;
        while (run < text.length && text[run] === '`') run++;
        const length = run - i;
        const close = closers.next(run, length);
        if (close < 0) {
          // No closer in this paragraph: literal, if the paragraph surely ends here.
          if (!certainEnd) throw new GiveUp();
          i = run;
          continue;
        }
        mark(i, close + length, BLANK);
        i = close + length;
        continue;
      }
      if (c === '<') {
        // A window keeps a `<` with no end in sight from costing the rest of the paragraph each time.
        const window = text.slice(i, i + WINDOW);
        INLINE_HTML.lastIndex = 0;
        const html = INLINE_HTML.exec(window);
        if (!html && window.length === WINDOW && /^<[A-Za-z/!?]/.test(window)) throw new GiveUp();
        if (html) {
          // The reader reads some attributes as text (alt, title, aria-label, a component's props):
          // a tag with a value is not judged here.
          if (html[0].includes('=')) throw new GiveUp();
          mark(i, i + html[0].length, BLANK);
          i += html[0].length;
          continue;
        }
        if (/^<[!?]/.test(window)) throw new GiveUp();
        i++;
        continue;
      }
      if (c === '[' || (c === '!' && text[i + 1] === '[')) {
        openers.push({ at: i, image: c === '!', active: true });
        i += c === '!' ? 2 : 1;
        continue;
      }
      if (c === ']') {
        const opener = openers.pop();
        const after = opener ? this.linkEnd(text, i + 1, opener.active) : -1;
        if (!opener || after < 0) {
          i++;
          continue;
        }
        const labelStart = opener.at + (opener.image ? 2 : 1);
        if (opener.image) {
          const label = text.slice(labelStart, i);
          // The reader's alt is the label's plain text, code included: not judged here.
          if (/[`<[\]\\&]/.test(label)) throw new GiveUp();
          this.alts.push(label);
          mark(opener.at, after, BLANK);
        } else {
          // Link text is text; the brackets and the destination are dropped, so the text joins what is around it.
          mark(opener.at, labelStart, DROP);
          mark(i, after, DROP);
          // Links may not contain links: earlier `[` (not `![`) can no longer open one.
          for (const earlier of openers) if (!earlier.image) earlier.active = false;
        }
        i = after;
        continue;
      }
      i++;
    }
    // GFM links bare URLs and addresses in text, with rules of its own: a paragraph with one is not judged.
    if (mayHaveBareLink(text) && mayHaveBareLink(this.textOf(lines, marked))) throw new GiveUp();
  }

  /** A paragraph's text as the view will have it (blanked parts as a space, dropped ones left out), undecoded. */
  private textOf(lines: Line[], firstMark: number): string {
    const marks = this.marks.slice(firstMark);
    const ranges: Array<[number, number, number]> = [];
    for (let k = 0; k < marks.length; k += 3) ranges.push([marks[k]!, marks[k + 1]!, marks[k + 2]!]);
    ranges.sort((a, b) => a[0] - b[0]);
    let out = '';
    for (const { content, end } of lines) {
      let at = content;
      for (const [start, stop, kind] of ranges) {
        if (stop <= at || start >= end) continue;
        if (start > at) out += this.source.slice(at, start);
        if (kind === BLANK) out += ' ';
        at = Math.min(stop, end);
      }
      if (at < end) out += this.source.slice(at, end);
      out += '\n';
    }
    return out;
  }

  /**
   * Where a link that closes at `from - 1` ends: after its `(destination "title")`; -1 when the
   * brackets are literal text.
   */
  private linkEnd(text: string, from: number, active: boolean): number {
    if (!active) return -1;
    if (text[from] === '(') {
      const end = resourceEnd(text, from);
      if (end >= 0) return end;
    }
    // A reference link resolves only against a definition: a file with none has no references.
    if (this.hasDefinitions) throw new GiveUp();
    return -1;
  }

  /** The view: blanked ranges as a space, dropped ones removed, escapes and references decoded elsewhere. */
  private assemble(): string {
    const { source, bodyStart } = this;
    const ranges: Array<[number, number, number]> = [];
    for (let k = 0; k < this.marks.length; k += 3) ranges.push([this.marks[k]!, this.marks[k + 1]!, this.marks[k + 2]!]);
    ranges.sort((a, b) => a[0] - b[0]);
    const parts: string[] = [source.slice(0, bodyStart)];
    let at = bodyStart;
    for (const [start, end, kind] of ranges) {
      if (end <= at) continue;
      if (start > at) parts.push(decode(source.slice(at, start)));
      if (kind === BLANK) parts.push(' ');
      at = end;
    }
    parts.push(decode(source.slice(at)));
    return parts.join('');
  }
}

function firstNonSpace(source: string, from: number, to: number): number {
  let k = from;
  while (k < to && source.charCodeAt(k) === 32) k++;
  return k;
}

/** How far a tag, comment or link destination is looked for from where it starts. */
const WINDOW = 4096;

/** The backtick runs of a paragraph by length, so that finding each opener's closer costs no rescan. */
class CodeRuns {
  /** run length -> starts of the maximal runs of that length, and how far the search has moved */
  private readonly byLength = new Map<number, { starts: number[]; cursor: number }>();

  constructor(text: string) {
    for (let i = text.indexOf('`'); i >= 0; ) {
      let run = i;
      while (run < text.length && text[run] === '`') run++;
      const entry = this.byLength.get(run - i);
      if (entry) entry.starts.push(i);
      else this.byLength.set(run - i, { starts: [i], cursor: 0 });
      i = text.indexOf('`', run);
    }
  }

  /** Start of the first run of exactly `length` at or after `from`, or -1; asked with `from` growing. */
  next(from: number, length: number): number {
    const entry = this.byLength.get(length);
    if (!entry) return -1;
    while (entry.cursor < entry.starts.length && entry.starts[entry.cursor]! < from) entry.cursor++;
    return entry.cursor < entry.starts.length ? entry.starts[entry.cursor]! : -1;
  }
}

/**
 * The end (after `)`) of an inline link's resource starting at `(`, as micromark reads it: a
 * destination (`<...>` or raw with balanced parentheses), an optional title, white space; -1 if
 * there is none. Anything this parser is unsure of gives up.
 */
function resourceEnd(full: string, open: number): number {
  // Within a window: a destination or title with no end in sight is not judged.
  const text = full.slice(0, open + WINDOW);
  const end = resourceEndIn(text, open);
  if (end < 0 && text.length < full.length) throw new GiveUp();
  return end;
}

function resourceEndIn(text: string, open: number): number {
  let i = skipSpace(text, open + 1);
  if (text[i] === ')') return i + 1;
  if (text[i] === '<') {
    i++;
    while (i < text.length && text[i] !== '>') {
      if (text[i] === '\n' || text[i] === '<') return -1;
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) return -1;
    i++;
  } else {
    let depth = 0;
    const start = i;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\' && i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1]!)) {
        i += 2;
        continue;
      }
      if (c <= ' ' || c === '\u007f') break;
      if (c === '(') {
        depth++;
        if (depth > 3) throw new GiveUp();
      } else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      i++;
    }
    if (i === start || depth > 0) return -1;
  }
  const beforeTitle = i;
  i = skipSpace(text, i);
  if (i > beforeTitle && (text[i] === '"' || text[i] === "'" || text[i] === '(')) {
    const close = text[i] === '(' ? ')' : text[i]!;
    i++;
    while (i < text.length && text[i] !== close) {
      if (text[i] === '\\') i++;
      else if (close === ')' && text[i] === '(') return -1;
      i++;
    }
    if (i >= text.length) return -1;
    i = skipSpace(text, i + 1);
  }
  return text[i] === ')' ? i + 1 : -1;
}

/** Spaces, tabs and at most one line ending. */
function skipSpace(text: string, from: number): number {
  let i = from;
  let newlines = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n')) {
    if (text[i] === '\n' && ++newlines > 1) break;
    i++;
  }
  return i;
}

/** Backslash escapes and character references, as CommonMark reads them in text, in one pass: `\\&amp;` is `&amp;`. */
function decode(text: string): string {
  if (!text.includes('\\') && !text.includes('&')) return text;
  return text.replace(ESCAPE_OR_REFERENCE, decodeReference);
}

function decodeReference(whole: string, escaped?: string, hex?: string, dec?: string, name?: string): string {
  if (escaped !== undefined) return escaped;
  if (name !== undefined) {
    const decoded = decodeNamedCharacterReference(name);
    return decoded === false ? whole : decoded;
  }
  const code = parseInt(hex ?? dec ?? '0', hex !== undefined ? 16 : 10);
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
}

/** The length of a leading YAML front matter block (`---` ... `---`), or 0. */
function frontMatterEnd(source: string): number {
  const open = /^---[ \t]*\r?\n/.exec(source);
  if (!open) return 0;
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = source.slice(open[0].length);
  const found = close.exec(rest);
  return found ? open[0].length + found.index + found[0].length : 0;
}
