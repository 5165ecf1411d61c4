/** Reads HTML (`.html`, `.htm`, and HTML bodies inside macro exports) into blocks of the text a browser shows. */
import { htmlReadsQuietly } from './quiet.js';
import { escapeHtmlText } from './escape.js';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { FormatError, type BlockKind, type Directive, type Document, type TextBlock } from '../model/document.js';
import { parseDirective } from './directives.js';
import type { FormatModule, ReadInput } from './format.js';
import { appendAligned, attributeValueRange } from './html-source.js';
import { MappedBuilder, sliceMap, type OffsetMap } from './offset-map.js';

/** Not text a reader sees: scripts, styles, inert templates, and code (the spec says code is not text). */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'pre', 'code']);

/** Elements that end the run of inline text before them and start their own. */
const BLOCK_LEVEL = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'head', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'optgroup', 'option', 'p',
  'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** `<meta>` whose `content` a visitor sees in search results and link previews, by its `name` or `property`. */
const META_FIELDS = new Set(['description', 'og:title', 'og:description', 'twitter:title', 'twitter:description']);

/** Whether a `<meta>` of this `name` or `property` (lower case) has customer-visible content. */
export function isVisibleMeta(key: string): boolean {
  return META_FIELDS.has(key);
}

const HEADING = /^h([1-6])$/;

export interface HtmlTextOptions {
  /** the HTML source: the whole file, or a decoded macro body */
  html: string;
  /** where each character of `html` is spelled in the file; the identity when `html` is the file */
  map?: OffsetMap;
  /** parse as a fragment (a macro body); by default a file that opens with `<!doctype>`, `<html>`, `<head>` or `<body>` is a document */
  fragment?: boolean;
}

export interface HtmlText {
  blocks: TextBlock[];
  directives: Directive[];
}

interface Context {
  kind: BlockKind;
  depth?: number;
  /** inside a table row, where blocks are cells of one row block */
  row: boolean;
}

const parsers = {
  fragment: unified().use(rehypeParse, { fragment: true, verbose: true }),
  document: unified().use(rehypeParse, { fragment: false, verbose: true }),
};

/** Whether `html` is a whole document rather than a fragment. */
export function isHtmlDocument(html: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html|head|body)\b/i.test(html);
}

/** The visible text of some HTML as blocks, and the `onemessage-` directives in its comments. */
export function htmlText(options: HtmlTextOptions): HtmlText {
  const { html } = options;
  const fragment = options.fragment ?? !isHtmlDocument(html);
  let tree: Root;
  try {
    tree = (fragment ? parsers.fragment : parsers.document).parse(html) as Root;
  } catch (error) {
    if (error instanceof RangeError) throw new FormatError('HTML is nested too deeply to read');
    throw error;
  }
  const extractor = new Extractor(html, options.map ?? sliceMap(0));
  try {
    extractor.children(tree.children, { kind: 'paragraph', row: false });
  } catch (error) {
    if (error instanceof RangeError) throw new FormatError('HTML is nested too deeply to read');
    throw error;
  }
  extractor.flush();
  return { blocks: extractor.blocks, directives: extractor.directives };
}

/** Walks the tree keeping one open block of inline text; block-level elements close it. */
class Extractor {
  readonly blocks: TextBlock[] = [];
  readonly directives: Directive[] = [];
  private open: { builder: MappedBuilder; context: Context } | undefined;
  /** alt and title fields met inside the open block, emitted after it to keep reading order */
  private pendingFields: TextBlock[] = [];
  /** line breaks since the last visible text: macro editors write paragraphs as `<br><br>` */
  private breaks = 0;

  constructor(
    private readonly html: string,
    private readonly map: OffsetMap,
  ) {}

  children(nodes: Array<RootContent | ElementContent>, context: Context): void {
    for (const node of nodes) {
      if (node.type === 'text') this.text(node, context);
      else if (node.type === 'element') this.element(node, context);
      else if (node.type === 'comment') this.comment(node.value, node.position?.start.offset, node.position?.end.offset);
    }
  }

  flush(): void {
    this.breaks = 0;
    if (this.open) {
      const { builder, context } = this.open;
      const block = builder.build({ kind: context.kind, ...(context.depth ? { depth: context.depth } : {}) });
      if (block) this.blocks.push(block);
      this.open = undefined;
    }
    for (const field of this.pendingFields) this.blocks.push(field);
    this.pendingFields = [];
  }

  private builderFor(context: Context): MappedBuilder {
    if (!this.open) this.open = { builder: new MappedBuilder(this.map), context };
    return this.open.builder;
  }

  private text(node: Text, context: Context): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const builder = this.builderFor(context);
    if (/\S/.test(node.value)) this.breaks = 0;
    if (start === undefined || end === undefined) builder.synthetic(node.value, 0);
    else appendAligned(builder, { html: this.html, start, end, value: node.value, context: 'text' });
  }

  private comment(body: string, start: number | undefined, end: number | undefined): void {
    if (start === undefined || end === undefined || !/^\s*onemessage-/.test(body)) return;
    const directive = parseDirective(body, this.map.start(start), this.map.end(end - 1));
    if (directive) this.directives.push(directive);
  }

  private element(node: Element, context: Context): void {
    const tag = node.tagName;
    if (isHidden(node)) return;
    if (tag === 'title') return this.titleElement(node);
    if (tag === 'meta') return this.metaElement(node);
    if (SKIPPED.has(tag)) return;
    this.attributeField(node, 'title', 'title');
    // A screen reader says it instead of (or beside) the element's text: a button's or a link's words.
    this.attributeField(node, 'ariaLabel', 'aria-label');
    if (tag === 'img' || tag === 'area' || tag === 'input') this.attributeField(node, 'alt', 'alt');
    const at = node.position?.start.offset ?? 0;
    if (tag === 'br') return this.lineBreak(context, at);
    // Intercom's API writes placeholders as <attribute key="user.name" default="there"/>: a word break
    // that is not text; parse5 does not self-close it, so what follows is its children and is read.
    if (tag === 'attribute') {
      this.builderFor(context).synthetic(' ', at);
      return this.children(node.children, context);
    }
    if (!BLOCK_LEVEL.has(tag)) return this.children(node.children, context);
    if (context.row && tag !== 'table') return this.insideRow(node, context, at);
    this.flush();
    this.children(node.children, blockContext(tag, context));
    this.flush();
  }

  /** A line break; a second one in a row (a blank line) ends the paragraph, outside tables. */
  private lineBreak(context: Context, at: number): void {
    this.builderFor(context).synthetic('\n', at);
    if (++this.breaks >= 2 && !context.row) this.flush();
  }

  /** A table row is one block: its cells joined by a tab, blocks inside a cell by a line break. */
  private insideRow(node: Element, context: Context, at: number): void {
    const open = this.open;
    if (open && open.builder.textLength > 0) open.builder.synthetic(node.tagName === 'td' || node.tagName === 'th' ? '\t' : '\n', at);
    this.children(node.children, context);
  }

  private titleElement(node: Element): void {
    const builder = new MappedBuilder(this.map);
    for (const child of node.children) {
      if (child.type !== 'text' || !child.position) continue;
      appendAligned(builder, { html: this.html, start: child.position.start.offset!, end: child.position.end.offset!, value: child.value, context: 'text' });
    }
    this.pushField(builder.build({ kind: 'field', field: 'title' }));
  }

  private metaElement(node: Element): void {
    const key = String(node.properties['name'] ?? node.properties['property'] ?? '').toLowerCase();
    if (META_FIELDS.has(key)) this.attributeField(node, 'content', key);
  }

  private attributeField(node: Element, property: string, field: string): void {
    const value = node.properties[property];
    if (typeof value !== 'string' || !/\S/.test(value)) return;
    const position = attributePosition(node, property);
    if (!position) return;
    const range = attributeValueRange(this.html, position.start, position.end);
    const builder = new MappedBuilder(this.map);
    appendAligned(builder, { html: this.html, start: range.start, end: range.end, value, context: 'attribute' });
    this.pushField(builder.build({ kind: 'field', field }));
  }

  private pushField(block: TextBlock | undefined): void {
    if (!block) return;
    if (this.open) this.pendingFields.push(block);
    else this.blocks.push(block);
  }
}

function blockContext(tag: string, parent: Context): Context {
  const heading = HEADING.exec(tag);
  if (heading) return { kind: 'heading', depth: Number(heading[1]), row: false };
  if (tag === 'li') return { kind: 'list-item', row: false };
  if (tag === 'tr') return { kind: 'table-row', row: true };
  if (tag === 'blockquote') return { kind: 'blockquote', row: false };
  // A paragraph inside a list item or a quote is part of it; inside a heading it cannot be (parse5 closes the heading).
  return parent.kind === 'list-item' || parent.kind === 'blockquote' ? { kind: parent.kind, row: false } : { kind: 'paragraph', row: false };
}

/** Whether an element of this (lower-case) name holds no text a reader sees: a script, a style, code. */
export function isSkippedTag(tag: string): boolean {
  return SKIPPED.has(tag);
}

/** Elements that never have content, so their opening tag never hides what follows it. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const OPENING_TAG = /^<([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?>$/;

/**
 * For a lone opening tag (inline HTML in Markdown, where the text up to its closing tag is
 * Markdown's): its name, and whether a browser shows nothing of that text (`<script>`, `<code>`,
 * `<span hidden>`). Undefined for anything but an opening tag of an element that has content.
 */
export function openingTag(html: string): { tag: string; hidesContent: boolean } | undefined {
  const match = OPENING_TAG.exec(html);
  if (!match || html.endsWith('/>')) return undefined;
  const tag = match[1]!.toLowerCase();
  if (VOID.has(tag)) return undefined;
  if (SKIPPED.has(tag)) return { tag, hidesContent: true };
  if (!/\s/.test(html)) return { tag, hidesContent: false };
  const element = (parsers.fragment.parse(html) as Root).children.find((node): node is Element => node.type === 'element');
  return { tag, hidesContent: element !== undefined && isHidden(element) };
}

/** What the markup itself hides: the `hidden` attribute, `aria-hidden="true"`, an inline `display: none`. */
export function isHidden(node: Pick<Element, 'properties'>): boolean {
  const { properties } = node;
  if (properties['hidden'] !== undefined && properties['hidden'] !== false && properties['hidden'] !== null) return true;
  if (String(properties['ariaHidden'] ?? '').toLowerCase() === 'true') return true;
  const style = properties['style'];
  return typeof style === 'string' && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style);
}

function attributePosition(node: Element, property: string): { start: number; end: number } | undefined {
  const data = node.data as { position?: { properties?: Record<string, { start: { offset?: number }; end: { offset?: number } } | undefined> } } | undefined;
  const position = data?.position?.properties?.[property];
  const start = position?.start.offset;
  const end = position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** `.html` and `.htm` files: one document each. */
export const htmlFormat: FormatModule = {
  name: 'html',
  lines: 'source',
  readsQuietly: htmlReadsQuietly,
  extensions: ['.html', '.htm'],
  escapeReplacement: (text) => escapeHtmlText(text),
  directiveComment: (body) => `<!-- ${body} -->`,
  read(input: ReadInput) {
    if (input.text.includes('\u0000')) throw new FormatError('not an HTML file: it holds binary data', input.text.indexOf('\u0000'));
    const { blocks, directives } = htmlText({ html: input.text });
    const document: Document = { path: input.path, format: 'html', blocks, directives };
    return { documents: [document] };
  },
};
