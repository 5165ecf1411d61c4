import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError, type Document } from '../../src/formats/document.js';
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
];

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

function checkMap(source: string, document: Document): void {
  for (const block of document.blocks) {
    let covered = 0;
    for (const run of block.runs) {
      expect(run.text).toBe(covered);
      covered += run.length;
      expect(run.source).toBeGreaterThanOrEqual(0);
      expect(run.source + run.sourceLength).toBeLessThanOrEqual(source.length);
      if (run.sourceLength === 0) {
        // Only the separators a reader inserts; anything else means the alignment lost its way.
        expect(['\t', ' ']).toContain(block.text.slice(run.text, run.text + run.length));
      } else if (run.length === run.sourceLength) {
        expect(block.text.slice(run.text, run.text + run.length)).toBe(source.slice(run.source, run.source + run.length));
      }
    }
    expect(covered).toBe(block.text.length);
  }
  for (const directive of document.directives) {
    expect(directive.start).toBeGreaterThanOrEqual(0);
    expect(directive.end).toBeLessThanOrEqual(source.length);
  }
}

describe('source maps of random documents', () => {
  for (const format of [markdown, mdx, text]) {
    it(`${format.name}: every run maps inside the source, verbatim runs equal the source`, () => {
      fc.assert(
        fc.property(documents, (source) => {
          for (const document of readAll(format, source)) checkMap(source, document);
        }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
      );
    }, 600_000);
  }

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
  });
});
