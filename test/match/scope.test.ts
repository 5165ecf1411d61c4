import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/document.js';
import { allFormats, formatFor } from '../../src/formats/index.js';
import { inScope, isBefore, scopeOf, sectionOf } from '../../src/match/scope.js';

// formatFor answers for loaded format modules only; the engine loads them by extension.
await allFormats();

function read(text: string): Document {
  return formatFor('page.md', text)!.read({ path: 'page.md', text, options: { markdownFields: ['title'] } }).documents[0]!;
}

const PAGE = `---
title: Gear guide
---

Intro before any heading.

# Guide

Under the guide heading.

## Tents

About tents. Two sentences here.

### Pegs

About pegs.

## Packs

About packs.
`;

describe('scope', () => {
  const doc = read(PAGE);
  const index = (start: string) => doc.blocks.findIndex((b) => b.text.startsWith(start));

  it('reads the blocks this test relies on', () => {
    expect(doc.blocks.map((b) => b.text)).toEqual(['Gear guide', 'Intro before any heading.', 'Guide', 'Under the guide heading.', 'Tents', 'About tents. Two sentences here.', 'Pegs', 'About pegs.', 'Packs', 'About packs.']);
  });

  it('gives blocks before the first heading a section of their own', () => {
    expect(sectionOf(doc, index('Intro'))).toEqual({ first: 0, last: 1 });
    expect(sectionOf(doc, 0)).toEqual({ first: 0, last: 1 });
  });

  it('runs a section to the next heading of the same or a higher level, subsections included', () => {
    expect(sectionOf(doc, index('Under the guide'))).toEqual({ first: 2, last: 9 });
    expect(sectionOf(doc, index('About tents'))).toEqual({ first: 4, last: 7 });
    expect(sectionOf(doc, index('About pegs'))).toEqual({ first: 6, last: 7 });
    expect(sectionOf(doc, index('About packs'))).toEqual({ first: 8, last: 9 });
    expect(sectionOf(doc, index('Tents'))).toEqual({ first: 4, last: 7 });
  });

  it('limits a sentence scope to the sentence, a paragraph to the block, a document to everything', () => {
    const tents = index('About tents');
    const sentence = scopeOf(doc, { block: tents, textStart: 0 }, 'sentence');
    expect(inScope(sentence, { block: tents, textStart: 6 })).toBe(true);
    expect(inScope(sentence, { block: tents, textStart: 13 })).toBe(false);
    const paragraph = scopeOf(doc, { block: tents, textStart: 0 }, 'paragraph');
    expect(inScope(paragraph, { block: tents, textStart: 13 })).toBe(true);
    expect(inScope(paragraph, { block: tents + 1, textStart: 0 })).toBe(false);
    expect(inScope(scopeOf(doc, { block: tents, textStart: 0 }, 'document'), { block: 0, textStart: 0 })).toBe(true);
  });

  it('orders places by block, then offset', () => {
    expect(isBefore({ block: 1, textStart: 50 }, { block: 2, textStart: 0 })).toBe(true);
    expect(isBefore({ block: 2, textStart: 3 }, { block: 2, textStart: 4 })).toBe(true);
    expect(isBefore({ block: 2, textStart: 4 }, { block: 2, textStart: 4 })).toBe(false);
  });
});
