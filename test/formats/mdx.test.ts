import { describe, expect, it } from 'vitest';
import { FormatError, type Document } from '../../src/model/document.js';
import { mdx } from '../../src/formats/mdx.js';
import { outline, rangeOf, sourceRangeOf } from './helpers.js';

function read(text: string): Document {
  return mdx.read({ path: 'site/launch.mdx', text, options: { markdownFields: [] } }).documents[0]!;
}

function errorOf(text: string): FormatError {
  try {
    read(text);
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

const page = `---
title: Summit Tent launch
channel: marketing
---
import { Callout } from '../components/callout.js'
export const meta = { promise: 'ships today' }

# Meet the {meta.name} Summit Tent

<Callout title="Free returns &amp; exchanges" type="info">Ships today!</Callout>

{/* onemessage-disable-next-line claim/forbidden -- quoted from a review */}
The <Highlight>best in the industry</Highlight> tent, {props.price} with <img alt="Summit Tent at dusk" src="dusk.jpg" /> a view.

<Note>
  Lifetime warranty on **every** pole.
</Note>
`;

describe('mdx reader', () => {
  const document = read(page);

  it('skips ESM and expressions and keeps text inside JSX', () => {
    expect(outline(document)).toEqual([
      { kind: 'field', field: 'title', text: 'Summit Tent launch' },
      { kind: 'heading', depth: 1, text: 'Meet the  Summit Tent' },
      { kind: 'paragraph', text: 'Ships today!' },
      { kind: 'field', field: 'title', text: 'Free returns & exchanges' },
      { kind: 'paragraph', text: 'The best in the industry tent,  with  a view.' },
      { kind: 'field', field: 'alt', text: 'Summit Tent at dusk' },
      { kind: 'paragraph', text: 'Lifetime warranty on every pole.' },
    ]);
    expect(document.declaredChannel).toBe('marketing');
    expect(document.format).toBe('mdx');
  });

  it('maps JSX text and attribute values to their source offsets', () => {
    expect(rangeOf(document.blocks[2]!, 'Ships today')).toEqual(sourceRangeOf(page, 'Ships today'));
    expect(rangeOf(document.blocks[3]!, 'exchanges')).toEqual(sourceRangeOf(page, 'exchanges'));
    expect(rangeOf(document.blocks[3]!, '&')).toEqual(sourceRangeOf(page, '&amp;'));
    expect(rangeOf(document.blocks[4]!, 'best in the industry')).toEqual(sourceRangeOf(page, 'best in the industry'));
    expect(rangeOf(document.blocks[5]!, 'dusk')).toEqual(sourceRangeOf(page, 'dusk'));
    expect(rangeOf(document.blocks[6]!, 'every')).toEqual(sourceRangeOf(page, 'every'));
  });

  it('reads directives from comment-only expressions', () => {
    const comment = '{/* onemessage-disable-next-line claim/forbidden -- quoted from a review */}';
    expect(document.directives).toEqual([
      { kind: 'disable-next-line', selectors: ['claim/forbidden'], reason: 'quoted from a review', start: page.indexOf(comment), end: page.indexOf(comment) + comment.length },
    ]);
  });

  it('splits a script inside JSX into speaker turns', () => {
    const doc = read('<Script>\n**Rep:** It ships today.\n**Prospect:** Great.\n</Script>\n');
    expect(outline(doc)).toEqual([
      { kind: 'paragraph', speaker: 'Rep', text: 'Rep: It ships today.' },
      { kind: 'paragraph', speaker: 'Prospect', text: 'Prospect: Great.' },
    ]);
  });

  it('reports an unclosed tag at the tag', () => {
    const source = '# Launch\n\nSome intro.\n\n<Callout>\nShips today!\n';
    const error = errorOf(source);
    expect(error.message).toBe('Invalid MDX: Expected a closing tag for `<Callout>` (5:1-5:10)');
    expect(error.offset).toBe(source.indexOf('<Callout>'));
  });

  it('reports an unclosed inline tag at the tag, not its paragraph', () => {
    const source = 'We are <b>in stock\n';
    const error = errorOf(source);
    expect(error.message).toBe('Invalid MDX: Expected a closing tag for `<b>` (1:8-1:11) before the end of `paragraph`');
    expect(error.offset).toBe(7);
  });

  it('reports a broken expression at its place', () => {
    const source = 'import x from "y"\n\n{1 +}\n';
    const error = errorOf(source);
    expect(error.message).toBe('Invalid MDX: Could not parse expression with acorn');
    expect(error.offset).toBe(23);
  });
});
