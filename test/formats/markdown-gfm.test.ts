import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { gfmNeeds, markdownParser } from '../../src/formats/markdown.js';

// What the Markdown reader parsed with before GFM's constructs were left out where they cannot match.
const fullGfm = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

const samples = [
  'Plain prose with *emphasis*, `code` and a [link](/docs) but nothing GFM would link.',
  'Mail support@example.com or see www.example.com and https://example.com/a.',
  'An address spelt with a reference: help&#64;example.com, and h&#116;tp://x.',
  'a | b\n--- | ---\nc | d',
  'One column, no pipe:\n\nName\n:-:\nAcme',
  'Setext, not a table:\n\nTitle\n---',
  '- [x] done\n- [ ] to do',
  'Strike ~~this~~ and ~that~.',
  'A note[^1].\n\n[^1]: The note.',
  '---\ntitle: Page\n---\n# Heading\n\nText with WWW.EXAMPLE.COM in capitals.',
];

function fixtureMarkdown(): string[] {
  const root = path.resolve('fixtures');
  return (readdirSync(root, { recursive: true }) as string[]).filter((rel) => rel.endsWith('.md')).sort().map((rel) => readFileSync(path.join(root, rel), 'utf8'));
}

describe('Markdown: GFM constructs left out only where they cannot match', () => {
  it('names what a text may need', () => {
    expect(gfmNeeds('plain words')).toEqual({ autolinkLiteral: false, table: false });
    expect(gfmNeeds('a@b.co')).toEqual({ autolinkLiteral: true, table: false });
    expect(gfmNeeds('x &amp; y')).toEqual({ autolinkLiteral: true, table: false });
    expect(gfmNeeds('a\n:-:')).toEqual({ autolinkLiteral: false, table: true });
  });

  it('the same tree as remark-gfm for the samples and every Markdown fixture', () => {
    for (const text of [...samples, ...fixtureMarkdown()]) expect(markdownParser(text).parse(text)).toEqual(fullGfm.parse(text));
  });

  it('the same tree as remark-gfm for generated text made of the characters GFM turns on', () => {
    const piece = fc.constantFrom('a', 'b c', '\n', '\n\n', '|', ':', '-', ':-:', '@', '.', 'www', 'http', '://', '&#64;', '&', '#', ';', '~', '[x]', '- ', '> ', '[^1]', ' ', 'e.co');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(markdownParser(text).parse(text)).toEqual(fullGfm.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});
