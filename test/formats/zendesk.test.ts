import { describe, expect, it } from 'vitest';
import { FormatError } from '../../src/model/document.js';
import { zendeskFormat } from '../../src/formats/zendesk.js';
import { CHANNELS, lintRepo } from '../helpers/lint.js';
import { fixture, lineCol, locate, options, texts } from './helpers.js';

const source = fixture('zendesk-macros.json');
const read = (text: string) => zendeskFormat.read({ path: 'support/zendesk-macros.json', text, options }).documents;

describe('zendesk', () => {
  const [returns, stock, warranty] = read(source);

  it('reads one document per macro with its title, id and active flag', () => {
    expect(read(source).map((doc) => [doc.format, doc.id, doc.title, doc.inactive ?? false])).toEqual([
      ['zendesk', '360001234567', 'Returns::Return window', false],
      ['zendesk', '360001234568', 'Stock::TrailPack 45 availability', true],
      ['zendesk', '360001234569', 'Warranty::Lifetime', false],
    ]);
  });

  it('reads the subject as a field and the plain comment as paragraphs, placeholders blanked', () => {
    expect(returns!.blocks.map((block) => [block.kind, block.field ?? '', block.text])).toEqual([
      ['field', 'subject', 'Your return for order  '],
      ['paragraph', '', 'Hi  ,'],
      ['paragraph', '', 'We’re sorry it didn’t fit. You can return it within 60 days for a full refund.'],
      ['paragraph', '', 'The "Summit Tent" ships today.'],
    ]);
  });

  it('maps through JSON escapes: \\u2019, \\" and \\n', () => {
    expect(locate(source, returns!, 'didn’t fit')).toMatchObject({ start: 576, end: 591, at: '15:106', spelled: 'didn\\u2019t fit' });
    expect(locate(source, returns!, 'Summit Tent')).toMatchObject({ start: 654, end: 665, at: '15:184', spelled: 'Summit Tent' });
    expect(locate(source, returns!, 'return it within 60 days')).toMatchObject({ start: 601, at: '15:131' });
    expect(locate(source, returns!, 'The "Summit')).toMatchObject({ spelled: 'The \\"Summit' });
    expect(locate(source, returns!, 'Your return')).toMatchObject({ at: '14:41' });
  });

  it('reads comment_value_html as HTML inside the JSON string, composing both maps', () => {
    expect(texts(stock!)).toEqual([
      'Hi  ,',
      'Good news: the TrailPack 45 is in stock & ready to ship.',
      'Free shipping on orders over $50.',
      'TrailPack 45 – best in the industry',
    ]);
    expect(locate(source, stock!, 'in stock')).toMatchObject({ start: 1214, end: 1231, at: '28:138', spelled: 'in st</strong>ock' });
    expect(locate(source, stock!, 'stock & ready')).toMatchObject({ spelled: 'st</strong>ock &amp; ready' });
    // {% if %} and {% endif %} are blanked; the text between them stays.
    expect(locate(source, stock!, 'Free shipping')).toMatchObject({ start: 1306, at: '28:230' });
    // A word inside an alt attribute, after an escaped quote and a \u2013 escape.
    expect(locate(source, stock!, 'best in the industry')).toMatchObject({ start: 1390, end: 1410, at: '28:314' });
    expect(locate(source, stock!, '– best')).toMatchObject({ spelled: '\\u2013 best' });
  });

  it('reads a [channel, text] comment_value, through a surrogate pair escape', () => {
    expect(texts(warranty!)).toEqual(['Every TrailPack has a lifetime warranty. 😀 Enjoy the trail!']);
    expect(locate(source, warranty!, '😀 Enjoy the trail')).toMatchObject({ at: '40:104', spelled: '\\ud83d\\ude00 Enjoy the trail' });
  });

  it('reads a single {"macro": ...} and a bare list', () => {
    const single = '{"macro": {"id": 7, "title": "Hi", "active": true, "actions": [{"field": "comment_value", "value": "Ships today."}]}}';
    expect(read(single).map((doc) => [doc.id, texts(doc)])).toEqual([['7', ['Ships today.']]]);
    const list = '[{"id": 8, "title": "Hi", "actions": [{"field": "comment_value_html", "value": "<p>In stock.</p>"}, {"field": "comment_value", "value": "In stock."}]}]';
    expect(read(list).map((doc) => [doc.id, texts(doc)])).toEqual([['8', ['In stock.']]]);
  });

  it('reports a comment value that is not text, at its offset', () => {
    const bad = '{"macros": [{"id": 1, "title": "x", "actions": [{"field": "comment_value", "value": 42}]}]}';
    expect(() => read(bad)).toThrow(expect.objectContaining({ name: 'FormatError', message: 'macro 1: the comment_value action\'s value must be a string', offset: bad.indexOf('42') }));
    expect(() => read(bad)).toThrow(FormatError);
  });
});

describe('zendesk internal notes', () => {
  const macros = JSON.stringify(
    {
      macros: [
        {
          id: 11,
          title: 'Escalate::Refund exception',
          actions: [
            { field: 'subject', value: 'About your refund' },
            { field: 'comment_value', value: 'Agents: approve refunds up to 60 days after delivery.' },
            { field: 'comment_mode_is_public', value: 'false' },
          ],
        },
        { id: 12, title: 'Returns::Window', actions: [{ field: 'comment_value', value: 'You can return it within 30 days.' }, { field: 'comment_mode_is_public', value: true }] },
      ],
    },
    null,
    2,
  );
  const spec = `version: 1\n${CHANNELS}facts:\n  return-window:\n    value: 30 days\n    says: ["within {value}", "up to {value} after delivery"]\n`;

  it('reads a private comment as a document of its own, marked internal; the subject stays the customer\'s', () => {
    const documents = read(macros);
    expect(documents.map((doc) => [doc.id, doc.internal ?? false, texts(doc)])).toEqual([
      ['11', false, ['About your refund']],
      ['11', true, ['Agents: approve refunds up to 60 days after delivery.']],
      ['12', false, ['You can return it within 30 days.']],
    ]);
  });

  it('no rule judges an internal note by default', async () => {
    const result = await lintRepo({ 'onemessage.yaml': spec, 'support/macros.json': macros });
    expect(result.findings).toEqual([]);
    expect(result.files.map((file) => [file.path, file.documents])).toEqual([['support/macros.json', 3]]);
  });

  it('with internal: check, the note is checked in the channel "internal", at its exact place', async () => {
    const result = await lintRepo({ 'onemessage.yaml': `${spec}internal: check\n`, 'support/macros.json': macros });
    const at = macros.indexOf('60 days');
    expect(result.findings.map((f) => [f.ruleId, f.channel, f.documentId, f.start.offset, f.excerpt, `${f.start.line}:${f.start.column}`])).toEqual([
      ['fact/mismatch', 'internal', '11', at, '60 days', lineCol(macros, at)],
    ]);
  });
});
