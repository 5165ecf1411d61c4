import { describe, expect, it } from 'vitest';
import { csvFormat } from '../../src/formats/csv.js';
import type { FormatOptions } from '../../src/formats/format.js';
import { fixture, locate, options, texts } from './helpers.js';

const read = (text: string, csv?: FormatOptions['csv']) =>
  csvFormat.read({ path: 'support/macros.csv', text, options: { ...options, ...(csv ? { csv } : {}) } }).documents;

function failure(run: () => unknown): { message: string; offset?: number } {
  try {
    run();
  } catch (error) {
    return { message: (error as Error).message, offset: (error as { offset?: number }).offset };
  }
  throw new Error('no error');
}

describe('csv', () => {
  const source = fixture('macros.csv');

  it('reads one document per row, guessing the name and body columns', () => {
    expect(read(source).map((doc) => [doc.format, doc.id, doc.title, doc.declaredChannel, texts(doc)])).toEqual([
      ['csv', '101', 'Returns', undefined, ['We accept returns within 30 days.', 'Say "hello" to our team.']],
      ['csv', '102', 'Lead time', undefined, ['Made to order: allow 6-8 weeks.']],
    ]);
  });

  it('uses the columns the spec names, including a channel column', () => {
    const docs = read(source, { title: 'name', text: 'Body', channel: 'Channel' });
    expect(docs.map((doc) => [doc.title, doc.declaredChannel])).toEqual([['Returns', 'support'], ['Lead time', 'sales']]);
  });

  it('maps through quoted newlines and doubled quotes', () => {
    const docs = read(source);
    expect(locate(source, docs, 'within 30 days')).toMatchObject({ start: 53, end: 67, at: '2:32' });
    expect(locate(source, docs, 'Say "hello" to')).toMatchObject({ start: 72, at: '4:1', spelled: 'Say ""hello"" to' });
    expect(locate(source, docs, '6-8 weeks')).toMatchObject({ start: 144, at: '5:36' });
  });

  it('reports a named column that is missing', () => {
    expect(failure(() => read(source, { title: 'Name', text: 'Reply' }))).toEqual({
      message: 'column "Reply" (formats.csv.text) is not in the header: "ID", "Name", "Body", "Channel"',
      offset: 0,
    });
  });

  it('reports a ragged row with its line', () => {
    const ragged = 'Name,Body\nReturns,"Within 30 days,\nno questions"\nShipping,Free over $50,extra\n';
    expect(failure(() => read(ragged))).toEqual({ message: 'row on line 4 has 3 fields; the header has 2', offset: ragged.indexOf('Shipping') });
  });

  it('reports an unclosed quote and no text column', () => {
    expect(failure(() => read('Name,Body\nA,"never closed\n'))).toEqual({ message: 'line 2: a quoted field is never closed', offset: 12 });
    expect(failure(() => read('Name,Notes\nA,b\n'))).toEqual({
      message: 'no text column: name one with formats.csv.text, or call it body, text, content, message or response (header: "Name", "Notes")',
      offset: 0,
    });
  });

  it('blanks placeholders in CSV bodies too', () => {
    expect(read('title,message\nHi,"Hi {{ticket.requester.first_name}}, in stock."\n').map(texts)).toEqual([['Hi  , in stock.']]);
  });
});
