/** Reads Intercom macros (`GET /macros`): one document per macro, its HTML body as text. */
import { escapeInJsonString } from './escape.js';
import { jsonSkeleton } from './skeleton.js';
import { FormatError } from '../model/document.js';
import type { FormatModule, ReadInput } from './format.js';
import { member, stringMember, type JsonValue } from './json-scan.js';
import {
  addString, emptyMacroText, expectString, firstItem, idString, macroDocument, objectItems, parsedJson, requireJson,
} from './macro-text.js';

function isMacro(value: JsonValue | undefined): boolean {
  return stringMember(value, 'type')?.value === 'macro';
}

/** `{"type": "list", "data": [...]}`, one `{"type": "macro"}`, or a bare list of them. */
function macros(root: JsonValue | undefined): JsonValue[] | undefined {
  if (isMacro(root)) return [root!];
  if (root?.kind === 'array' && isMacro(firstItem(root))) return objectItems(root, 'macro');
  const data = member(root, 'data');
  if (stringMember(root, 'type')?.value === 'list' && data?.kind === 'array' && (data.items.length === 0 || isMacro(data.items[0]))) {
    return objectItems(data, 'macro');
  }
  return undefined;
}

function isIntercom(root: JsonValue | undefined): boolean {
  if (isMacro(root) || (root?.kind === 'array' && isMacro(firstItem(root)))) return true;
  const data = member(root, 'data');
  return stringMember(root, 'type')?.value === 'list' && data?.kind === 'array' && (data.items.length === 0 || isMacro(data.items[0]));
}

export const intercomFormat: FormatModule = {
  name: 'intercom',
  lines: 'embedded',
  extensions: ['.json'],
  sniff: (text) => isIntercom(parsedJson(text)),
  escapeReplacement: escapeInJsonString,
  fixSkeleton: jsonSkeleton,
  read(input: ReadInput) {
    const list = macros(requireJson(input.text));
    if (!list) throw new FormatError('not an Intercom macros export (expected {"type": "list", "data": [...]})', 0);
    const documents = list.map((macro, index) => {
      const label = `macro ${index + 1}`;
      const text = emptyMacroText();
      // body_text is the plain copy of body: read the HTML the customer sees, and not both.
      const html = expectString(member(macro, 'body'), `${label}: "body"`);
      const plain = expectString(member(macro, 'body_text'), `${label}: "body_text"`);
      if (html) addString(text, { source: input.text, value: html, as: 'html' });
      else if (plain) addString(text, { source: input.text, value: plain, as: 'plain' });
      return macroDocument({
        path: input.path,
        format: 'intercom',
        title: expectString(member(macro, 'name'), `${label}: "name"`)?.value,
        id: idString(member(macro, 'id')),
        text,
      });
    });
    return { documents };
  },
};
