/** What every macro export shares: JSON values to blocks (plain or HTML, placeholders blanked), ids, titles, and sniffing. */
import { FormatError, type Directive, type Document, type TextBlock } from '../model/document.js';
import { htmlText } from './html.js';
import { parseJson, stringMap, type JsonString, type JsonValue } from './json-scan.js';
import { MappedBuilder, type OffsetMap } from './offset-map.js';
import { blankPlaceholders } from './placeholders.js';

/** The visible text of one macro, gathered from its text fields. */
export interface MacroText {
  blocks: TextBlock[];
  directives: Directive[];
}

export function emptyMacroText(): MacroText {
  return { blocks: [], directives: [] };
}

/** Paragraphs of a plain-text body (split on blank lines), placeholders blanked. */
export function plainBlocks(decoded: string, map: OffsetMap): TextBlock[] {
  const blocks: TextBlock[] = [];
  const blankLine = /\r?\n[ \t]*\r?\n(?:[ \t]*\r?\n)*/g;
  let from = 0;
  for (const match of [...decoded.matchAll(blankLine), undefined]) {
    const to = match ? match.index : decoded.length;
    const builder = new MappedBuilder(map);
    builder.verbatim(decoded.slice(from, to), from);
    const block = builder.build({ kind: 'paragraph' });
    const blanked = block && blankPlaceholders(block);
    if (blanked) blocks.push(blanked);
    if (match) from = match.index + match[0].length;
  }
  return blocks;
}

/** A one-line customer-visible field (a subject), placeholders blanked. */
export function fieldBlocks(decoded: string, map: OffsetMap, field: string): TextBlock[] {
  const builder = new MappedBuilder(map);
  builder.verbatim(decoded, 0);
  const block = builder.build({ kind: 'field', field });
  const blanked = block && blankPlaceholders(block);
  return blanked ? [blanked] : [];
}

/** The visible text of an HTML body, placeholders blanked. */
export function htmlBlocks(decoded: string, map: OffsetMap): MacroText {
  const { blocks, directives } = htmlText({ html: decoded, map, fragment: true });
  return { blocks: blocks.flatMap((block) => blankPlaceholders(block) ?? []), directives };
}

/** Appends the text of a JSON string value, read as plain text, HTML, or a field. */
export function addString(
  into: MacroText,
  options: { source: string; value: JsonString; as: 'plain' | 'html' | { field: string } },
): void {
  const { source, value, as } = options;
  const map = stringMap(source, value);
  // Loops, not push(...list): a list of 100k+ blocks from one huge value overflows the stack as arguments.
  if (as === 'plain') for (const block of plainBlocks(value.value, map)) into.blocks.push(block);
  else if (as === 'html') {
    const html = htmlBlocks(value.value, map);
    for (const block of html.blocks) into.blocks.push(block);
    for (const directive of html.directives) into.directives.push(directive);
  } else for (const block of fieldBlocks(value.value, map, as.field)) into.blocks.push(block);
}

/** An id as a string: a number keeps its digits as written. */
export function idString(value: JsonValue | undefined): string | undefined {
  if (value?.kind === 'string') return value.value;
  if (value?.kind === 'number') return value.raw;
  return undefined;
}

export function macroDocument(options: {
  path: string;
  format: string;
  title?: string | undefined;
  id?: string | undefined;
  inactive?: boolean;
  /** an internal note: text agents read, customers never do */
  internal?: boolean;
  text: MacroText;
}): Document {
  const { path, format, title, id, inactive, internal, text } = options;
  return {
    path,
    format,
    ...(title !== undefined ? { title } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(inactive ? { inactive: true } : {}),
    ...(internal ? { internal: true } : {}),
    blocks: text.blocks,
    directives: text.directives,
  };
}

/** The objects of a list, each checked to be an object; `what` names them in the error. */
export function objectItems(list: JsonValue, what: string): JsonValue[] {
  if (list.kind !== 'array') throw new FormatError(`expected a list of ${what}s`, list.start);
  list.items.forEach((item, index) => {
    if (item.kind !== 'object') throw new FormatError(`${what} ${index + 1} is not an object`, item.start);
  });
  return list.items;
}

/** A string member that must be a string when present; anything else is an error naming the macro. */
export function expectString(value: JsonValue | undefined, label: string): JsonString | undefined {
  if (value === undefined || value.kind === 'null') return undefined;
  if (value.kind !== 'string') throw new FormatError(`${label} must be a string`, value.start);
  return value;
}

let last: { text: string; value: JsonValue | undefined } | undefined;

/**
 * The parsed file, kept for the one file being looked at: four vendors sniff the same `.json`
 * and the winner reads it, so it is parsed once. Undefined when it is not valid JSON.
 */
export function parsedJson(text: string): JsonValue | undefined {
  if (last?.text !== text) {
    let value: JsonValue | undefined;
    try {
      value = parseJson(text);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      value = undefined;
    }
    last = { text, value };
  }
  return last.value;
}

/** Like parsedJson, but a file that is not JSON is a FormatError with its offset. */
export function requireJson(text: string): JsonValue {
  return parsedJson(text) ?? parseJson(text);
}

/** Whether a JSON value is an object holding every one of `keys`. */
export function hasKeys(value: JsonValue | undefined, ...keys: string[]): boolean {
  return value?.kind === 'object' && keys.every((key) => value.entries.some((entry) => entry.key === key));
}

/** The first item of a list, if the value is a non-empty list. */
export function firstItem(value: JsonValue | undefined): JsonValue | undefined {
  return value?.kind === 'array' ? value.items[0] : undefined;
}
