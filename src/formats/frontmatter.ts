/**
 * Reads YAML front matter: customer-visible fields become `field` blocks mapped to their
 * exact place in the YAML, and `channel:` / `product:` become document metadata. Front matter
 * is read in bounded time and memory (a length and a token limit), and a key set twice is a
 * note, not a failure: the last value is read, as YAML 1.1 readers (Jekyll, Hugo) do.
 */
import { isMap, isScalar, isSeq, Lexer, parseDocument, Scalar, YAMLMap, type Node as YamlNode } from 'yaml';
import { appendAligned, type EscapeSyntax } from './align.js';
import { FormatError, TextBuilder, type FormatNote, type TextBlock } from '../model/document.js';
import { locator, type Locator } from '../model/positions.js';

/**
 * Front matter longer than this (UTF-16 code units) is refused before any parser sees it. Real
 * front matter is a few hundred bytes to a few kilobytes; a 600 KB one took the YAML parser 10 s.
 */
export const MAX_FRONT_MATTER_LENGTH = 256 * 1024;
/**
 * YAML tokens (keys, values, indicators) beyond this are refused: the parser's work, including
 * the error it makes per line of a broken multi-line string, is bounded by it. A 1,000-line
 * front matter of nested lists holds about 5,000.
 */
export const MAX_FRONT_MATTER_TOKENS = 50_000;

export interface FrontMatterInput {
  source: string;
  /** source span [start, end) of the YAML between the fences */
  start: number;
  end: number;
  /** customer-visible fields; a dotted name (`seo.title`) reaches into a nested map */
  fields: string[];
}

export interface FrontMatter {
  blocks: TextBlock[];
  /** keys set more than once (`duplicate-key`), at the later key */
  notes: FormatNote[];
  declaredChannel?: string;
  products?: string[];
}

/** The YAML span of a front matter node's source `---\n…\n---`: the lines between the fences. */
export function frontMatterContent(source: string, nodeStart: number, nodeEnd: number): { start: number; end: number } {
  const firstNewline = source.indexOf('\n', nodeStart);
  const start = firstNewline < 0 || firstNewline >= nodeEnd ? nodeEnd : firstNewline + 1;
  const lastNewline = source.lastIndexOf('\n', nodeEnd - 1);
  const end = lastNewline < start ? start : lastNewline + 1;
  return { start, end };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function oneLine(message: string): string {
  const first = message.split('\n')[0] ?? message;
  // The parser counts lines inside the front matter, not the file: the offset says where.
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

/** The value of the last pair with this key: the one YAML 1.1 readers keep when a key is set twice. */
function lastValue(map: YAMLMap, key: string): unknown {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i]!;
    if (isScalar(pair.key) ? String(pair.key.value) === key : pair.key === key) return pair.value;
  }
  return undefined;
}

function lookup(root: YamlNode | null, path: string): YamlNode | undefined {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (!isMap(node)) return undefined;
    node = lastValue(node, key);
  }
  return (node ?? undefined) as YamlNode | undefined;
}

function stringsOf(node: YamlNode | undefined): string[] {
  if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : [];
  if (isSeq(node)) return node.items.flatMap((item) => (isScalar(item) && typeof item.value === 'string' ? [item.value] : []));
  return [];
}

function scalarBlock(scalar: Scalar, field: string, source: string, offset: number): TextBlock | undefined {
  const [rangeStart, valueEnd] = scalar.range ?? [0, 0];
  const start = offset + rangeStart;
  const end = offset + valueEnd;
  const builder = new TextBuilder();
  if (typeof scalar.value !== 'string') {
    // A number or a date a customer reads as written.
    builder.appendVerbatim(source.slice(start, end).trimEnd(), start);
    return builder.build({ kind: 'field', field });
  }
  let spanStart = start;
  let spanEnd = end;
  let escapes: EscapeSyntax = 'none';
  if (scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE) {
    // Inside the quotes, so an opening quote is never taken for a quote in the value.
    spanStart += 1;
    spanEnd -= 1;
    escapes = scalar.type === Scalar.QUOTE_DOUBLE ? 'yaml-double' : 'yaml-single';
  } else if (scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED) {
    // Past the `|` / `>` header line, whose indicators could look like value characters.
    const newline = source.indexOf('\n', start);
    spanStart = newline < 0 || newline >= end ? end : newline + 1;
  }
  appendAligned({ sink: builder, value: scalar.value, source, start: spanStart, end: spanEnd, escapes, foldLineBreaks: true });
  return builder.build({ kind: 'field', field });
}

function fieldBlocks(node: YamlNode | undefined, field: string, source: string, offset: number): TextBlock[] {
  const scalars = isScalar(node) ? [node] : isSeq(node) ? node.items.filter((item): item is Scalar => isScalar(item)) : [];
  return scalars.flatMap((scalar) => scalarBlock(scalar, field, source, offset) ?? []);
}

/** The span of the YAML between a file's opening and closing `---` fences, as remark-frontmatter finds them; undefined when there is none. */
export function frontMatterSpan(text: string): { start: number; end: number } | undefined {
  const opening = /^---[ \t]*\r?\n/.exec(text);
  if (!opening) return undefined;
  const close = /^---[ \t]*\r?$/m.exec(text.slice(opening[0].length));
  if (!close) return undefined;
  const start = opening[0].length;
  return { start, end: start + close.index };
}

/**
 * Refuses front matter past the length limit before a parser reads the file: micromark and the
 * YAML parser would both spend time and memory on every line of it.
 */
export function checkFrontMatterSize(text: string): void {
  if (!text.startsWith('---')) return;
  const span = frontMatterSpan(text);
  if (span) checkLength(span.end - span.start);
}

function checkLength(length: number): void {
  if (length <= MAX_FRONT_MATTER_LENGTH) return;
  throw new FormatError(
    `front matter is ${sizeOf(length)}, more than the ${sizeOf(MAX_FRONT_MATTER_LENGTH)} onemessage reads; move long text into the page body`,
    0,
  );
}

function sizeOf(length: number): string {
  return length >= 1024 * 1024 ? `${(length / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(length / 1024)} KB`;
}

/** Counts YAML tokens, stopping at the limit, so that the check itself is bounded. */
function checkTokens(yaml: string, at: number): void {
  let tokens = 0;
  for (const _token of new Lexer().lex(yaml)) {
    if (++tokens > MAX_FRONT_MATTER_TOKENS) {
      throw new FormatError(
        `front matter is too complex to read: more than ${MAX_FRONT_MATTER_TOKENS.toLocaleString('en-US')} YAML tokens; onemessage stops there so that no page can stall a run`,
        at,
      );
    }
  }
}

/** Every key set more than once in a map of the front matter, at its later place; the map's first place is named. */
function duplicateKeys(root: YamlNode | null, source: string, offset: number): FormatNote[] {
  const notes: FormatNote[] = [];
  const stack: unknown[] = [root];
  let lines: Locator | undefined;
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) for (const item of node.items) stack.push(item);
    if (!isMap(node)) continue;
    const first = new Map<string, Scalar>();
    for (const pair of node.items) {
      stack.push(pair.value);
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, pair.key);
        continue;
      }
      lines ??= locator(source);
      const [keyStart, keyEnd] = pair.key.range;
      notes.push({ code: 'duplicate-key', start: offset + keyStart, end: offset + keyEnd, data: { key, firstLine: lines.at(offset + earlier.range![0]).line } });
    }
  }
  return notes.sort((a, b) => a.start - b.start);
}

/**
 * Parses the front matter; throws `FormatError` at the offending offset for invalid YAML, and
 * for front matter past the length or token limit.
 */
export function readFrontMatter(input: FrontMatterInput): FrontMatter {
  const { source, start, end } = input;
  checkLength(end - start);
  const yaml = source.slice(start, end);
  checkTokens(yaml, start);
  // Duplicate keys are reported as notes below; the parser would make them errors.
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) throw new FormatError(`front matter is not valid YAML: ${lowerFirst(oneLine(error.message))}`, start + error.pos[0]);
  const root = doc.contents;
  if (root !== null && !isMap(root)) {
    const at = start + (root.range?.[0] ?? 0);
    throw new FormatError('front matter is not valid YAML: expected a map of fields (key: value)', at);
  }
  const result: FrontMatter = { blocks: [], notes: duplicateKeys(root, source, start) };
  const fields = [...new Set(input.fields)];
  for (const field of fields) result.blocks.push(...fieldBlocks(lookup(root, field), field, source, start));
  // Reading order is source order, whatever order the spec lists the fields in.
  result.blocks.sort((a, b) => (a.runs[0]?.source ?? 0) - (b.runs[0]?.source ?? 0));
  const channel = lookup(root, 'channel');
  if (isScalar(channel) && typeof channel.value === 'string') result.declaredChannel = channel.value;
  const products = [...stringsOf(lookup(root, 'product')), ...stringsOf(lookup(root, 'products'))];
  if (products.length > 0) result.products = products;
  return result;
}
