/** The Markdown format: CommonMark with GFM and YAML front matter, read with remark. */
import { markdownReadsQuietly } from './quiet.js';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { escapeMarkdownText } from './escape.js';
import type { FormatModule, ReadInput } from './format.js';
import { pieceReader, type PieceParse } from './markdown-pieces.js';
import { documentFromMdast, type MdNode } from './mdast-reader.js';
import './micromark-patch.js';
import { checkContainerDepth, checkInlineMarks, checkTreeDepth } from './nesting.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** The checks over the whole text that come before a parse: nesting and emphasis marks a parser would choke on. */
export function checkMarkdown(text: string): void {
  checkContainerDepth(text);
  checkInlineMarks(text, { mdx: false });
}

/** Parses a text (checked) into the document and the tree's top-level nodes. */
export function parseMarkdown({ path, text, options }: ReadInput): PieceParse {
  const tree = parser.parse(text) as MdNode;
  checkTreeDepth(tree);
  const top = (tree.children ?? []).map((node) => ({ type: node.type, start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 }));
  return { document: documentFromMdast({ tree, source: text, path, format: 'markdown', options }), top };
}

export const markdown: FormatModule = {
  name: 'markdown',
  lines: 'source',
  readsQuietly: markdownReadsQuietly,
  extensions: ['.md', '.markdown'],
  escapeReplacement: (text, at) => escapeMarkdownText(text, at),
  directiveComment: (body) => `<!-- ${body} -->`,
  read(input) {
    checkMarkdown(input.text);
    return { documents: [parseMarkdown(input).document] };
  },
  editReader() {
    return pieceReader({ read: (input) => markdown.read(input), parse: parseMarkdown, check: checkMarkdown });
  },
};
