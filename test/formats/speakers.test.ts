import { describe, expect, it } from 'vitest';
import { TextBuilder, toSourceRange, type TextBlock } from '../../src/model/document.js';
import { sliceBlock, speakerLabelAt, splitTurns } from '../../src/formats/speakers.js';

function verbatimBlock(source: string): TextBlock {
  const builder = new TextBuilder();
  builder.appendVerbatim(source, 0);
  return builder.build({ kind: 'paragraph' })!;
}

describe('speakerLabelAt', () => {
  it.each([
    ['Rep: We ship today.', 'Rep', 5],
    ['REP: We ship today.', 'REP', 5],
    ['Prospect: Is it in stock?', 'Prospect', 10],
    ['[Customer] Where is my order?', 'Customer', 11],
    ['[Customer]: Where is my order?', 'Customer', 12],
    ['> Caller: Hello?', 'Caller', 10],
    ['Sales Rep: Hi', 'Sales Rep', 11],
    ["Dr. O'Brien-Smith: Hi", "Dr. O'Brien-Smith", 19],
    ['Note: ships in 3 days', 'Note', 6],
  ])('finds the label in %j', (line, speaker, end) => {
    expect(speakerLabelAt(line, 0)).toEqual({ speaker, start: 0, end });
  });

  it.each([
    ['we ship today: yes'],
    ['Https://acme.example'],
    ['Four Capitalised Words Here: no'],
    ['10:30 call'],
    ['Rep:ships'],
    ['Averyveryverylongcapitalisedwordthatgoeson: x'],
  ])('finds no label in %j', (line) => {
    expect(speakerLabelAt(line, 0)).toBeUndefined();
  });
});

describe('splitTurns', () => {
  it('splits a script into turns, keeping the label text (it may name a product) and the source map', () => {
    const source = 'Rep: We ship today.\nProspect: Is it in stock?\nI need it by Friday.\nRep: Yes, it is.';
    const turns = splitTurns(verbatimBlock(source));
    expect(turns.map((turn) => [turn.speaker, turn.text])).toEqual([
      ['Rep', 'Rep: We ship today.'],
      ['Prospect', 'Prospect: Is it in stock?\nI need it by Friday.'],
      ['Rep', 'Rep: Yes, it is.'],
    ]);
    const prospect = turns[1]!;
    const at = prospect.text.indexOf('stock');
    expect(toSourceRange(prospect, at, at + 5)).toEqual({ start: source.indexOf('stock'), end: source.indexOf('stock') + 5 });
    expect(turns.map((turn) => turn.text.split(':')[0])).toEqual(['Rep', 'Prospect', 'Rep']);
  });

  it('leaves prose whose first line has no label whole', () => {
    const block = verbatimBlock('Our packs ship fast.\nNote: ships in 3 days.');
    expect(splitTurns(block)).toEqual([block]);
  });

  it('gives a label alone on its line the lines after it', () => {
    expect(splitTurns(verbatimBlock('Rep:\nWe ship today.')).map((turn) => [turn.speaker, turn.text])).toEqual([['Rep', 'Rep:\nWe ship today.']]);
  });
});

describe('sliceBlock', () => {
  it('clips decoded and synthetic runs without splitting them', () => {
    const builder = new TextBuilder();
    builder.appendVerbatim('Fish ', 0);
    builder.appendDecoded('&', 5, 10);
    builder.appendSynthetic('\t', 10);
    builder.appendVerbatim('Chips', 10);
    const block = builder.build({ kind: 'table-row' })!;
    const slice = sliceBlock(block, 2, 9)!;
    expect(slice.text).toBe('sh &\tCh');
    expect(slice.runs).toEqual([
      { text: 0, source: 2, length: 3, sourceLength: 3 },
      { text: 3, source: 5, length: 1, sourceLength: 5 },
      { text: 4, source: 10, length: 1, sourceLength: 0 },
      { text: 5, source: 10, length: 2, sourceLength: 2 },
    ]);
    expect(sliceBlock(block, 4, 5)).toBeUndefined();
  });
});
