import { describe, expect, it } from 'vitest';
import { freshdeskFormat } from '../../src/formats/freshdesk.js';
import { helpscoutFormat } from '../../src/formats/helpscout.js';
import { intercomFormat } from '../../src/formats/intercom.js';
import { fixture, locate, options, texts } from './helpers.js';

describe('helpscout', () => {
  const source = fixture('helpscout-saved-replies.json');
  const docs = helpscoutFormat.read({ path: 'support/helpscout.json', text: source, options }).documents;

  it('reads the HTML text, its <br><br> paragraphs, the differing chat text, and a list preview', () => {
    expect(docs.map((doc) => [doc.format, doc.id, doc.title, texts(doc)])).toEqual([
      ['helpscout', '123456', 'Shipping: free shipping minimum', [
        'Hi  ,\n\n',
        'We offer free shipping on orders over $75.\n\n',
        'Thanks for reaching out — we’re here to help.',
        'Hi there! We offer free shipping on orders over $75.',
      ]],
      ['helpscout', '234567', 'Products: Out of stock - Generic', ['Hi there. Out of stock items are typically available again within 3-4 weeks.']],
    ]);
  });

  it('maps through an HTML entity and a JSON escape in the same string', () => {
    expect(locate(source, docs, 'free shipping on orders over $75')).toMatchObject({ start: 198, at: '7:76' });
    expect(locate(source, docs, '— we’re here')).toMatchObject({ start: 267, end: 290, at: '7:145', spelled: '&mdash; we\\u2019re here' });
    expect(locate(source, docs, 'Hi there!')).toMatchObject({ at: '8:22' });
    expect(locate(source, docs, 'within 3-4 weeks')).toMatchObject({ at: '13:80' });
  });

  it('reads the chat text only when it says something other than the email text', () => {
    const same = '[{"id": 1, "name": "x", "text": "<p>In stock now.</p>", "chatText": "In stock  now."}]';
    expect(texts(helpscoutFormat.read({ path: 'a.json', text: same, options }).documents[0]!)).toEqual(['In stock now.']);
  });
});

describe('freshdesk', () => {
  const source = fixture('freshdesk-canned-responses.json');
  const docs = freshdeskFormat.read({ path: 'support/freshdesk.json', text: source, options }).documents;

  it('reads content_html and not its plain copy', () => {
    expect(docs.map((doc) => [doc.format, doc.id, doc.title, texts(doc)])).toEqual([
      ['freshdesk', '2000012345', 'Refund policy', ['Hi  ,', 'You can return any item within 30 days — no questions asked.']],
      ['freshdesk', '2000012346', 'Summit Tent stock', ['The Summit Tent is in stock and ready to ship.']],
    ]);
  });

  it('maps words after an escape and across a <b>', () => {
    expect(locate(source, docs, 'within 30 days')).toMatchObject({ start: 283, end: 297, at: '7:106' });
    expect(locate(source, docs, '— no questions')).toMatchObject({ at: '7:121', spelled: '\\u2014 no questions' });
    expect(locate(source, docs, 'Summit Tent is in stock')).toMatchObject({ at: '18:34', spelled: 'Summit Tent</b> is in stock' });
  });

  it('reads plain content when there is no HTML', () => {
    const plain = '[{"id": 5, "title": "t", "content": "Hi {{ticket.requester.name}},\\n\\nShips today."}]';
    expect(texts(freshdeskFormat.read({ path: 'a.json', text: plain, options }).documents[0]!)).toEqual(['Hi  ,', 'Ships today.']);
  });
});

describe('intercom', () => {
  const source = fixture('intercom-macros.json');
  const docs = intercomFormat.read({ path: 'support/intercom.json', text: source, options }).documents;

  it('reads body (HTML, <attribute/> placeholders blanked) or else body_text (Liquid placeholders blanked)', () => {
    expect(docs.map((doc) => [doc.format, doc.id, doc.title, texts(doc)])).toEqual([
      ['intercom', '123', 'Order Status Update', ['Hi  , your TrailPack 45 is in stock and ships within 24 hours.', 'Questions? Just reply.']],
      ['intercom', '124', 'Free trial', ['Hi  , start your free trial today.']],
    ]);
  });

  it('maps words after escaped quotes in the HTML body and in body_text', () => {
    expect(locate(source, docs, 'your TrailPack 45')).toMatchObject({ start: 188, end: 205, at: '8:72' });
    expect(locate(source, docs, 'free trial')).toMatchObject({ start: 783, at: '20:73' });
    // The blank that stands for the placeholder sits where the placeholder starts.
    const hi = locate(source, docs, 'Hi  ,');
    expect(hi.spelled.startsWith('Hi <attribute')).toBe(true);
  });

  it('reads a single macro object', () => {
    const single = '{"type": "macro", "id": "9", "name": "n", "body": "<p>Ready to ship.</p>", "body_text": "Ready to ship."}';
    expect(intercomFormat.read({ path: 'a.json', text: single, options }).documents.map(texts)).toEqual([['Ready to ship.']]);
  });
});
