/**
 * The last reader of `.json`: a macro export no vendor module recognised, in any of the shapes
 * home-made exports take (a `{title: text}` map, a list of objects at the root or under one key),
 * with its keys guessed or named in the spec's `formats.json`. A file of no such shape is reported.
 */
import { escapeInJsonString } from './escape.js';
import { jsonSkeleton } from './skeleton.js';
import { FormatError, NotContentError, type Document } from '../model/document.js';
import type { FormatModule, FormatOptions, ReadInput } from './format.js';
import { member, type JsonString, type JsonValue } from './json-scan.js';
import { addString, emptyMacroText, idString, macroDocument, requireJson } from './macro-text.js';

type Column = 'title' | 'text' | 'id';

/** Keys tried, in order, for what the spec does not name: the CSV reader's guesses, and HTML bodies. */
const GUESSES: Record<Column, string[]> = {
  title: ['title', 'name', 'subject'],
  text: ['body', 'text', 'content', 'message', 'response', 'html', 'body_html', 'content_html'],
  id: ['id'],
};

export const UNKNOWN_JSON_MESSAGE =
  'not a macro export onemessage knows: expected a Zendesk, Help Scout, Freshdesk or Intercom export, a {"title": "text"} map, or a list of objects with a text key (body, text, content, message or response); name its keys with formats.json';

type JsonShape = NonNullable<FormatOptions['json']>;

/** A tag as HTML writes it: a body holding one is read as HTML, any other as plain text. */
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/;

/** Marks an item as a note only agents read: `"public": false`, `"private": true`, `"internal": true`. */
function isInternal(item: JsonValue): boolean {
  const flag = (key: string, internalWhen: boolean): boolean => {
    const value = member(item, key);
    if (value?.kind === 'true' || value?.kind === 'false') return (value.kind === 'true') === internalWhen;
    return value?.kind === 'string' && value.value.trim().toLowerCase() === String(internalWhen);
  };
  return flag('public', false) || flag('is_public', false) || flag('private', true) || flag('is_private', true) || flag('internal', true);
}

/** The value at a dotted path (`data.macros`) from the root. */
function at(root: JsonValue, path: string): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const key of path.split('.')) value = member(value, key);
  return value;
}

function isObjectList(value: JsonValue | undefined): value is Extract<JsonValue, { kind: 'array' }> {
  return value?.kind === 'array' && value.items.length > 0 && value.items.every((item) => item.kind === 'object');
}

function guessKey(item: JsonValue, column: Column): string | undefined {
  return GUESSES[column].find((key) => member(item, key) !== undefined);
}

/** Whether a list's first item has a text key to guess: then the list is a list of macros. */
function hasText(list: Extract<JsonValue, { kind: 'array' }>, shape: JsonShape): boolean {
  const first = list.items[0]!;
  return shape.text !== undefined ? member(first, shape.text) !== undefined : guessKey(first, 'text') !== undefined;
}

/** The list of macros: where the spec says, else the root list, else the one list of objects under a key of the root. */
function itemsOf(root: JsonValue, shape: JsonShape): Extract<JsonValue, { kind: 'array' }> | undefined {
  if (shape.items !== undefined) {
    const list = at(root, shape.items);
    if (list === undefined) throw new FormatError(`formats.json.items "${shape.items}" is not in this file${keysHint(root)}`, root.start);
    if (list.kind === 'array' && list.items.length === 0) return list;
    if (!isObjectList(list)) throw new FormatError(`formats.json.items "${shape.items}" is not a list of objects`, list.start);
    return list;
  }
  if (root.kind === 'array') return isObjectList(root) && hasText(root, shape) ? root : undefined;
  if (root.kind !== 'object') return undefined;
  const lists = root.entries.map((entry) => entry.value).filter((value) => isObjectList(value) && hasText(value, shape));
  return lists.length === 1 ? (lists[0] as Extract<JsonValue, { kind: 'array' }>) : undefined;
}

function keysHint(root: JsonValue): string {
  if (root.kind !== 'object' || root.entries.length === 0) return '';
  const keys = root.entries.slice(0, 8).map((entry) => `"${entry.key}"`);
  return ` (its keys: ${keys.join(', ')}${root.entries.length > 8 ? ', ...' : ''})`;
}

/** The strings of a map whose values are strings or maps of strings (a translation file), each with its dotted key. */
function stringLeaves(root: JsonValue): Array<{ key: string; value: JsonString }> | undefined {
  if (root.kind !== 'object' || root.entries.length === 0) return undefined;
  const leaves: Array<{ key: string; value: JsonString }> = [];
  const stack: Array<{ prefix: string; object: Extract<JsonValue, { kind: 'object' }> }> = [{ prefix: '', object: root }];
  while (stack.length > 0) {
    const { prefix, object } = stack.pop()!;
    const nested: typeof stack = [];
    for (const entry of object.entries) {
      const key = `${prefix}${entry.key}`;
      if (entry.value.kind === 'string') leaves.push({ key, value: entry.value });
      else if (entry.value.kind === 'object') nested.push({ prefix: `${key}.`, object: entry.value });
      else return undefined;
    }
    // Depth first in source order: a nested map's strings come where the map is written.
    for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]!);
  }
  return leaves.sort((a, b) => a.value.start - b.value.start);
}

function textDocument(options: { input: ReadInput; value: JsonString | undefined; title?: string | undefined; id?: string | undefined; internal?: boolean; channel?: string | undefined }): Document {
  const { input, value } = options;
  const text = emptyMacroText();
  if (value) addString(text, { source: input.text, value, as: HTML_TAG.test(value.value) ? 'html' : 'plain' });
  const document = macroDocument({ path: input.path, format: 'json', title: options.title, id: options.id, ...(options.internal ? { internal: true } : {}), text });
  return options.channel !== undefined ? { ...document, declaredChannel: options.channel } : document;
}

/** A member that must be a string when present; anything else is an error naming the item. */
function stringAt(item: JsonValue, key: string | undefined, label: string): JsonString | undefined {
  if (key === undefined) return undefined;
  const value = member(item, key);
  if (value === undefined || value.kind === 'null') return undefined;
  if (value.kind !== 'string') throw new FormatError(`${label}: "${key}" must be a string`, value.start);
  return value;
}

function readItems(input: ReadInput, list: Extract<JsonValue, { kind: 'array' }>, shape: JsonShape): Document[] {
  return list.items.map((item, index) => {
    const label = `item ${index + 1}`;
    if (item.kind !== 'object') throw new FormatError(`${label} is not an object`, item.start);
    const key = (column: Column) => shape[column] ?? guessKey(item, column);
    const channel = shape.channel !== undefined ? stringAt(item, shape.channel, label)?.value.trim() : undefined;
    return textDocument({
      input,
      value: stringAt(item, key('text'), label),
      title: stringAt(item, key('title'), label)?.value,
      id: idString(member(item, key('id') ?? 'id')),
      internal: isInternal(item),
      channel: channel || undefined,
    });
  });
}

export const genericJsonFormat: FormatModule = {
  name: 'json',
  lines: 'embedded',
  mayNotBeContent: true,
  extensions: ['.json'],
  sniff: () => true,
  escapeReplacement: escapeInJsonString,
  fixSkeleton: jsonSkeleton,
  read(input: ReadInput) {
    // Invalid JSON fails here with its own message and offset.
    const root = requireJson(input.text);
    // An empty list is an empty export of any vendor.
    if (root.kind === 'array' && root.items.length === 0) return { documents: [] };
    const shape = input.options.json ?? {};
    // A JSON file in no channel (a baseline, a translation file, test data) is no export unless the spec says how to read it.
    if (input.mayPassOver && !input.options.json) throw new NotContentError(UNKNOWN_JSON_MESSAGE, root.start);
    const list = itemsOf(root, shape);
    if (list) return { documents: readItems(input, list, shape) };
    const leaves = shape.items === undefined ? stringLeaves(root) : undefined;
    if (leaves) return { documents: leaves.map(({ key, value }) => textDocument({ input, value, title: key })) };
    // With a shape the spec gave (formats.json), a file that does not fit it is a mistake to report.
    if (input.options.json) throw new FormatError(UNKNOWN_JSON_MESSAGE, root.start);
    throw new NotContentError(UNKNOWN_JSON_MESSAGE, root.start);
  },
};
