import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError, type Document } from '../../src/model/document.js';
import type { FormatModule } from '../../src/formats/format.js';
import { markdown } from '../../src/formats/markdown.js';
import { mdx } from '../../src/formats/mdx.js';
import { text } from '../../src/formats/text.js';

const fragments = [
  'in **stock**', 'ships *today*', '[ships today](https://acme.example)', '`npm ci`', '&amp;', '&#8217;', '&#x1F600;', '&copy;',
  '&nosuch;', '\\*', '\\\\', '\\', '<b>', '</b>', '<!-- note -->', '<!-- onemessage-disable term/use -- ok -->', '\n', '\n\n',
  '\r\n', '  \n', '\\\n', '> ', '> > ', '- ', '  - ', '1. ', '# ', '### ', '| a | b |\n|---|---|\n| c *d* | e |\n',
  '![a *tent* &amp; pole](t.png)', 'Rep: ', '**Prospect:** ', '[Customer] ', '> Caller: ', 'https://acme.example/x',
  '<https://acme.example>', '***', '~~gone~~', '    indented', '```\nfence\n```\n', '\t', 'é', '😀', 'TrailPack 45', ' ',
  'free shipping', '[^1]', '[^1]: A footnote.\n', '{props.x}', '<Callout title="Hi &amp; bye">', '</Callout>', '_', '*', '[', ']',
  // HTML inside Markdown, read by the HTML reader through a map of its slice of the page.
  '<aside class="note">', '</aside>', '<div>\n', '\n</div>\n', '<span hidden>', '</span>', '<script>', '</script>', '<br>',
  '<img alt="a &amp; b" src="x.png">', '<a aria-label="Go &copy; now" href="/x">', '</a>', '<p>kept&nbsp;for</p>', '<code>',
  '</code>',
];

/** A .md page written as MDX: read as MDX, or as Markdown with its imports blanked when it is not valid MDX. */
const mdxInMarkdown = ["import Hero from './hero.js'\n\n", 'export const x = 1\n\n', '<Hero headline="Start &amp; go" cta="Try it now" />\n', '<!-- note -->'];

const frontMatters = [
  '',
  '---\ntitle: "Tent \\u00e9 \\"quoted\\" \\x41"\ndescription: \'it\'\'s  here\'\n---\n',
  '---\r\ntitle: Plain\r\n  folded title\r\ndescription: |\r\n  line one\r\n  line two\r\n---\r\n',
  '---\ndescription: >-\n  folded\n\n  kept\n---\n',
];

const documents = fc
  .tuple(fc.constantFrom(...frontMatters), fc.array(fc.constantFrom(...fragments), { maxLength: 40 }))
  .map(([frontMatter, parts]) => frontMatter + parts.join(''));

function readAll(format: FormatModule, source: string): Document[] {
  try {
    return format.read({ path: 'x', text: source, options: { markdownFields: [] } }).documents;
  } catch (error) {
    // Random MDX is often invalid; a FormatError is the correct answer for it.
    if (error instanceof FormatError) {
      // Under vitest the parsers' development assertions are on and may fire without a place.
      if (error.offset !== undefined) {
        expect(error.offset).toBeGreaterThanOrEqual(0);
        expect(error.offset).toBeLessThanOrEqual(source.length);
      }
      return [];
    }
    throw error;
  }
}

/** Every way a block's map can be wrong, as readable lines; empty when the map is exact. */
function mapProblems(source: string, document: Document): string[] {
  const problems: string[] = [];
  for (const block of document.blocks) {
    let covered = 0;
    for (const run of block.runs) {
      const shown = JSON.stringify(block.text.slice(run.text, run.text + run.length));
      if (run.text !== covered) problems.push(`run ${shown} starts at ${run.text}, expected ${covered}`);
      covered = run.text + run.length;
      if (run.source < 0 || run.source + run.sourceLength > source.length) problems.push(`run ${shown} maps outside the source`);
      if (run.sourceLength === 0) {
        // Only the separators a reader inserts; anything else means the alignment lost its way.
        // (`\n` for an HTML `<br>`.)
        if (shown !== '"\\t"' && shown !== '" "' && shown !== '"\\n"') problems.push(`synthetic run ${shown}`);
      } else if (run.length === run.sourceLength) {
        const spelled = source.slice(run.source, run.source + run.length);
        if (spelled !== block.text.slice(run.text, run.text + run.length)) problems.push(`verbatim run ${shown} spelled ${JSON.stringify(spelled)}`);
      }
    }
    if (covered !== block.text.length) problems.push(`runs cover ${covered} of ${block.text.length} characters`);
  }
  for (const directive of document.directives) {
    if (directive.start < 0 || directive.end > source.length) problems.push('directive outside the source');
  }
  return problems;
}

describe('source maps of random documents', () => {
  for (const format of [markdown, mdx, text]) {
    it(`${format.name}: every run maps inside the source, verbatim runs equal the source`, () => {
      fc.assert(
        fc.property(documents, (source) => {
          for (const document of readAll(format, source)) expect(mapProblems(source, document)).toEqual([]);
        }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
      );
    }, 600_000);
  }

  it('markdown written as MDX: every run maps inside the source, verbatim runs equal the source', () => {
    const pages = fc.array(fc.constantFrom(...fragments, ...mdxInMarkdown), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(pages, (source) => {
        for (const document of readAll(markdown, source)) expect(mapProblems(source, document)).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) / 4 },
    );
  }, 600_000);

  it('markdown: a plain word keeps its source position wherever it lands', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 20 }), fc.array(fc.constantFrom(...fragments), { maxLength: 20 }), (before, after) => {
        const source = `${before.join('')}\n\nZyxwv ${after.join('')}`;
        const word = source.indexOf('Zyxwv');
        const [document] = readAll(markdown, source);
        const block = document!.blocks.find((candidate) => candidate.text.includes('Zyxwv'));
        if (!block) return; // swallowed by code or HTML opened before it
        const at = block.text.indexOf('Zyxwv');
        const run = block.runs.find((candidate) => candidate.text <= at && at < candidate.text + candidate.length)!;
        expect(run.source + (at - run.text)).toBe(word);
      }),
      { numRuns: 300 },
    );
  }, 600_000);
});
