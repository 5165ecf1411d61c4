/** Reads Freshdesk canned responses (`GET /api/v2/canned_response_folders/{id}/responses`): one document per response. */
import { escapeInJsonString } from './escape.js';
import { jsonSkeleton } from './skeleton.js';
import { FormatError } from '../model/document.js';
import type { FormatModule, ReadInput } from './format.js';
import { member, type JsonValue } from './json-scan.js';
import {
  addString, emptyMacroText, expectString, firstItem, hasKeys, idString, macroDocument, objectItems, parsedJson, requireJson,
} from './macro-text.js';

function isResponse(value: JsonValue | undefined): boolean {
  return hasKeys(value, 'title', 'content') || hasKeys(value, 'title', 'content_html');
}

function isFreshdesk(root: JsonValue | undefined): boolean {
  return isResponse(root) || (root?.kind === 'array' && isResponse(firstItem(root)));
}

export const freshdeskFormat: FormatModule = {
  name: 'freshdesk',
  lines: 'embedded',
  extensions: ['.json'],
  sniff: (text) => isFreshdesk(parsedJson(text)),
  escapeReplacement: escapeInJsonString,
  fixSkeleton: jsonSkeleton,
  read(input: ReadInput) {
    const root = requireJson(input.text);
    if (!isFreshdesk(root)) throw new FormatError('not a Freshdesk canned responses export (expected [{"title", "content_html"}])', 0);
    const responses = root.kind === 'array' ? objectItems(root, 'canned response') : [root];
    const documents = responses.map((response, index) => {
      const label = `canned response ${index + 1}`;
      const text = emptyMacroText();
      // content is the plain-text copy of content_html: read the HTML, which the customer sees, and not both.
      const html = expectString(member(response, 'content_html'), `${label}: "content_html"`);
      const plain = expectString(member(response, 'content'), `${label}: "content"`);
      if (html) addString(text, { source: input.text, value: html, as: 'html' });
      else if (plain) addString(text, { source: input.text, value: plain, as: 'plain' });
      return macroDocument({
        path: input.path,
        format: 'freshdesk',
        title: expectString(member(response, 'title'), `${label}: "title"`)?.value,
        id: idString(member(response, 'id')),
        text,
      });
    });
    return { documents };
  },
};
