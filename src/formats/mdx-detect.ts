/**
 * Tells a `.md` file that is really MDX (Docusaurus and Nextra read `.md` as MDX) by its `import`
 * and `export` lines and JSX components, and rewrites such text without moving a character: for
 * the MDX parser, HTML comments as comment expressions; for a Markdown fallback, ESM blanked out.
 */
import { frontMatterSpan } from './frontmatter.js';

/** `import x from 'y'`, `import {a} from "y"`, `import 'y'`, `import * as x from 'y'`, and `import {` whose names run on. */
const IMPORT = /^import\s+(?:['"]|(?:type\s+)?[\w$*{][^\n]*\bfrom\s*['"]|(?:type\s+)?(?:[\w$]+\s*,\s*)?\{[^}\n]*$)/;
const EXPORT = /^export\s+(?:const|let|var|function|async\s+function|class|default|\{|\*)/;
/** A JSX component (capitalised, perhaps dotted) opening a line: HTML has no such tags. */
const COMPONENT = /^ {0,3}<[A-Z][\w]*(?:\.[\w]+)*(?=[\s/>]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

interface Line {
  start: number;
  /** end of the line's content, before its line ending */
  end: number;
  text: string;
}

/** The lines of the page outside front matter and fenced code: where MDX syntax can be. */
function* proseLines(text: string): Generator<Line> {
  const matter = text.startsWith('---') ? frontMatterSpan(text) : undefined;
  let at = 0;
  if (matter) {
    const close = text.indexOf('\n', matter.end);
    at = close < 0 ? text.length : close + 1;
  }
  let fence: string | undefined;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const next = newline < 0 ? text.length : newline + 1;
    const end = newline < 0 ? text.length : newline > at && text[newline - 1] === '\r' ? newline - 1 : newline;
    const line = text.slice(at, end);
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    } else if (marker) {
      fence = marker;
    } else {
      yield { start: at, end, text: line };
    }
    at = next;
  }
}

/** Whether a Markdown page is written as MDX: an `import` or `export` statement, or a JSX component, outside code. */
export function looksLikeMdx(text: string): boolean {
  // Cheap first: most pages have none of the three.
  if (!/^(?:import|export)\s|^ {0,3}<[A-Z]/m.test(text)) return false;
  for (const line of proseLines(text)) {
    if (IMPORT.test(line.text) || EXPORT.test(line.text) || COMPONENT.test(line.text)) return true;
  }
  return false;
}

/**
 * The page as MDX reads it, where the sites that read `.md` as MDX accept more: each HTML
 * comment written as a comment expression of the same length (`<!-- x -->` as `{/* x *\/}`;
 * directives in them keep their place; one that holds `*\/` or a brace is left as it is), and
 * a Docusaurus heading id (`## Setup {#setup}`) blanked out.
 */
export function asMdx(text: string): string {
  // Front matter is YAML, whose values are read as written.
  const matter = text.startsWith('---') ? frontMatterSpan(text) : undefined;
  const from = matter ? matter.end : 0;
  const body = text
    .slice(from)
    .replace(/<!--([\s\S]*?)-->/g, (comment, inner: string) => (/\*\/|[{}]/.test(inner) ? comment : `{/* ${inner}*/}`))
    .replace(/^( {0,3}#{1,6}[ \t].*?)(\{#[\w-]+\})([ \t]*)$/gm, (_line, heading: string, id: string, tail: string) => heading + ' '.repeat(id.length) + tail);
  return text.slice(0, from) + body;
}

/**
 * The page with its ESM statements (an `import` or `export` line to the next blank line, as MDX
 * reads them) turned into spaces, line endings kept: when a page fails as MDX and is read as
 * Markdown, its imports are still not prose.
 */
export function withoutEsm(text: string): string {
  let out: string[] | undefined;
  let blanking = false;
  for (const line of proseLines(text)) {
    if (line.text.trim() === '') {
      blanking = false;
      continue;
    }
    if (!blanking && (IMPORT.test(line.text) || EXPORT.test(line.text))) blanking = true;
    if (!blanking) continue;
    // UTF-16 units, as offsets count them.
    out ??= text.split('');
    for (let i = line.start; i < line.end; i++) out[i] = ' ';
  }
  return out ? out.join('') : text;
}
