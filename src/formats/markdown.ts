/** The Markdown format: CommonMark with GFM and YAML front matter, read with remark. */
import { markdownReadsQuietly } from './quiet.js';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { escapeMarkdownText } from './escape-markdown.js';
import type { FormatModule } from './format.js';
import { documentFromMdast, mdastSkeleton, type MdNode } from './mdast-reader.js';
import './micromark-patch.js';
import { checkContainerDepth, checkInlineMarks, checkTreeDepth } from './nesting.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export const markdown: FormatModule = {
  name: 'markdown',
  lines: 'source',
  readsQuietly: markdownReadsQuietly,
  extensions: ['.md', '.markdown'],
  escapeReplacement: (text, at) => escapeMarkdownText(text, at),
  fixSkeleton: (text) => mdastSkeleton(parser.parse(text) as MdNode),
  read({ path, text, options }) {
    checkContainerDepth(text);
    checkInlineMarks(text, { mdx: false });
    const tree = parser.parse(text) as MdNode;
    checkTreeDepth(tree);
    return { documents: [documentFromMdast({ tree, source: text, path, format: 'markdown', options })] };
  },
};
