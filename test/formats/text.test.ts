import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/document.js';
import { text } from '../../src/formats/text.js';
import { outline, rangeOf, sourceRangeOf, spellings } from './helpers.js';

function read(source: string): Document {
  return text.read({ path: 'sales/call-script.txt', text: source, options: { markdownFields: [] } }).documents[0]!;
}

describe('text reader', () => {
  it('splits paragraphs on blank lines and keeps every character verbatim', () => {
    const source = 'TrailPack 45 is made to order.\nLead time is 6-8 weeks.\n\n  \t\nFree shipping on orders over $50 &amp; more.\n';
    const doc = read(source);
    expect(outline(doc)).toEqual([
      { kind: 'paragraph', text: 'TrailPack 45 is made to order.\nLead time is 6-8 weeks.' },
      { kind: 'paragraph', text: 'Free shipping on orders over $50 &amp; more.' },
    ]);
    for (const block of doc.blocks) {
      expect(spellings(source, block).join('')).toBe(block.text);
      expect(block.runs).toHaveLength(1);
    }
    expect(rangeOf(doc.blocks[1]!, '&amp;')).toEqual(sourceRangeOf(source, '&amp;'));
    expect(doc.format).toBe('text');
  });

  it('keeps CRLF inside a paragraph and drops it at the end', () => {
    const source = 'Ships today.\r\nIn stock.\r\n\r\nCall us.\r\n';
    expect(outline(read(source))).toEqual([
      { kind: 'paragraph', text: 'Ships today.\r\nIn stock.' },
      { kind: 'paragraph', text: 'Call us.' },
    ]);
  });

  it('reads directive lines as directives, not text, without breaking the paragraph', () => {
    const source = [
      'Rep: The TrailPack 45 is the best in the industry.',
      '# onemessage-disable-next-line claim/forbidden, term/use -- approved by legal, ticket LEGAL-112',
      'Rep: It ships today.',
      '',
      '  // onemessage-disable stock/promise',
      'onemessage-enable',
      'onemessage-enabled is not a directive',
    ].join('\n');
    const doc = read(source);
    expect(outline(doc)).toEqual([
      { kind: 'paragraph', speaker: 'Rep', text: 'Rep: The TrailPack 45 is the best in the industry.' },
      { kind: 'paragraph', speaker: 'Rep', text: 'Rep: It ships today.' },
      { kind: 'paragraph', text: 'onemessage-enabled is not a directive' },
    ]);
    const first = '# onemessage-disable-next-line claim/forbidden, term/use -- approved by legal, ticket LEGAL-112';
    const second = '// onemessage-disable stock/promise';
    expect(doc.directives).toEqual([
      {
        kind: 'disable-next-line',
        selectors: ['claim/forbidden', 'term/use'],
        reason: 'approved by legal, ticket LEGAL-112',
        approvedBy: 'legal, ticket LEGAL-112',
        start: source.indexOf(first),
        end: source.indexOf(first) + first.length,
      },
      { kind: 'disable', selectors: ['stock/promise'], start: source.indexOf(second), end: source.indexOf(second) + second.length },
      { kind: 'enable', selectors: [], start: source.indexOf('onemessage-enable\n'), end: source.indexOf('onemessage-enable\n') + 'onemessage-enable'.length },
    ]);
    expect(rangeOf(doc.blocks[1]!, 'ships today')).toEqual(sourceRangeOf(source, 'ships today'));
  });

  it('splits a transcript into turns for every label form', () => {
    const source = 'REP: We have it in stock.\nProspect: Does it ship today?\n[Customer] My order is late.\n> Caller: Is it waterproof?\nRep: Yes,\nIPX7 rated.\n\nNote: ships in 3 days.\n\nOur policy: 30-day returns.\n';
    const doc = read(source);
    expect(outline(doc)).toEqual([
      { kind: 'paragraph', speaker: 'REP', text: 'REP: We have it in stock.' },
      { kind: 'paragraph', speaker: 'Prospect', text: 'Prospect: Does it ship today?' },
      { kind: 'paragraph', speaker: 'Customer', text: '[Customer] My order is late.' },
      { kind: 'paragraph', speaker: 'Caller', text: 'Caller: Is it waterproof?' },
      { kind: 'paragraph', speaker: 'Rep', text: 'Rep: Yes,\nIPX7 rated.' },
      { kind: 'paragraph', speaker: 'Note', text: 'Note: ships in 3 days.' },
      { kind: 'paragraph', text: 'Our policy: 30-day returns.' },
    ]);
    expect(rangeOf(doc.blocks[1]!, 'ship today')).toEqual(sourceRangeOf(source, 'ship today'));
    expect(rangeOf(doc.blocks[4]!, 'IPX7')).toEqual(sourceRangeOf(source, 'IPX7'));
  });

  it('reads a directive after the words of a line (after # or //) and leaves it out of the text', () => {
    const source = 'Rep: Trail Weekly named it the best in the industry. # onemessage-disable-line claim/forbidden -- award quote, LEGAL-112\nRep: Call us #1 on the list.  // not a directive\n';
    const doc = read(source);
    expect(outline(doc)).toEqual([
      { kind: 'paragraph', speaker: 'Rep', text: 'Rep: Trail Weekly named it the best in the industry.' },
      { kind: 'paragraph', speaker: 'Rep', text: 'Rep: Call us #1 on the list.  // not a directive' },
    ]);
    const comment = '# onemessage-disable-line claim/forbidden -- award quote, LEGAL-112';
    expect(doc.directives).toEqual([
      { kind: 'disable-line', selectors: ['claim/forbidden'], reason: 'award quote, LEGAL-112', start: source.indexOf(comment), end: source.indexOf(comment) + comment.length },
    ]);
  });
});
