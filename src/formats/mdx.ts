/** The MDX format: Markdown plus JSX and ESM, read with remark-mdx; JSX text is text, code is not. */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { location } from 'vfile-location';
import { FormatError } from '../model/document.js';
import { escapeMarkdownText } from './escape.js';
import type { FormatModule } from './format.js';
import { checkFrontMatterSize } from './frontmatter.js';
import { documentFromMdast, type MdNode } from './mdast-reader.js';
import './micromark-patch.js';
import { checkContainerDepth, checkInlineMarks, checkTreeDepth } from './nesting.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkMdx);

interface ParserMessage {
  reason?: string;
  message?: string;
  place?: { line?: number; column?: number; offset?: number; start?: { line?: number; column?: number; offset?: number } };
  line?: number;
  column?: number;
}

/**
 * Where an MDX parse error points. An unclosed tag is reported at its enclosing paragraph,
 * but the message names the tag's own place (`(3:1-3:10)`), which is what the writer must fix.
 */
function errorOffset(source: string, error: ParserMessage, reason: string): number | undefined {
  const toOffset = (line?: number, column?: number): number | undefined =>
    line === undefined || column === undefined ? undefined : location(source).toOffset({ line, column });
  const named = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason);
  if (named) return toOffset(Number(named[1]), Number(named[2]));
  const point = error.place && 'start' in error.place && error.place.start ? error.place.start : error.place;
  if (point?.offset !== undefined) return point.offset;
  return toOffset(point?.line ?? error.line, point?.column ?? error.column);
}

/** Parses MDX into a syntax tree, within the nesting limits; throws `FormatError` where the MDX is invalid. */
export function parseMdx(text: string): MdNode {
  checkFrontMatterSize(text);
  checkContainerDepth(text);
  checkInlineMarks(text, { mdx: true });
  let tree: MdNode;
  try {
    tree = parser.parse(text) as MdNode;
  } catch (error) {
    if (error instanceof RangeError) throw new FormatError('markup nested too deeply to read');
    if (!(error instanceof Error)) throw error;
    const message = error as Error & ParserMessage;
    const reason = (message.reason ?? message.message).split('\n')[0]!;
    throw new FormatError(`Invalid MDX: ${reason}`, errorOffset(text, message, reason));
  }
  checkTreeDepth(tree);
  return tree;
}

export const mdx: FormatModule = {
  name: 'mdx',
  lines: 'source',
  extensions: ['.mdx'],
  escapeReplacement: (text, at) => escapeMarkdownText(text, at, { mdx: true }),
  // An HTML comment is not valid MDX; an expression holding only a comment is.
  directiveComment: (body) => `{/* ${body} */}`,
  read({ path, text, options }) {
    return documentFromMdast({ tree: parseMdx(text), source: text, path, format: 'mdx', options });
  },
};
