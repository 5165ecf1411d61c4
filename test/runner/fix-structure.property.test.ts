/**
 * Property: whatever the replacement, a fix `--fix` applies never breaks the document. Thousands of
 * hostile replacement strings (markup of every format, quotes, entities, line breaks, directive and
 * speaker-label look-alikes) are written into one place of a document of every format and context
 * a fix can land in, through the engine's own path (escape, apply, read back); each fixed document
 * is then judged by an oracle independent of onemessage's readers: JSON.parse, the YAML parser,
 * a remark or rehype tree, a small CSV reader. A fix is either declined (the text is untouched) or
 * applied, and then the document has the same structure with only that text changed.
 */
import fc from 'fast-check';
import rehypeParse from 'rehype-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { allFormats, formatFor } from '../../src/formats/index.js';
import { applyCheckedFixes } from '../../src/runner/fix-check.js';

const MARK = 'Trailpack';

/** A document with MARK in one place, and how an independent parser sees it. */
interface Context {
  name: string;
  path: string;
  text: string;
  /** what the document is, structure and text, to compare before and after; throws if it cannot be read */
  view(text: string): unknown;
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const mdx = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkMdx);
const html = unified().use(rehypeParse, { fragment: true });

const fold = (value: string) => value.replace(/\r\n?/g, '\n').replace(/\s+/g, ' ').trim();

/** A syntax tree without positions, its text folded; a yaml node as the data it holds. */
function plainTree(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(plainTree);
  if (node === null || typeof node !== 'object') return typeof node === 'string' ? fold(node) : node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'position' || key === 'data') continue;
    out[key] = plainTree((node as { type?: string }).type === 'yaml' && key === 'value' ? parseYaml(value as string) : value);
  }
  return out;
}

/** Merges adjacent text nodes, as a reader would see them, so a split is not taken for a change. */
function mergedText(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  const record = node as { children?: unknown[] };
  if (!Array.isArray(record.children)) return node;
  const children: unknown[] = [];
  for (const child of record.children.map(mergedText)) {
    const last = children[children.length - 1] as { type?: string; value?: string } | undefined;
    const current = child as { type?: string; value?: string };
    if (last?.type === 'text' && current.type === 'text') children[children.length - 1] = { ...last, value: `${last.value}${current.value}` };
    else children.push(child);
  }
  return { ...record, children };
}

function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (cell += c), i++;
    } else if (c === '"' && cell === '') (quoted = true), i++;
    else if (c === '"') throw new Error(`a quote inside a bare cell at ${i}`);
    else if (c === ',') row.push(cell), (cell = ''), i++;
    else if (c === '\n' || c === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else (cell += c), i++;
  }
  if (quoted) throw new Error('a quoted cell is never closed');
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows.map((r) => r.map(fold));
}

const mdView = (text: string) => plainTree(mergedText(markdown.parse(text)));
const mdxView = (text: string) => plainTree(mergedText(mdx.parse(text)));
const htmlView = (text: string) => plainTree(mergedText(html.parse(text)));
const jsonView = (text: string) => plainTree(JSON.parse(text));
const textView = (text: string) => text.split(/\n[ \t]*\n/).map((paragraph) => fold(paragraph));

const CONTEXTS: Context[] = [
  { name: 'Markdown paragraph', path: 'site/a.md', text: `# Packs\n\nThe ${MARK} is light.\n\nMore text.\n`, view: mdView },
  { name: 'Markdown line start', path: 'site/a.md', text: `Intro line\n${MARK} is light.\n\n- item\n`, view: mdView },
  { name: 'Markdown heading', path: 'site/a.md', text: `## The ${MARK} 45\n\nBody.\n`, view: mdView },
  { name: 'Markdown table cell', path: 'site/a.md', text: `| Name | Size |\n| --- | --- |\n| ${MARK} | 45 |\n`, view: mdView },
  { name: 'Markdown link text', path: 'site/a.md', text: `See [the ${MARK}](https://acme.test/p) today.\n`, view: mdView },
  { name: 'Markdown list item', path: 'site/a.md', text: `- ${MARK} first\n- second\n`, view: mdView },
  { name: 'front matter, plain', path: 'site/a.md', text: `---\ntitle: The ${MARK} 45\nlayout: page\n---\n\nBody.\n`, view: mdView },
  { name: 'front matter, double-quoted', path: 'site/a.md', text: `---\ntitle: "The ${MARK} 45"\nlayout: page\n---\n\nBody.\n`, view: mdView },
  { name: 'front matter, single-quoted', path: 'site/a.md', text: `---\ndescription: 'The ${MARK} 45'\nlayout: page\n---\n\nBody.\n`, view: mdView },
  { name: 'MDX text', path: 'site/a.mdx', text: `# Packs\n\nThe ${MARK} is light.\n\n<Note>Also the ${'Summit'}.</Note>\n`, view: mdxView },
  { name: 'MDX attribute', path: 'site/a.mdx', text: `<Card title="The ${MARK}" size={45} />\n\nBody.\n`, view: mdxView },
  { name: "MDX attribute, single quotes", path: 'site/a.mdx', text: `<Card alt='A ${MARK}' />\n`, view: mdxView },
  { name: 'HTML text', path: 'site/a.html', text: `<p>The <b>${MARK}</b> is light.</p>\n`, view: htmlView },
  { name: 'HTML quoted attribute', path: 'site/a.html', text: `<p><img alt="A ${MARK}" src="x.png"></p>\n`, view: htmlView },
  { name: 'HTML unquoted attribute', path: 'site/a.html', text: `<p><img alt=${MARK} src=x.png></p>\n`, view: htmlView },
  { name: 'HTML title', path: 'site/a.html', text: `<html><head><title>${MARK} 45</title></head><body><p>Hi.</p></body></html>\n`, view: htmlView },
  { name: 'plain text script', path: 'site/a.txt', text: `Rep: The ${MARK} is light.\n\nRep: Anything else?\n`, view: textView },
  { name: 'CSV bare cell', path: 'site/a.csv', text: `id,title,body\n1,Packs,The ${MARK} is light\n`, view: csvRows },
  { name: 'CSV quoted cell', path: 'site/a.csv', text: `id,title,body\n1,Packs,"The ${MARK}, light"\n`, view: csvRows },
  {
    name: 'Zendesk JSON string',
    path: 'site/a.json',
    text: `{"macros":[{"id":1,"title":"t","actions":[{"field":"comment_value","value":"The ${MARK} is light.\\nThanks"}]}]}\n`,
    view: jsonView,
  },
  {
    name: 'Zendesk HTML in JSON',
    path: 'site/a.json',
    text: `{"macros":[{"id":1,"title":"t","actions":[{"field":"comment_value_html","value":"<p>The <b>${MARK}</b> is light.</p>"}]}]}\n`,
    view: (text) => {
      const data = JSON.parse(text) as { macros: Array<{ actions: Array<{ value: string }> }> };
      return htmlView(data.macros[0]!.actions[0]!.value);
    },
  },
];

/** Pieces hostile replacements are made of: every format's markup, and what would open a block, a directive or a turn. */
const PIECES = [
  'Trail', 'Pack', ' ', '  ', '\t', '\n', '\r\n', '\n\n', '"', "'", '`', '<', '>', '&', '&amp;', '&#32;', '&quot;', '|', '*', '_', '**', '[', ']', '(', ')',
  '{', '}', '#', '# ', '- ', '+ ', '1. ', '2) ', '=', '===', '---', '~~', '\\', ':', ': ', ' #', ',', ';', '/', '!', '?', '%', '@', '<b>', '</p>',
  '<!--', '-->', '{/* x */}', 'onemessage-disable -- x', '// onemessage-disable', 'Prospect: ', 'Rep:', ' onerror=alert(1)', 'www.acme.test',
  'https://acme.test', '"/><script>x</script>', '\\u0022', '\\"', '$1', 'é', '’', '\u00a0',
];

/** Hostile replacements tried in each context. */
const RUNS = 100;

const replacement = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

describe('--fix never breaks a document', () => {
  it('hostile replacements in every format and context: each is declined, or applied with only its text changed', async () => {
    await allFormats();
    const totals = { documents: 0, applied: 0, declined: 0, broken: 0 };
    const declinedBy: Record<string, number> = {};
    const broken: string[] = [];
    for (const context of CONTEXTS) {
      const format = formatFor(context.path, context.text)!;
      const start = context.text.indexOf(MARK);
      const before = context.view(context.text);
      fc.assert(
        fc.property(replacement, (text) => {
          totals.documents++;
          const fix = { start, end: start + MARK.length, text };
          const result = applyCheckedFixes({ format, path: context.path, text: context.text, fixes: [fix], options: { markdownFields: ['title', 'description'] } });
          if (result.applied.length === 0) {
            totals.declined++;
            declinedBy[context.name] = (declinedBy[context.name] ?? 0) + 1;
            expect(result.text).toBe(context.text);
            return;
          }
          totals.applied++;
          let after: unknown;
          try {
            after = context.view(result.text);
          } catch (error) {
            after = `unreadable: ${(error as Error).message}`;
          }
          if (JSON.stringify(after) !== JSON.stringify(plainReplace(before, text))) {
            totals.broken++;
            if (broken.length < 5) broken.push(`${context.name}: ${JSON.stringify(text)} -> ${JSON.stringify(result.text)}`);
          }
        }),
        { numRuns: RUNS, seed: 19 },
      );
    }
    expect(broken).toEqual([]);
    expect(totals.broken).toBe(0);
    expect(totals.documents).toBe(CONTEXTS.length * RUNS);
    expect(totals.applied + totals.declined).toBe(totals.documents);
    // Declining everything would pass the rest: most hostile replacements must still be written.
    expect(totals.applied).toBeGreaterThan(totals.documents / 2);
    // The figures for this seed: a change to how a format escapes changes them, on purpose only.
    expect({ ...totals, declinedBy }).toMatchInlineSnapshot(`
      {
        "applied": 1750,
        "broken": 0,
        "declined": 350,
        "declinedBy": {
          "CSV bare cell": 36,
          "CSV quoted cell": 9,
          "HTML unquoted attribute": 3,
          "MDX text": 35,
          "Markdown heading": 31,
          "Markdown line start": 31,
          "Markdown link text": 25,
          "Markdown list item": 33,
          "Markdown paragraph": 35,
          "Markdown table cell": 31,
          "Zendesk JSON string": 9,
          "front matter, plain": 37,
          "front matter, single-quoted": 25,
          "plain text script": 10,
        },
        "documents": 2100,
      }
    `);
  }, 120_000);
});

/** The before view with MARK replaced by `text` wherever a reader sees it (text, attribute values, YAML values). */
function plainReplace(view: unknown, text: string): unknown {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return node.includes(MARK) ? fold(node.replace(MARK, () => text)) : node;
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
  };
  return walk(view);
}
