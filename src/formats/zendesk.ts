/**
 * Reads a Zendesk macros export (`GET /api/v2/macros`): one document per macro, its comment and
 * subject actions as text; a comment the macro makes private (an internal note) is a document of its own, marked internal.
 */
import { escapeInJsonString } from './escape.js';
import { FormatError } from '../model/document.js';
import type { FormatModule, ReadInput } from './format.js';
import { member, stringMember, type JsonValue } from './json-scan.js';
import {
  addString, emptyMacroText, expectString, firstItem, hasKeys, idString, macroDocument, objectItems, parsedJson, requireJson,
} from './macro-text.js';

/** `{"macros": [...]}` (a page of the list), `{"macro": {...}}` (one macro), or a bare list of macros. */
function macros(root: JsonValue | undefined): JsonValue[] | undefined {
  if (root?.kind === 'object') {
    const list = member(root, 'macros');
    if (list?.kind === 'array') return objectItems(list, 'macro');
    const single = member(root, 'macro');
    if (single?.kind === 'object') return [single];
    if (hasKeys(root, 'title', 'actions')) return [root];
    return undefined;
  }
  if (root?.kind === 'array' && hasKeys(firstItem(root), 'actions')) return objectItems(root, 'macro');
  return undefined;
}

function isZendesk(root: JsonValue | undefined): boolean {
  if (root?.kind === 'object') return member(root, 'macros')?.kind === 'array' || member(root, 'macro')?.kind === 'object' || hasKeys(root, 'title', 'actions');
  return root?.kind === 'array' && hasKeys(firstItem(root), 'actions');
}

/** The comment text of a `comment_value` action: a string, or a `[channel, text]` pair. */
function commentText(value: JsonValue | undefined): JsonValue | undefined {
  if (value?.kind === 'array') return value.items[value.items.length - 1];
  return value;
}

/** `false` or `"false"`: Zendesk's API writes action values as strings, exports made by hand often as booleans. */
function isFalse(value: JsonValue | undefined): boolean {
  return value?.kind === 'false' || (value?.kind === 'string' && value.value.trim().toLowerCase() === 'false');
}

export const zendeskFormat: FormatModule = {
  name: 'zendesk',
  lines: 'embedded',
  extensions: ['.json'],
  sniff: (text) => isZendesk(parsedJson(text)),
  escapeReplacement: escapeInJsonString,
  read(input: ReadInput) {
    const list = macros(requireJson(input.text));
    if (!list) throw new FormatError('not a Zendesk macros export (expected {"macros": [...]})', 0);
    const documents = list.flatMap((macro, index) => {
      const label = `macro ${index + 1}`;
      const text = emptyMacroText();
      const actions = member(macro, 'actions');
      if (actions !== undefined && actions.kind !== 'array') throw new FormatError(`${label}: "actions" must be a list`, actions.start);
      const items = actions?.items ?? [];
      // A macro that sets the comment as HTML sets it once; its plain comment_value, if any, is the same reply.
      const hasHtml = items.some((action) => stringMember(action, 'field')?.value === 'comment_value_html');
      // comment_mode_is_public: false makes the macro's comment an internal note; its subject is still the customer's.
      const note = items.some((action) => stringMember(action, 'field')?.value === 'comment_mode_is_public' && isFalse(member(action, 'value')));
      const comment = note ? emptyMacroText() : text;
      for (const action of items) {
        const field = stringMember(action, 'field')?.value;
        const value = member(action, 'value');
        if (field === 'subject') {
          const subject = expectString(value, `${label}: the subject action's value`);
          if (subject) addString(text, { source: input.text, value: subject, as: { field: 'subject' } });
        } else if (field === 'comment_value_html') {
          const html = expectString(value, `${label}: the comment_value_html action's value`);
          if (html) addString(comment, { source: input.text, value: html, as: 'html' });
        } else if (field === 'comment_value' && !hasHtml) {
          const plain = expectString(commentText(value), `${label}: the comment_value action's value`);
          if (plain) addString(comment, { source: input.text, value: plain, as: 'plain' });
        }
      }
      const about = {
        path: input.path,
        format: 'zendesk',
        title: stringMember(macro, 'title')?.value,
        id: idString(member(macro, 'id')),
        inactive: member(macro, 'active')?.kind === 'false',
      };
      const customer = macroDocument({ ...about, text });
      if (!note || (comment.blocks.length === 0 && comment.directives.length === 0)) return [customer];
      return [customer, macroDocument({ ...about, internal: true, text: comment })];
    });
    return { documents };
  },
};
