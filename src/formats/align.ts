/**
 * Maps a parser's decoded string back onto the source span it came from, character by
 * character, so every visible character keeps its exact source position.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';

/** Where the decoded characters go: a `TextBuilder` or a wrapper around one. */
export interface TextSink {
  appendVerbatim(text: string, sourceOffset: number): void;
  appendDecoded(text: string, sourceStart: number, sourceEnd: number): void;
  appendSynthetic(text: string, sourceOffset: number): void;
}

/**
 * Which escapes the source may spell: Markdown text (backslash escapes and character
 * references), HTML-like attribute values (character references only), YAML double-quoted
 * scalars (backslash escapes), YAML single-quoted scalars (`''` for a quote), or none.
 */
export type EscapeSyntax = 'markdown' | 'references' | 'yaml-double' | 'yaml-single' | 'none';

export interface AlignOptions {
  sink: TextSink;
  /** the decoded string the parser produced */
  value: string;
  source: string;
  /** the source span [start, end) the value was decoded from */
  start: number;
  end: number;
  escapes: EscapeSyntax;
  /** YAML folds a line break into a space: map such a space onto the line break */
  foldLineBreaks?: boolean;
}

interface Escape {
  decoded: string;
  length: number;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const referenceCache = new Map<string, string | undefined>();
const markdownParser = unified().use(remarkParse);

/**
 * Decodes a character reference the way micromark does, by asking micromark: the rules for
 * invalid numeric references and the named-entity table are its, not ours to copy.
 */
function decodeReference(reference: string): string | undefined {
  if (referenceCache.has(reference)) return referenceCache.get(reference);
  const tree = markdownParser.parse(reference);
  const paragraph = tree.children[0];
  const first = paragraph && paragraph.type === 'paragraph' ? paragraph.children[0] : undefined;
  const decoded = first && first.type === 'text' && paragraph!.type === 'paragraph' && paragraph.children.length === 1 && first.value !== reference ? first.value : undefined;
  referenceCache.set(reference, decoded);
  return decoded;
}

const YAML_SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const YAML_HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

function referenceAt(source: string, at: number, end: number): Escape | undefined {
  REFERENCE.lastIndex = at;
  const match = REFERENCE.exec(source);
  if (!match || at + match[0].length > end) return undefined;
  const decoded = decodeReference(match[0]);
  return decoded === undefined ? undefined : { decoded, length: match[0].length };
}

function yamlEscapeAt(source: string, at: number, end: number): Escape | undefined {
  const next = source[at + 1];
  if (next === undefined || at + 1 >= end) return undefined;
  if (next === '\n') return { decoded: '', length: 2 };
  if (next === '\r') return { decoded: '', length: source[at + 2] === '\n' ? 3 : 2 };
  const simple = YAML_SIMPLE_ESCAPES[next];
  if (simple !== undefined) return { decoded: simple, length: 2 };
  const hexLength = YAML_HEX_LENGTH[next];
  if (hexLength === undefined) return undefined;
  const hex = source.slice(at + 2, at + 2 + hexLength);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) return undefined;
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) return undefined;
  return { decoded: String.fromCodePoint(code), length: 2 + hexLength };
}

function escapeAt(syntax: EscapeSyntax, source: string, at: number, end: number): Escape | undefined {
  const char = source[at];
  if (syntax === 'markdown' && char === '\\') {
    const next = source[at + 1];
    return next !== undefined && at + 1 < end && ASCII_PUNCTUATION.test(next) ? { decoded: next, length: 2 } : undefined;
  }
  if ((syntax === 'markdown' || syntax === 'references') && char === '&') return referenceAt(source, at, end);
  if (syntax === 'yaml-double' && char === '\\') return yamlEscapeAt(source, at, end);
  if (syntax === 'yaml-single' && char === "'" && source[at + 1] === "'" && at + 1 < end) return { decoded: "'", length: 2 };
  return undefined;
}

function canStartEscape(syntax: EscapeSyntax, char: string | undefined): boolean {
  switch (syntax) {
    case 'markdown':
      return char === '\\' || char === '&';
    case 'references':
      return char === '&';
    case 'yaml-double':
      return char === '\\';
    case 'yaml-single':
      return char === "'";
    default:
      return false;
  }
}

/**
 * Appends `value` to the sink, walking the source span alongside it. Source characters the
 * parser dropped (container prefixes such as `> `, indentation, trailing spaces before a
 * line break) are skipped; escapes become decoded runs; everything else is verbatim. Linear
 * in the span's length. Should the value ever stray from the source, what is left of it
 * is pinned to the span's end rather than failing the file. Returns the source offset just
 * past the last character used.
 */
export function appendAligned(options: AlignOptions): number {
  const { sink, value, source, end, escapes } = options;
  let at = options.start;
  let index = 0;
  while (index < value.length) {
    if (at >= end) {
      sink.appendSynthetic(value.slice(index), end);
      return end;
    }
    const escape = canStartEscape(escapes, source[at]) ? escapeAt(escapes, source, at, end) : undefined;
    if (escape && value.startsWith(escape.decoded, index)) {
      sink.appendDecoded(escape.decoded, at, at + escape.length);
      at += escape.length;
      index += escape.decoded.length;
      continue;
    }
    if (source[at] === value[index]) {
      let length = 1;
      while (
        index + length < value.length &&
        at + length < end &&
        source[at + length] === value[index + length] &&
        !canStartEscape(escapes, source[at + length])
      ) {
        length += 1;
      }
      sink.appendVerbatim(value.slice(index, index + length), at);
      at += length;
      index += length;
      continue;
    }
    if (options.foldLineBreaks && value[index] === ' ' && (source[at] === '\n' || source[at] === '\r')) {
      const length = source[at] === '\r' && source[at + 1] === '\n' ? 2 : 1;
      sink.appendDecoded(' ', at, at + length);
      at += length;
      index += 1;
      continue;
    }
    at += 1;
  }
  return at;
}
