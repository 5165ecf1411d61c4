/**
 * Reads YAML front matter: customer-visible fields become `field` blocks mapped to their
 * exact place in the YAML, and `channel:` / `product:` become document metadata.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import { appendAligned, type EscapeSyntax } from './align.js';
import { FormatError, TextBuilder, type TextBlock } from '../model/document.js';

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

function lookup(root: YamlNode | null, path: string): YamlNode | undefined {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (!isMap(node)) return undefined;
    node = node.get(key, true);
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

/** Parses the front matter; throws `FormatError` at the offending offset for invalid YAML. */
export function readFrontMatter(input: FrontMatterInput): FrontMatter {
  const { source, start, end } = input;
  const doc = parseDocument(source.slice(start, end), { prettyErrors: false });
  const error = doc.errors[0];
  if (error) throw new FormatError(`front matter is not valid YAML: ${lowerFirst(oneLine(error.message))}`, start + error.pos[0]);
  const root = doc.contents;
  if (root !== null && !isMap(root)) {
    const at = start + (root.range?.[0] ?? 0);
    throw new FormatError('front matter is not valid YAML: expected a map of fields (key: value)', at);
  }
  const result: FrontMatter = { blocks: [] };
  const fields = [...new Set(input.fields)];
  for (const field of fields) for (const block of fieldBlocks(lookup(root, field), field, source, start)) result.blocks.push(block);
  // Reading order is source order, whatever order the spec lists the fields in.
  result.blocks.sort((a, b) => (a.runs[0]?.source ?? 0) - (b.runs[0]?.source ?? 0));
  const channel = lookup(root, 'channel');
  if (isScalar(channel) && typeof channel.value === 'string') result.declaredChannel = channel.value;
  const products = [...stringsOf(lookup(root, 'product')), ...stringsOf(lookup(root, 'products'))];
  if (products.length > 0) result.products = products;
  return result;
}
