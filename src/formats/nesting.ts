/**
 * Refuses Markdown and MDX nested deeper, or packed with more inline markup, than any real page,
 * before the parser and the readers' recursive walks meet it: 10,000 nested list items would take
 * micromark minutes and overflow the stack, and its emphasis and link resolution is quadratic in
 * the marks of one paragraph. No copy a customer reads comes near these limits.
 */
import { FormatError } from '../model/document.js';

/** Lists and block quotes deeper than this are refused. */
export const MAX_CONTAINER_DEPTH = 100;
/** `*`, `_`, `[` and `]` in one paragraph beyond this are refused (micromark pairs them in quadratic time). */
export const MAX_INLINE_MARKS = 1000;
/** `[` (and in MDX `{`) nested deeper than this within a paragraph are refused. */
export const MAX_BRACKET_DEPTH = 32;
/** Syntax tree levels (containers, emphasis, links, JSX elements) deeper than this are refused. */
export const MAX_TREE_DEPTH = 400;

const SPACE = /[ \t]/;

/**
 * Counts, line by line, the list markers and `>` that open a line, plus the indentation before
 * them (each two columns of it can be one more enclosing list item), and throws a FormatError at
 * the first marker past the limit. An upper bound on the parser's nesting, found in linear time.
 */
export function checkContainerDepth(text: string, limit = MAX_CONTAINER_DEPTH): void {
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    let i = lineStart;
    let indent = 0;
    while (i < lineEnd && SPACE.test(text[i]!)) indent += text[i++] === '\t' ? 4 : 1;
    let depth = 0;
    for (;;) {
      const marker = markerLength(text, i, lineEnd);
      if (marker === 0) break;
      if (depth === 0 && onlyBreakCharacters(text, i, lineEnd)) break; // `- - - -` is a thematic break
      depth += 1;
      if (depth + Math.floor(indent / 2) > limit) throw tooDeep(i);
      i += marker;
      while (i < lineEnd && SPACE.test(text[i]!)) i++;
    }
    lineStart = lineEnd + 1;
  }

  function tooDeep(at: number): FormatError {
    return new FormatError(`lists or block quotes nested more than ${limit} levels deep; onemessage reads at most ${limit}`, at);
  }
}

/** Length of the container marker at `i` (`>`, `- `, `* `, `+ `, `1. `, `1) `), or 0. */
function markerLength(text: string, i: number, lineEnd: number): number {
  const c = text[i];
  if (c === '>') return 1;
  const spaceOrEnd = (at: number) => at >= lineEnd || SPACE.test(text[at]!);
  if ((c === '-' || c === '*' || c === '+') && spaceOrEnd(i + 1)) return 1;
  let j = i;
  while (j < lineEnd && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j > i && (text[j] === '.' || text[j] === ')') && spaceOrEnd(j + 1)) return j + 1 - i;
  return 0;
}

function onlyBreakCharacters(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/[-*_ \t]/.test(text[i]!)) return false;
  return true;
}

interface TreeNode {
  children?: TreeNode[];
  position?: { start: { offset?: number } };
}

/**
 * Walks a syntax tree without recursion and throws a FormatError at the first node deeper than
 * the limit, so the readers' recursive walks never meet one.
 */
export function checkTreeDepth(tree: TreeNode, limit = MAX_TREE_DEPTH): void {
  const stack: Array<{ node: TreeNode; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > limit) throw new FormatError(`markup nested more than ${limit} levels deep; onemessage reads at most ${limit}`, node.position?.start.offset);
    for (const child of node.children ?? []) stack.push({ node: child, depth: depth + 1 });
  }
}

/**
 * Counts the emphasis marks and brackets of each paragraph (lines up to a blank line; a table row
 * is its own paragraph, as the parser reads each cell on its own) outside fenced code, and throws a
 * FormatError where a paragraph passes a limit. Linear; an upper bound, as escapes are counted too.
 */
export function checkInlineMarks(text: string, options: { mdx: boolean }): void {
  let marks = 0;
  let depth = 0;
  let fence: string | undefined;
  let lineStart = 0;
  const reset = () => {
    marks = 0;
    depth = 0;
  };
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const line = text.slice(lineStart, lineEnd);
    const opening = /^[ \t]*(?:[>*+-][ \t]+|\d{1,9}[.)][ \t]+)*(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (opening && opening[1]!.startsWith(fence)) fence = undefined;
    } else if (opening) {
      fence = opening[1]!;
      reset();
    } else if (line.trim() === '' || line.includes('|')) {
      reset();
      if (line.includes('|')) countLine(lineStart, lineEnd);
      reset();
    } else countLine(lineStart, lineEnd);
    lineStart = lineEnd + 1;
  }

  function countLine(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = text[i];
      if (c === '*' || c === '_' || c === '[' || c === ']') {
        if (++marks > MAX_INLINE_MARKS) {
          throw new FormatError(`a paragraph holds more than ${MAX_INLINE_MARKS} emphasis marks and brackets; onemessage reads at most ${MAX_INLINE_MARKS}`, i);
        }
      }
      if (c === '[' || (options.mdx && c === '{')) {
        if (++depth > MAX_BRACKET_DEPTH) throw new FormatError(`brackets nested more than ${MAX_BRACKET_DEPTH} levels deep; onemessage reads at most ${MAX_BRACKET_DEPTH}`, i);
      } else if ((c === ']' || (options.mdx && c === '}')) && depth > 0) depth--;
    }
  }
}
