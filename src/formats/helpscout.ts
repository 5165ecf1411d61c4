/** Reads Help Scout saved replies (Mailbox API 2.0, `/v2/mailboxes/{id}/saved-replies`): one document per reply. */
import { escapeInJsonString } from './escape.js';
import { jsonSkeleton } from './skeleton.js';
import { FormatError } from '../model/document.js';
import type { FormatModule, ReadInput } from './format.js';
import { member, type JsonValue } from './json-scan.js';
import {
  addString, emptyMacroText, expectString, firstItem, hasKeys, idString, macroDocument, objectItems, parsedJson, requireJson,
  type MacroText,
} from './macro-text.js';

const BODY_KEYS = ['text', 'preview', 'chatText', 'chatPreview'];

function isReply(value: JsonValue | undefined): boolean {
  // Intercom's macros also have a name; theirs carry `type` and `body`, Help Scout's never do.
  return hasKeys(value, 'name') && BODY_KEYS.some((key) => hasKeys(value, key)) && !hasKeys(value, 'type') && !hasKeys(value, 'body');
}

/** `{"_embedded": {"saved-replies": [...]}}`, the list endpoint's bare list, or one reply. */
function replies(root: JsonValue | undefined): JsonValue[] | undefined {
  const embedded = member(member(root, '_embedded'), 'saved-replies');
  if (embedded?.kind === 'array') return objectItems(embedded, 'saved reply');
  if (root?.kind === 'array' && isReply(firstItem(root))) return objectItems(root, 'saved reply');
  if (isReply(root)) return [root!];
  return undefined;
}

function isHelpScout(root: JsonValue | undefined): boolean {
  return member(member(root, '_embedded'), 'saved-replies')?.kind === 'array' || (root?.kind === 'array' && isReply(firstItem(root))) || isReply(root);
}

function plainWords(text: MacroText): string {
  return text.blocks.map((block) => block.text).join(' ').replace(/\s+/g, ' ').trim();
}

export const helpscoutFormat: FormatModule = {
  name: 'helpscout',
  lines: 'embedded',
  extensions: ['.json'],
  sniff: (text) => isHelpScout(parsedJson(text)),
  escapeReplacement: escapeInJsonString,
  fixSkeleton: jsonSkeleton,
  read(input: ReadInput) {
    const list = replies(requireJson(input.text));
    if (!list) throw new FormatError('not a Help Scout saved replies export (expected [{"id", "name", "text"}])', 0);
    const documents = list.map((reply, index) => {
      const label = `saved reply ${index + 1}`;
      const field = (key: string) => expectString(member(reply, key), `${label}: "${key}"`);
      // `text` is the email reply in HTML; the list endpoint gives only its plain `preview`.
      const email = emptyMacroText();
      const html = field('text');
      const preview = field('preview');
      if (html) addString(email, { source: input.text, value: html, as: 'html' });
      else if (preview) addString(email, { source: input.text, value: preview, as: 'plain' });
      // The chat version is its own wording; read it unless it says exactly what the email says.
      const chat = emptyMacroText();
      const chatBody = field('chatText') ?? field('chatPreview');
      if (chatBody) addString(chat, { source: input.text, value: chatBody, as: 'plain' });
      const text = plainWords(chat) === plainWords(email) ? email : { blocks: [...email.blocks, ...chat.blocks], directives: email.directives };
      return macroDocument({
        path: input.path,
        format: 'helpscout',
        title: field('name')?.value,
        id: idString(member(reply, 'id')),
        text,
      });
    });
    return { documents };
  },
};
