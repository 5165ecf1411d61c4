/** Blanks help-desk placeholders (`{{ticket.requester.first_name}}`, `{% if %}`, `{%customer.fname,fallback=there%}`) out of macro text. */
import type { TextBlock } from '../model/document.js';
import { replaceSpans } from './offset-map.js';

/**
 * Liquid output and tags, which cover Zendesk, Freshdesk and Intercom (`{{name | fallback: "there"}}`)
 * and Help Scout's `{%customer.fname,fallback=there%}`. Bounded so an unclosed `{{` cannot swallow a body.
 */
const PLACEHOLDER = /\{\{[\s\S]{0,400}?\}\}|\{%[\s\S]{0,400}?%\}/g;

/**
 * The block with each placeholder replaced by one synthetic space (so the words either side
 * stay apart, and the text between `{% if %}` and `{% endif %}` stays); undefined when only
 * placeholders were visible.
 */
export function blankPlaceholders(block: TextBlock): TextBlock | undefined {
  const spans: Array<{ start: number; end: number }> = [];
  for (const match of block.text.matchAll(PLACEHOLDER)) spans.push({ start: match.index, end: match.index + match[0].length });
  return replaceSpans(block, spans);
}
