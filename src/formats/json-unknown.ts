/** The last reader of `.json`: a file no vendor recognised is reported, never silently skipped. */
import { FormatError } from '../model/document.js';
import type { FormatModule, ReadInput } from './format.js';
import { requireJson } from './macro-text.js';

export const UNKNOWN_JSON_MESSAGE = 'not a known macro export (expected Zendesk, Help Scout, Freshdesk or Intercom shape)';

export const unknownJsonFormat: FormatModule = {
  name: 'json',
  lines: 'embedded',
  mayNotBeContent: true,
  extensions: ['.json'],
  sniff: () => true,
  read(input: ReadInput) {
    // Invalid JSON fails here with its own message and offset.
    const root = requireJson(input.text);
    // An empty list is an empty export of any vendor.
    if (root.kind === 'array' && root.items.length === 0) return { documents: [] };
    throw new FormatError(UNKNOWN_JSON_MESSAGE, root.start);
  },
};
