/** The MDX format: Markdown plus JSX and ESM, read with remark-mdx; JSX text is text, code is not. */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { location } from 'vfile-location';
import { FormatError } from '../model/document.js';
import { escapeJsxAttribute, escapeMarkdownText } from './escape-markdown.js';
import type { EscapeAt } from './escape.js';
import type { FormatModule } from './format.js';
import { checkFrontMatterSize } from './frontmatter.js';
import { asMdx } from './mdx-detect.js';
import { documentFromMdast, mdastSkeleton, type MdNode } from './mdast-reader.js';
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

/** The quoted JSX attribute values of the last MDX source asked about: one parse per file, not per fix. */
let attributes: { source: string; markdown: boolean; spans: Array<{ start: number; end: number; quote: '"' | "'" }> } | undefined;

function attributeSpans(source: string, markdown: boolean): NonNullable<typeof attributes>['spans'] {
  if (attributes?.source === source && attributes.markdown === markdown) return attributes.spans;
  const spans: NonNullable<typeof attributes>['spans'] = [];
  let tree: MdNode | undefined;
  try {
    // A `.md` page read as MDX is read as rewritten for MDX (every character kept in its place).
    tree = parser.parse(markdown ? asMdx(source) : source) as MdNode;
  } catch {
    tree = undefined;
  }
  const stack: MdNode[] = tree ? [tree] : [];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const attribute of node.attributes ?? []) {
      const start = attribute.position?.start.offset;
      const end = attribute.position?.end.offset;
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string' || start === undefined || end === undefined) continue;
      const equals = source.indexOf('=', start);
      const quote = /["']/.exec(source.slice(equals, end));
      if (equals >= 0 && quote) spans.push({ start: equals + quote.index + 1, end: end - 1, quote: quote[0] as '"' | "'" });
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  attributes = { source, markdown, spans };
  return spans;
}

/** Inside a JSX attribute string, references; elsewhere, Markdown's escapes and MDX's braces. `markdown`: a `.md` page written as MDX. */
export function escapeMdx(text: string, at: EscapeAt, options: { markdown?: boolean } = {}): string | undefined {
  const attribute = attributeSpans(at.source, options.markdown === true).find((span) => span.start <= at.start && at.end <= span.end);
  return attribute ? escapeJsxAttribute(text, attribute.quote) : escapeMarkdownText(text, at, { mdx: true });
}

export const mdx: FormatModule = {
  name: 'mdx',
  lines: 'source',
  extensions: ['.mdx'],
  escapeReplacement: escapeMdx,
  fixSkeleton: (text) => mdastSkeleton(parser.parse(text) as MdNode),
  // An HTML comment is not valid MDX; an expression holding only a comment is.
  directiveComment: (body) => `{/* ${body} */}`,
  read({ path, text, options }) {
    return documentFromMdast({ tree: parseMdx(text), source: text, path, format: 'mdx', options });
  },
};
