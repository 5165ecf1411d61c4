import { describe, expect, it } from 'vitest';
import { FormatError, type Document } from '../../src/model/document.js';
import { markdown } from '../../src/formats/markdown.js';
import { outline, rangeOf, sourceRangeOf, spellings } from './helpers.js';

function read(text: string, markdownFields: string[] = []): Document {
  const result = markdown.read({ path: 'site/trailpack.md', text, options: { markdownFields } });
  expect(result.documents).toHaveLength(1);
  return result.documents[0]!;
}

const page = `---
title: TrailPack 45 — built for the long haul
description: "Free shipping on orders over $50 and a 30\\u2011day return window"
summary: 'Our customers''  favourite pack'
channel: marketing
product: trailpack-45
draft: true
---

# The TrailPack 45

The TrailPack 45 is in **stock** and [ships today](https://acme.example/shipping).
Run \`npm run build\` to refresh &amp; republish \\*not\\* this page.
<!-- onemessage-disable-next-line claim/forbidden, term/use -- approved by legal, ticket LEGAL-112 -->
Best in the industry&#8217;s eyes.

![A TrailPack 45 on a *summit* trail](trail.png)

- Free shipping on orders over $50
- 30-day return
  within reach

> Lifetime warranty on every strap.

| Model | Stock |
| --- | --- |
| TrailPack 45 | made to order |

\`\`\`yaml
promise: ships today
\`\`\`

See https://acme.example/returns or <https://acme.example/faq> for details.
`;

describe('markdown reader', () => {
  const document = read(page, ['summary']);

  it('reads blocks with markup transparent and code, URLs and comments left out', () => {
    expect(outline(document)).toEqual([
      { kind: 'field', field: 'title', text: 'TrailPack 45 — built for the long haul' },
      { kind: 'field', field: 'description', text: 'Free shipping on orders over $50 and a 30\u2011day return window' },
      { kind: 'field', field: 'summary', text: "Our customers'  favourite pack" },
      { kind: 'heading', depth: 1, text: 'The TrailPack 45' },
      {
        kind: 'paragraph',
        text: 'The TrailPack 45 is in stock and ships today.\nRun  to refresh & republish *not* this page.',
      },
      // A comment on its own line is an HTML block: it ends the paragraph, as CommonMark says.
      { kind: 'paragraph', text: 'Best in the industry\u2019s eyes.' },
      { kind: 'field', field: 'alt', text: 'A TrailPack 45 on a summit trail' },
      { kind: 'list-item', text: 'Free shipping on orders over $50' },
      { kind: 'list-item', text: '30-day return\nwithin reach' },
      { kind: 'blockquote', text: 'Lifetime warranty on every strap.' },
      { kind: 'table-row', text: 'Model\tStock' },
      { kind: 'table-row', text: 'TrailPack 45\tmade to order' },
      { kind: 'paragraph', text: 'See  or  for details.' },
    ]);
  });

  it('reads channel and products from the front matter', () => {
    expect(document.declaredChannel).toBe('marketing');
    expect(document.products).toEqual(['trailpack-45']);
  });

  it('maps words split by emphasis and links to their exact source offsets', () => {
    const paragraph = document.blocks[4]!;
    expect(rangeOf(paragraph, 'stock')).toEqual(sourceRangeOf(page, 'stock', page.indexOf('**stock')));
    expect(rangeOf(paragraph, 'in stock')).toEqual({ start: page.indexOf('in **stock**'), end: page.indexOf('in **stock**') + 'in **stock'.length });
    expect(rangeOf(paragraph, 'ships today')).toEqual(sourceRangeOf(page, 'ships today', page.indexOf('[ships')));
  });

  it('maps entities and escapes onto the whole escape', () => {
    const paragraph = document.blocks[4]!;
    expect(rangeOf(paragraph, '&')).toEqual(sourceRangeOf(page, '&amp;'));
    expect(rangeOf(paragraph, '*not*')).toEqual(sourceRangeOf(page, '\\*not\\*'));
    expect(rangeOf(document.blocks[5]!, '\u2019s')).toEqual(sourceRangeOf(page, '&#8217;s'));
  });

  it('maps front matter fields inside the YAML, escapes included', () => {
    const [title, description, summary] = document.blocks;
    expect(rangeOf(title!, 'long haul')).toEqual(sourceRangeOf(page, 'long haul'));
    expect(rangeOf(description!, 'over $50')).toEqual(sourceRangeOf(page, 'over $50'));
    expect(rangeOf(description!, '30\u2011day')).toEqual(sourceRangeOf(page, '30\\u2011day'));
    expect(spellings(page, summary!).slice(12, 16)).toEqual(['s', "''", ' ', ' ']);
    expect(rangeOf(summary!, 'favourite')).toEqual(sourceRangeOf(page, 'favourite'));
  });

  it('maps alt text, list continuations and table cells', () => {
    expect(rangeOf(document.blocks[6]!, 'summit trail')).toEqual({ start: page.indexOf('summit*'), end: page.indexOf('* trail') + '* trail'.length });
    const item = document.blocks[8]!;
    expect(rangeOf(item, 'within')).toEqual(sourceRangeOf(page, 'within'));
    expect(spellings(page, item)[12]).toBe('n');
    const row = document.blocks[11]!;
    expect(rangeOf(row, 'made to order')).toEqual(sourceRangeOf(page, 'made to order'));
    // The tab between cells is synthetic: it spells nothing in the source.
    expect(spellings(page, row)[12]).toBe('');
  });

  it('collects directives from HTML comments', () => {
    const comment = '<!-- onemessage-disable-next-line claim/forbidden, term/use -- approved by legal, ticket LEGAL-112 -->';
    expect(document.directives).toEqual([
      {
        kind: 'disable-next-line',
        selectors: ['claim/forbidden', 'term/use'],
        reason: 'approved by legal, ticket LEGAL-112',
        approvedBy: 'legal, ticket LEGAL-112',
        start: page.indexOf(comment),
        end: page.indexOf(comment) + comment.length,
      },
    ]);
  });

  it('keeps CRLF line endings verbatim and offsets exact', () => {
    const source = '---\r\ntitle: Summit Tent\r\n---\r\n\r\n## Summit Tent\r\n\r\nIn *stock*\r\nand ready to ship.  \r\nToday.\r\n';
    const crlf = read(source);
    expect(outline(crlf)).toEqual([
      { kind: 'field', field: 'title', text: 'Summit Tent' },
      { kind: 'heading', depth: 2, text: 'Summit Tent' },
      { kind: 'paragraph', text: 'In stock\r\nand ready to ship.\r\nToday.' },
    ]);
    const paragraph = crlf.blocks[2]!;
    expect(rangeOf(paragraph, 'ready to ship')).toEqual(sourceRangeOf(source, 'ready to ship'));
    expect(rangeOf(paragraph, 'Today')).toEqual(sourceRangeOf(source, 'Today'));
    expect(rangeOf(crlf.blocks[0]!, 'Summit')).toEqual(sourceRangeOf(source, 'Summit'));
  });

  it('reads a file whose BOM was stripped, and one that still has it', () => {
    const body = '---\ntitle: Hello\n---\nShips today.\n';
    for (const source of [body, `\uFEFF${body}`]) {
      const doc = read(source);
      expect(outline(doc)).toEqual([
        { kind: 'field', field: 'title', text: 'Hello' },
        { kind: 'paragraph', text: 'Ships today.' },
      ]);
      expect(rangeOf(doc.blocks[1]!, 'today')).toEqual(sourceRangeOf(source, 'today'));
    }
  });

  it('splits a paragraph of labelled lines into speaker turns', () => {
    const source = '**Rep:** We ship today.\n**Prospect:** Is it in stock?\n\n[Customer] Where is my order?\n\n> Caller: Is it waterproof?\n';
    const script = read(source);
    expect(outline(script)).toEqual([
      { kind: 'paragraph', speaker: 'Rep', text: 'Rep: We ship today.' },
      { kind: 'paragraph', speaker: 'Prospect', text: 'Prospect: Is it in stock?' },
      { kind: 'paragraph', speaker: 'Customer', text: '[Customer] Where is my order?' },
      { kind: 'blockquote', speaker: 'Caller', text: 'Caller: Is it waterproof?' },
    ]);
    expect(rangeOf(script.blocks[1]!, 'in stock')).toEqual(sourceRangeOf(source, 'in stock'));
  });

  it('keeps text between inline HTML tags but not the tags, and does not fuse words around skipped code', () => {
    const doc = read('Now <b>in stock</b> at the store.<br>Also\u00a0`x`here and `y` there.\n');
    expect(doc.blocks.map((block) => block.text)).toEqual(['Now in stock at the store. Also\u00a0here and  there.']);
  });

  it('places text the GFM autolink pass leaves without a position', () => {
    const source = 'See [https://acme.example/x ships today.\n';
    const doc = read(source);
    expect(doc.blocks.map((block) => block.text)).toEqual(['See [ ships today.']);
    expect(rangeOf(doc.blocks[0]!, 'ships today')).toEqual(sourceRangeOf(source, 'ships today'));
    expect(rangeOf(doc.blocks[0]!, '[')).toEqual(sourceRangeOf(source, '['));
  });

  it('skips raw HTML blocks, code blocks and definitions', () => {
    const doc = read('<div class="hero">\n</div>\n\n    indented code\n\n[ref]: https://acme.example\n\nText.\n');
    expect(outline(doc)).toEqual([{ kind: 'paragraph', text: 'Text.' }]);
  });

  it('reads nested fields and lists of strings, and a folded block scalar line by line', () => {
    const source = '---\nseo:\n  title: Pack it in\ntaglines:\n  - Ships today\n  - "Free returns"\ndescription: >-\n  Lightweight and\n  waterproof.\nproduct:\n  - trailpack-45\n  - summit-tent\n---\n';
    const doc = read(source, ['seo.title', 'taglines']);
    expect(outline(doc)).toEqual([
      { kind: 'field', field: 'seo.title', text: 'Pack it in' },
      { kind: 'field', field: 'taglines', text: 'Ships today' },
      { kind: 'field', field: 'taglines', text: 'Free returns' },
      { kind: 'field', field: 'description', text: 'Lightweight and waterproof.' },
    ]);
    expect(rangeOf(doc.blocks[3]!, 'waterproof')).toEqual(sourceRangeOf(source, 'waterproof'));
    expect(doc.products).toEqual(['trailpack-45', 'summit-tent']);
  });

  it('throws a FormatError at the offset of invalid front matter', () => {
    const source = '---\ntitle: Hello\ndescription: "unclosed\n---\n\nBody.\n';
    let caught: unknown;
    try {
      read(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FormatError);
    expect((caught as FormatError).message).toBe('front matter is not valid YAML: missing closing "quote');
    // yaml reports the place the closing quote was expected: the end of the front matter.
    expect((caught as FormatError).offset).toBe(source.indexOf('---\n\nBody'));
  });
});
