/**
 * A tiny document model (headings, paragraphs, lists, tables of plain text and code) rendered
 * to escaped Markdown or HTML, so that one piece of content can be written once for both.
 */
import { escapeHtml, escapeMarkdown, markdownCode, stripControl } from './text.js';

export type Inline = string | { code: string } | { strong: string };
export type Inlines = Inline[];

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inlines }
  | { kind: 'list'; items: Inlines[] }
  | { kind: 'table'; head: string[]; rows: Inlines[][] };

export function toMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(blockToMarkdown).join('\n\n')}\n`;
}

function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return inlinesToMarkdown(block.content, false);
    case 'list':
      return block.items.map((item) => `- ${inlinesToMarkdown(item, false)}`).join('\n');
    case 'table':
      return [
        `| ${block.head.map(escapeMarkdown).join(' | ')} |`,
        `|${block.head.map(() => ' --- |').join('')}`,
        ...block.rows.map((row) => `| ${row.map((cell) => inlinesToMarkdown(cell, true) || ' ').join(' | ')} |`),
      ].join('\n');
  }
}

function inlinesToMarkdown(content: Inlines, inTable: boolean): string {
  return content
    .map((inline) => {
      if (typeof inline === 'string') return escapeMarkdown(inline);
      if ('code' in inline) return markdownCode(inline.code, { inTable });
      // emphasis cannot open or close next to white space, so such text goes in plain
      const strong = escapeMarkdown(inline.strong);
      return strong.trim() === strong && strong !== '' ? `**${strong}**` : strong;
    })
    .join('');
}

export function toHtml(blocks: readonly Block[]): string {
  return blocks.map(blockToHtml).join('');
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${text(block.text)}</h${block.level}>\n`;
    case 'paragraph':
      return `<p>${inlinesToHtml(block.content)}</p>\n`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${inlinesToHtml(item)}</li>\n`).join('')}</ul>\n`;
    case 'table':
      return (
        `<table>\n<thead><tr>${block.head.map((cell) => `<th>${text(cell)}</th>`).join('')}</tr></thead>\n<tbody>\n` +
        block.rows.map((row) => `<tr>${row.map((cell) => `<td>${inlinesToHtml(cell)}</td>`).join('')}</tr>\n`).join('') +
        '</tbody>\n</table>\n'
      );
  }
}

/**
 * Inline Markdown as rule descriptions use it (`code` spans and **strong**), read into inlines so
 * that it renders as markup rather than showing its backticks. Anything else stays text.
 */
export function parseInline(markdown: string): Inlines {
  const out: Inlines = [];
  const pattern = /(`+)([^`]+?)\1|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const match of markdown.matchAll(pattern)) {
    if (match.index > last) out.push(markdown.slice(last, match.index));
    out.push(match[2] !== undefined ? { code: match[2] } : { strong: match[3]! });
    last = match.index + match[0].length;
  }
  if (last < markdown.length) out.push(markdown.slice(last));
  return out;
}

export function inlinesToHtml(content: Inlines): string {
  return content
    .map((inline) => {
      if (typeof inline === 'string') return text(inline);
      if ('code' in inline) return `<code>${text(inline.code)}</code>`;
      return `<strong>${text(inline.strong)}</strong>`;
    })
    .join('');
}

function text(value: string): string {
  return escapeHtml(stripControl(value));
}
