/**
 * The Markdown format: CommonMark with GFM and YAML front matter, read with remark; a page written
 * as MDX (imports, exports, JSX components) is read as MDX, as Docusaurus and Nextra read it.
 */
import { markdownReadsQuietly } from './quiet.js';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { escapeMarkdownText } from './escape.js';
import type { FormatModule } from './format.js';
import { checkFrontMatterSize } from './frontmatter.js';
import { FormatError } from '../model/document.js';
import { parseMdx } from './mdx.js';
import { asMdx, looksLikeMdx, withoutEsm } from './mdx-detect.js';
import { documentFromMdast, type MdNode } from './mdast-reader.js';
import './micromark-patch.js';
import { checkContainerDepth, checkInlineMarks, checkTreeDepth } from './nesting.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

function parseMarkdown(text: string): MdNode {
  checkFrontMatterSize(text);
  checkContainerDepth(text);
  checkInlineMarks(text, { mdx: false });
  const tree = parser.parse(text) as MdNode;
  checkTreeDepth(tree);
  return tree;
}

export const markdown: FormatModule = {
  name: 'markdown',
  lines: 'source',
  readsQuietly: markdownReadsQuietly,
  extensions: ['.md', '.markdown'],
  escapeReplacement: (text, at) => escapeMarkdownText(text, at, { mdx: looksLikeMdx(at.source) }),
  read({ path, text, options }) {
    const mode = options.markdownMdx ?? 'auto';
    const read = (source: string, tree: MdNode) => documentFromMdast({ tree, source, path, format: 'markdown', options });
    // Every rewrite keeps each character where it was, so offsets into it are offsets into the file.
    if (mode === true) {
      const source = asMdx(text);
      return read(source, parseMdx(source));
    }
    if (mode === 'auto' && looksLikeMdx(text)) {
      const source = asMdx(text);
      try {
        return read(source, parseMdx(source));
      } catch (error) {
        if (!(error instanceof FormatError)) throw error;
        // Not valid MDX (a stray `<` or `{`, an unclosed `<br>`): read as Markdown, whose imports are still not prose.
        const markdownSource = withoutEsm(text);
        return read(markdownSource, parseMarkdown(markdownSource));
      }
    }
    return read(text, parseMarkdown(text));
  },
};
