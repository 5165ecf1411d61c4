/**
 * The Markdown format: CommonMark with GFM and YAML front matter, read with remark; a page written
 * as MDX (imports, exports, JSX components) is read as MDX, as Docusaurus and Nextra read it.
 */
import { markdownReadsQuietly } from './quiet.js';
import { markdownPhraseView } from './markdown-view.js';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { escapeMarkdownText } from './escape-markdown.js';
import type { FormatModule, ReadInput } from './format.js';
import { checkFrontMatterSize } from './frontmatter.js';
import { FormatError, type ReadResult } from '../model/document.js';
import { pieceReader, type PieceParse } from './markdown-pieces.js';
import { escapeMdx, parseMdx } from './mdx.js';
import { asMdx, looksLikeMdx, withoutEsm } from './mdx-detect.js';
import { documentFromMdast, mdastSkeleton, type MdNode } from './mdast-reader.js';
import './micromark-patch.js';
import { checkContainerDepth, checkInlineMarks, checkTreeDepth } from './nesting.js';

/** Which of GFM's two costly constructs a text may hold; the others cost little and stay on. */
interface GfmNeeds {
  autolinkLiteral: boolean;
  table: boolean;
}

/**
 * GFM as remark-gfm reads it (same extensions, same order), less the constructs the text cannot
 * hold. On a long paragraph the autolink-literal and table tokenizers cost 3.5 and 1.7 times
 * CommonMark itself (they look at every word and every first line); on tldr-pages together 0.7
 * times. Leaving one out where it can match nothing gives the same tree (test/formats/markdown-gfm.test.ts).
 */
function gfmParts(this: Processor, needs: GfmNeeds): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  const micromark = (data.micromarkExtensions ??= []);
  const mdast = (data.fromMarkdownExtensions ??= []);
  if (needs.autolinkLiteral) micromark.push(gfmAutolinkLiteral());
  micromark.push(gfmFootnote(), gfmStrikethrough());
  if (needs.table) micromark.push(gfmTable());
  micromark.push(gfmTaskListItem());
  if (needs.autolinkLiteral) mdast.push(gfmAutolinkLiteralFromMarkdown());
  mdast.push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown());
  if (needs.table) mdast.push(gfmTableFromMarkdown());
  mdast.push(gfmTaskListItemFromMarkdown());
}

/**
 * What GFM needs for this text, by a scan much cheaper than the tokenizers. A literal autolink
 * starts at `www`, `http` or an `@` (after decoding: a character reference may spell one, so
 * any `&` counts); a table needs a `|` or, in a delimiter row without pipes, a colon beside a
 * dash (`a` then `:-:` is a one-column table).
 */
export function gfmNeeds(text: string): GfmNeeds {
  return { autolinkLiteral: /[@&]|www|http/i.test(text), table: /\||:-|-:/.test(text) };
}

const parsers = new Map<string, Processor>();
/** The parser for a text: remark with GFM (less what cannot match) and YAML front matter. */
export function markdownParser(text: string): Processor {
  const needs = gfmNeeds(text);
  const key = `${needs.autolinkLiteral}${needs.table}`;
  let parser = parsers.get(key);
  if (!parser) {
    parser = unified().use(remarkParse).use(gfmParts, needs).use(remarkFrontmatter, ['yaml']) as unknown as Processor;
    parsers.set(key, parser);
  }
  return parser;
}

/** The checks over the whole text that come before a parse: nesting and emphasis marks a parser would choke on. */
export function checkMarkdown(text: string): void {
  checkFrontMatterSize(text);
  checkContainerDepth(text);
  checkInlineMarks(text, { mdx: false });
}

/** Parses a text (checked) into the document and the tree's top-level nodes. */
export function parseMarkdown({ path, text, options }: ReadInput): PieceParse {
  const tree = markdownParser(text).parse(text) as MdNode;
  checkTreeDepth(tree);
  const top = (tree.children ?? []).map((node) => ({ type: node.type, start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 }));
  const read = documentFromMdast({ tree, source: text, path, format: 'markdown', options });
  return { document: read.documents[0]!, top, ...(read.notes ? { notes: read.notes } : {}) };
}

/** Reads a page as Markdown or, when it is written as MDX (or the spec says so), as MDX. */
function readMarkdown(input: ReadInput): ReadResult {
  const { path, text, options } = input;
  const mode = options.markdownMdx ?? 'auto';
  const read = (source: string, tree: MdNode) => documentFromMdast({ tree, source, path, format: 'markdown', options });
  // Every rewrite keeps each character where it was, so offsets into it are offsets into the file.
  if (mode === true) {
    const source = asMdx(text);
    return read(source, parseMdx(source));
  }
  if (mode === 'auto' && looksLikeMdx(text)) {
    const mdx = parseAsMdx(text);
    if (mdx) return read(mdx.source, mdx.tree);
    const markdownSource = withoutEsm(text);
    checkMarkdown(markdownSource);
    return fromParse(parseMarkdown({ ...input, text: markdownSource }));
  }
  checkMarkdown(text);
  return fromParse(parseMarkdown(input));
}

function fromParse(parse: PieceParse): ReadResult {
  return { documents: [parse.document], ...(parse.notes ? { notes: parse.notes } : {}) };
}

/** Whether a page is read as MDX: then it is read whole, since pieces are cut by Markdown's rules. */
function readsAsMdx(input: ReadInput): boolean {
  const mode = input.options.markdownMdx ?? 'auto';
  return mode === true || (mode === 'auto' && looksLikeMdx(input.text));
}

/** The tree a page's structure is compared on before and after `--fix`: MDX's for a page written as MDX, as `read` decides in its default mode. */
function skeletonTree(text: string): MdNode {
  if (!looksLikeMdx(text)) return markdownParser(text).parse(text) as MdNode;
  const mdx = parseAsMdx(text);
  if (mdx) return mdx.tree;
  const source = withoutEsm(text);
  return markdownParser(source).parse(source) as MdNode;
}

/**
 * A page written as MDX, parsed as MDX (its text rewritten in place, so offsets are the file's);
 * undefined when it is not valid MDX (a stray `<` or `{`, an unclosed `<br>`): then it is read as
 * Markdown without its import and export lines, which are still not prose.
 */
function parseAsMdx(text: string): { source: string; tree: MdNode } | undefined {
  const source = asMdx(text);
  try {
    return { source, tree: parseMdx(source) };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return undefined;
  }
}

export const markdown: FormatModule = {
  name: 'markdown',
  lines: 'source',
  readsQuietly: markdownReadsQuietly,
  // A page written as MDX is read by MDX's rules, which the view does not mirror.
  phraseView: (text) => (looksLikeMdx(text) ? undefined : markdownPhraseView(text)),
  extensions: ['.md', '.markdown'],
  // A page written as MDX is read as MDX, so its fixes are escaped (JSX attribute strings too) and its structure compared as MDX.
  escapeReplacement: (text, at) => (looksLikeMdx(at.source) ? escapeMdx(text, at, { markdown: true }) : escapeMarkdownText(text, at)),
  fixSkeleton: (text) => mdastSkeleton(skeletonTree(text)),
  // A page read as MDX takes MDX's comment: an HTML comment is a syntax error there.
  directiveComment: (body, source) => (source !== undefined && looksLikeMdx(source) ? `{/* ${body} */}` : `<!-- ${body} -->`),
  read: readMarkdown,
  editReader() {
    const pieces = pieceReader({ read: readMarkdown, parse: parseMarkdown, check: checkMarkdown });
    return (input) => (readsAsMdx(input) ? readMarkdown(input) : pieces(input));
  },
};
