/**
 * Turns a Markdown or MDX syntax tree into the document model: blocks of visible text with
 * markup transparent, code, URLs and comments left out, and directives collected.
 */
import { appendAligned, type TextSink } from './align.js';
import { parseDirective } from './directives.js';
import { htmlText, isSkippedTag, openingTag } from './html.js';
import { propField } from './jsx-props.js';
import { sliceMap } from './offset-map.js';
import { TextBuilder, type BlockKind, type Directive, type Document, type FormatNote, type ReadResult, type TextBlock } from '../model/document.js';
import type { FormatOptions } from './format.js';
import { frontMatterContent, readFrontMatter } from './frontmatter.js';
import { splitTurns } from './speakers.js';

/** The slice of an mdast / mdx node this reader uses; typed loosely to work for both trees. */
export interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  alt?: string | null;
  name?: string | null;
  children?: MdNode[];
  attributes?: Array<{ type: string; name?: string; value?: unknown; position?: MdPosition }>;
  position?: MdPosition;
}

interface Span {
  start: number;
  end: number;
}

interface MdPosition {
  start: { offset?: number };
  end: { offset?: number };
}

export interface MdastReadInput {
  tree: MdNode;
  source: string;
  path: string;
  format: string;
  options: FormatOptions;
}

const PHRASING = new Set([
  'text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'break', 'inlineCode', 'html', 'image',
  'imageReference', 'footnoteReference', 'mdxTextExpression', 'mdxJsxTextElement',
]);
/** Inline nodes that are not text and stand between words: text on either side must not fuse. */
const GAPS = new Set(['inlineCode', 'html', 'image', 'imageReference', 'footnoteReference', 'mdxTextExpression']);

function startOf(node: { position?: MdPosition }): number {
  return node.position?.start.offset ?? 0;
}

function endOf(node: { position?: MdPosition }): number {
  return node.position?.end.offset ?? 0;
}

function spanOf(node: MdNode): Span {
  return { start: startOf(node), end: endOf(node) };
}

/**
 * A TextBuilder that remembers where a skipped inline node stood, and puts a synthetic space
 * there if the text on both sides would otherwise run together into one word.
 */
class InlineWriter implements TextSink {
  readonly builder = new TextBuilder();
  private last = '';
  private gapAt: number | undefined;

  gap(at: number): void {
    this.gapAt ??= at;
  }

  private beforeAppend(text: string): void {
    if (this.gapAt !== undefined && /\S/.test(this.last) && /^\S/.test(text)) this.builder.appendSynthetic(' ', this.gapAt);
    this.gapAt = undefined;
    this.last = text[text.length - 1] ?? this.last;
  }

  appendVerbatim(text: string, sourceOffset: number): void {
    if (text.length === 0) return;
    this.beforeAppend(text);
    this.builder.appendVerbatim(text, sourceOffset);
  }

  appendDecoded(text: string, sourceStart: number, sourceEnd: number): void {
    if (text.length === 0) return;
    this.beforeAppend(text);
    this.builder.appendDecoded(text, sourceStart, sourceEnd);
  }

  appendSynthetic(text: string, sourceOffset: number): void {
    if (text.length === 0) return;
    this.beforeAppend(text);
    this.builder.appendSynthetic(text, sourceOffset);
  }
}

/** Measures text without keeping it. */
const DISCARD: TextSink = { appendVerbatim() {}, appendDecoded() {}, appendSynthetic() {} };

class MdastReader {
  readonly blocks: TextBlock[] = [];
  readonly directives: Directive[] = [];
  /** field blocks met inside the block being written (image alts, JSX attributes); they follow it */
  private pendingFields: TextBlock[] = [];

  constructor(
    private readonly source: string,
    /** `formats.mdx.props`: the props read, by component name or `*` */
    private readonly props: Record<string, string[]> | undefined,
  ) {}

  flow(node: MdNode, kind: BlockKind): void {
    switch (node.type) {
      case 'heading':
        this.inlineBlock(node.children ?? [], spanOf(node), { kind: 'heading', depth: node.depth ?? 1 }, false);
        return;
      case 'paragraph':
        this.inlineBlock(node.children ?? [], spanOf(node), { kind }, true);
        return;
      case 'blockquote':
        this.container(node.children ?? [], 'blockquote');
        return;
      case 'list':
        this.container(node.children ?? [], kind);
        return;
      case 'listItem':
        this.container(node.children ?? [], 'list-item');
        return;
      case 'table':
        for (const row of node.children ?? []) this.tableRow(row);
        return;
      case 'html':
        this.htmlBlock(node, kind);
        return;
      case 'mdxFlowExpression':
        this.expressionComment(node);
        return;
      case 'mdxJsxFlowElement':
        if (jsxHidesContent(node)) return;
        this.jsxAttributes(node);
        this.flushFields();
        this.container(node.children ?? [], kind);
        return;
      case 'root':
      case 'footnoteDefinition':
        this.container(node.children ?? [], kind);
        return;
      default:
        // code, yaml, definitions, thematic breaks, ESM: not text.
        if (PHRASING.has(node.type)) this.inlineBlock([node], spanOf(node), { kind }, true);
    }
  }

  /**
   * An HTML block, read as a browser reads it: its visible text, `alt`, `title` and `aria-label`,
   * the meta description, directives in its comments; scripts and styles are not text.
   */
  private htmlBlock(node: MdNode, kind: BlockKind): void {
    const start = startOf(node);
    const { blocks, directives } = htmlText({ html: this.source.slice(start, endOf(node)), map: sliceMap(start), fragment: true });
    for (const block of blocks) {
      // A paragraph of HTML inside a list item or a quote belongs to it, as the HTML reader's own blocks do.
      this.blocks.push(block.kind === 'paragraph' && (kind === 'list-item' || kind === 'blockquote') ? { ...block, kind } : block);
    }
    for (const directive of directives) this.directives.push(directive);
  }

  /** Flow children; runs of phrasing children (text directly inside a JSX element) form one block. */
  private container(children: MdNode[], kind: BlockKind): void {
    let phrasing: MdNode[] = [];
    const flushPhrasing = (): void => {
      if (phrasing.length > 0) this.inlineBlock(phrasing, { start: startOf(phrasing[0]!), end: endOf(phrasing[phrasing.length - 1]!) }, { kind }, true);
      phrasing = [];
    };
    for (const child of children) {
      // An `html` node among flow children is an HTML block; in a paragraph it is an inline tag.
      if (PHRASING.has(child.type) && child.type !== 'html') {
        phrasing.push(child);
        continue;
      }
      flushPhrasing();
      this.flow(child, kind);
    }
    flushPhrasing();
  }

  private inlineBlock(children: MdNode[], span: Span, meta: { kind: BlockKind; depth?: number }, turns: boolean): void {
    const writer = new InlineWriter();
    this.inlineChildren(children, writer, span);
    const citations = countCitations(children);
    const block = writer.builder.build(citations > 0 ? { ...meta, citations } : meta);
    if (block) for (const part of turns ? splitTurns(block) : [block]) this.blocks.push(part);
    this.flushFields();
  }

  private tableRow(row: MdNode): void {
    const writer = new InlineWriter();
    (row.children ?? []).forEach((cell, index) => {
      // A tab, not a space: the cells are separate texts, joined only so the row is one block.
      if (index > 0) writer.appendSynthetic('\t', startOf(cell));
      this.inlineChildren(cell.children ?? [], writer, { start: startOf(cell), end: endOf(cell) });
    });
    const block = writer.builder.build({ kind: 'table-row' });
    if (block) this.blocks.push(block);
    this.flushFields();
  }

  /**
   * Writes phrasing children into the block. A few nodes come without a position (the GFM
   * autolink pass splits text without giving the parts one): they are placed in the gap the
   * positioned siblings leave, which is exactly where their source must be.
   */
  private inlineChildren(children: MdNode[], writer: InlineWriter, span: Span): number {
    let cursor = span.start;
    // Inside inline `<script>`, `<code>` or `<span hidden>`: the tag to close, and how many of it are open.
    let hiding: { tag: string; depth: number } | undefined;
    children.forEach((child, index) => {
      let childSpan: Span;
      if (child.position) {
        childSpan = { start: startOf(child), end: endOf(child) };
      } else {
        const next = children.slice(index + 1).find((sibling) => sibling.position);
        childSpan = { start: cursor, end: next ? startOf(next) : span.end };
      }
      if (hiding) {
        hiding = this.stillHiding(hiding, child);
        writer.gap(childSpan.start);
        cursor = childSpan.end;
        return;
      }
      cursor = this.inline(child, writer, childSpan);
      const opened = child.type === 'html' ? openingTag(child.value ?? '') : undefined;
      if (opened?.hidesContent) hiding = { tag: opened.tag, depth: 1 };
    });
    return cursor;
  }

  /** Follows the tags met while hiding; undefined once the tag that started it is closed. */
  private stillHiding(hiding: { tag: string; depth: number }, node: MdNode): { tag: string; depth: number } | undefined {
    if (node.type !== 'html') return hiding;
    const value = (node.value ?? '').toLowerCase();
    if (new RegExp(`^</${hiding.tag}\\s*>$`).test(value)) return hiding.depth === 1 ? undefined : { ...hiding, depth: hiding.depth - 1 };
    if (openingTag(value)?.tag === hiding.tag) return { ...hiding, depth: hiding.depth + 1 };
    return hiding;
  }

  /** Writes one phrasing node; returns the source offset just past what it used. */
  private inline(node: MdNode, writer: InlineWriter, span: Span): number {
    switch (node.type) {
      case 'text':
        return appendAligned({ sink: writer, value: node.value ?? '', source: this.source, start: span.start, end: span.end, escapes: 'markdown' });
      case 'break': {
        const lineEnd = /\r?\n|\r/.exec(this.source.slice(span.start, span.end));
        if (lineEnd) writer.appendVerbatim(lineEnd[0], span.start + lineEnd.index);
        return span.end;
      }
      case 'link':
        // `[text](url)` shows its text; `<https://…>` and bare URLs show only a URL.
        if (this.source[span.start] !== '[') {
          writer.gap(span.start);
          return node.position ? span.end : this.skipUrl(node, span);
        }
        break;
      case 'image':
      case 'imageReference':
        this.imageAlt(node);
        break;
      case 'html':
        this.inlineHtml(node);
        break;
      case 'mdxTextExpression':
        this.expressionComment(node);
        break;
      case 'mdxJsxTextElement':
        if (jsxHidesContent(node)) {
          writer.gap(span.start);
          return span.end;
        }
        this.jsxAttributes(node);
        break;
    }
    if (GAPS.has(node.type)) {
      writer.gap(span.start);
      return span.end;
    }
    const reached = this.inlineChildren(node.children ?? [], writer, span);
    return node.position ? span.end : reached;
  }

  /** The end of a bare URL with no position: where its text, as written, ends in the source. */
  private skipUrl(node: MdNode, span: Span): number {
    const shown = node.children?.[0]?.value ?? '';
    return appendAligned({ sink: DISCARD, value: shown, source: this.source, start: span.start, end: span.end, escapes: 'markdown' });
  }

  private imageAlt(node: MdNode): void {
    if (!node.alt) return;
    const builder = new TextBuilder();
    // The alt is the label's text: `![` opens it, and its markup is skipped by the alignment.
    appendAligned({ sink: builder, value: node.alt, source: this.source, start: startOf(node) + 2, end: endOf(node), escapes: 'markdown' });
    const block = builder.build({ kind: 'field', field: 'alt' });
    if (block) this.pendingFields.push(block);
  }

  /** The string props of a JSX element that are customer text (jsx-props.ts decides which), each a field block. */
  private jsxAttributes(node: MdNode): void {
    const attributes = node.attributes ?? [];
    const stringAttribute = (name: string): string | undefined => {
      const found = attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name);
      return typeof found?.value === 'string' ? found.value : undefined;
    };
    for (const attribute of attributes) {
      // Expression values (`headline={t('hero')}`) are code: never guessed at.
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || typeof attribute.value !== 'string' || !attribute.position) continue;
      const field = propField({ element: node.name ?? '', prop: attribute.name, value: attribute.value, named: this.props, attribute: stringAttribute });
      if (field === undefined) continue;
      const start = startOf(attribute);
      const end = endOf(attribute);
      const equals = this.source.indexOf('=', start);
      const quote = /["']/.exec(this.source.slice(equals, end));
      if (equals < 0 || !quote) continue;
      const builder = new TextBuilder();
      appendAligned({ sink: builder, value: attribute.value, source: this.source, start: equals + quote.index + 1, end: end - 1, escapes: 'references' });
      const block = builder.build({ kind: 'field', field });
      if (block) this.pendingFields.push(block);
    }
  }

  private flushFields(): void {
    for (const field of this.pendingFields) this.blocks.push(field);
    this.pendingFields = [];
  }

  /**
   * One inline tag or comment: the text around it is Markdown's, but its customer-visible
   * attributes (`<img alt>`, `<abbr title>`) and the directive in a comment are read. A tag
   * without attributes holds neither, and is not parsed.
   */
  private inlineHtml(node: MdNode): void {
    const value = node.value ?? '';
    if (!value.includes('=') && !value.startsWith('<!--')) return;
    const start = startOf(node);
    const { blocks, directives } = htmlText({ html: this.source.slice(start, endOf(node)), map: sliceMap(start), fragment: true });
    for (const block of blocks) if (block.kind === 'field') this.pendingFields.push(block);
    for (const directive of directives) this.directives.push(directive);
  }

  /** `{/* onemessage-… *\/}`: an MDX expression that holds only a comment. */
  private expressionComment(node: MdNode): void {
    const comment = /^\s*\/\*([\s\S]*?)\*\/\s*$/.exec(node.value ?? '');
    if (!comment) return;
    const directive = parseDirective(comment[1] ?? '', startOf(node), endOf(node));
    if (directive) this.directives.push(directive);
  }
}

/**
 * An HTML element written as JSX (`<script>`, `<code>`, `<div hidden>`) whose content no reader
 * sees. Components (capitalised) are the site's own: their children are read.
 */
function jsxHidesContent(node: MdNode): boolean {
  const name = node.name ?? '';
  if (!/^[a-z]/.test(name)) return false;
  if (isSkippedTag(name)) return true;
  const value = (key: string) => node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === key);
  const hidden = value('hidden');
  const ariaHidden = value('aria-hidden');
  return (hidden !== undefined && hidden.value !== 'false') || (typeof ariaHidden?.value === 'string' && ariaHidden.value.toLowerCase() === 'true');
}

const CITATION_NODES = new Set(['link', 'linkReference', 'footnoteReference']);

/** Links and footnote references in a block: what `claim/evidence` accepts as a citation. */
function countCitations(nodes: MdNode[]): number {
  let count = 0;
  for (const node of nodes) {
    if (CITATION_NODES.has(node.type)) count += 1;
    if (node.children) count += countCitations(node.children);
  }
  return count;
}

/** Reads a parsed Markdown or MDX tree into one document, and what its front matter notes. */
export function documentFromMdast(input: MdastReadInput): ReadResult {
  const { tree, source } = input;
  const document: Document = { path: input.path, format: input.format, blocks: [], directives: [] };
  const notes: FormatNote[] = [];
  const reader = new MdastReader(source, input.options.mdxProps);
  const yaml = tree.children?.find((child) => child.type === 'yaml');
  if (yaml) {
    const content = frontMatterContent(source, startOf(yaml), endOf(yaml));
    const fields = ['title', 'description', ...input.options.markdownFields];
    const frontMatter = readFrontMatter({ source, start: content.start, end: content.end, fields });
    reader.blocks.push(...frontMatter.blocks);
    if (frontMatter.declaredChannel !== undefined) document.declaredChannel = frontMatter.declaredChannel;
    if (frontMatter.products) document.products = frontMatter.products;
    for (const note of frontMatter.notes) notes.push(note);
  }
  reader.flow(tree, 'paragraph');
  document.blocks = reader.blocks;
  document.directives = reader.directives;
  return { documents: [document], ...(notes.length > 0 ? { notes } : {}) };
}
