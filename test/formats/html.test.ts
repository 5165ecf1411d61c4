import { describe, expect, it } from 'vitest';
import { FormatError, type Document } from '../../src/model/document.js';
import { htmlFormat, htmlText } from '../../src/formats/html.js';
import { fixture, lineCol, locate, options, texts } from './helpers.js';

function read(text: string, path = 'site/page.html'): Document {
  return htmlFormat.read({ path, text, options }).documents[0]!;
}

describe('html: landing page', () => {
  const source = fixture('landing.html');
  const page = read(source, 'site/landing.html');

  it('reads the visible text as blocks in reading order, and nothing hidden', () => {
    expect(page.format).toBe('html');
    expect(page.blocks.map((block) => [block.kind, block.depth ?? block.field ?? '', block.text])).toEqual([
      ['field', 'title', 'Acme Outdoor – TrailPack 45'],
      ['field', 'description', 'The TrailPack 45: waterproof, tough & light.'],
      ['field', 'og:title', 'TrailPack 45 by Acme'],
      ['heading', 1, 'Meet the TrailPack 45'],
      ['paragraph', '', 'Now in stock & ready to ship.\nFree shipping on orders over $50.'],
      ['field', 'title', 'Photo: Acme'],
      ['field', 'alt', 'TrailPack 45 on a "summit" ridge'],
      ['list-item', '', '30-day money-back guarantee'],
      ['list-item', '', 'Lifetime warranty'],
      ['table-row', '', 'Model\tStock'],
      ['table-row', '', 'TP-45\tMade to order'],
      ['blockquote', '', 'The best pack I’ve owned.'],
    ]);
    const all = texts(page).join('\n');
    for (const hidden of ['Best in the industry', 'Number one', 'ships today', 'var stock', 'color: red']) expect(all).not.toContain(hidden);
  });

  it('maps a word split by <strong> onto the whole source span', () => {
    expect(locate(source, page, 'in stock')).toMatchObject({ start: 510, end: 527, at: '14:31', spelled: 'in st</strong>ock' });
  });

  it('maps an entity to its whole spelling, and the word after it exactly', () => {
    expect(locate(source, page, '& ready')).toMatchObject({ start: 528, end: 539, at: '14:49', spelled: '&amp; ready' });
    expect(locate(source, page, 'I’ve owned')).toMatchObject({ start: 1074, end: 1090, at: '28:32', spelled: 'I&rsquo;ve owned' });
    expect(locate(source, page, 'Acme Outdoor – TrailPack')).toMatchObject({ at: '5:10', spelled: 'Acme Outdoor &ndash; TrailPack' });
  });

  it('maps words inside alt, title and meta attributes to their place in the tag', () => {
    expect(locate(source, page, 'summit')).toMatchObject({ start: 641, end: 647, at: '15:52', spelled: 'summit' });
    expect(locate(source, page, 'TrailPack 45 on')).toMatchObject({ at: '15:28', spelled: 'TrailPack 45 on' });
    expect(locate(source, page, 'Photo')).toMatchObject({ at: '15:79', spelled: 'Photo' });
    expect(locate(source, page, 'tough & light')).toMatchObject({ at: '6:67', spelled: 'tough &amp; light' });
  });

  it('joins table cells with a synthetic tab and maps cell text exactly', () => {
    const found = locate(source, page, 'Made to order');
    expect(found).toMatchObject({ start: 847, end: 860, at: '22:27', spelled: 'Made to order' });
    const tab = found.block.runs.find((run) => run.sourceLength === 0)!;
    expect(found.block.text[tab.text]).toBe('\t');
  });

  it('turns an onemessage- comment into a directive spanning the whole comment', () => {
    expect(page.directives).toEqual([
      { kind: 'disable-next-line', selectors: ['stock/promise'], reason: 'launch banner approved by ops', approvedBy: 'ops', start: 362, end: 446 },
    ]);
    expect(lineCol(source, 362)).toBe('12:3');
    expect(source.slice(362, 446)).toBe('<!-- onemessage-disable-next-line stock/promise -- launch banner approved by ops -->');
  });
});

describe('html: fragments, entities and soup', () => {
  it('parses HTML soup leniently, as a browser does', () => {
    const source = '<p>Unclosed <b>bold <i>mixed</b> text<li>item one<li>item two</ul><table><td>loose cell</div>';
    const page = read(source);
    expect(texts(page)).toEqual(['Unclosed bold mixed text', 'item one', 'item two', 'loose cell']);
    expect(locate(source, page, 'mixed text')).toMatchObject({ start: 23, end: 37, spelled: 'mixed</b> text' });
  });

  it("decodes references the way HTML does, each mapped to its own spelling", () => {
    const source = '<p>AT&T &notit; &#x1F600; caf&eacute;&copy 2026</p>';
    const [block] = read(source).blocks;
    expect(block!.text).toBe('AT&T ¬it; 😀 café© 2026');
    expect(locate(source, read(source), '¬it;').spelled).toBe('&notit;');
    expect(locate(source, read(source), '😀').spelled).toBe('&#x1F600;');
    expect(locate(source, read(source), 'é©').spelled).toBe('&eacute;&copy');
    expect(locate(source, read(source), 'AT&T').spelled).toBe('AT&T');
  });

  it('maps CRLF line breaks to both characters', () => {
    const source = '<p>free\r\nshipping</p>';
    expect(read(source).blocks[0]!.text).toBe('free\nshipping');
    expect(locate(source, read(source), 'free\nshipping')).toMatchObject({ start: 3, end: 17 });
  });

  it('keeps attribute entities literal where HTML does (&amp= in an attribute)', () => {
    const source = '<img alt="Save &amp=more &amp; get &quot;it&quot;">';
    const [alt] = read(source).blocks;
    expect(alt).toMatchObject({ kind: 'field', field: 'alt', text: 'Save &amp=more & get "it"' });
    expect(locate(source, read(source), '"it"').spelled).toBe('&quot;it&quot;');
  });

  it('reads a fragment with no <html> or <body>, and a blank line of <br><br> as a paragraph break', () => {
    const source = 'Hi there,<br><br>Your order ships <em>today</em>.<br>Thanks!';
    expect(texts(read(source))).toEqual(['Hi there,\n\n', 'Your order ships today.\nThanks!']);
  });

  it('skips code, and treats a nested paragraph in a list item as part of the item', () => {
    const source = '<ul><li>Use <code>in stock</code> carefully<p>Second para</p></li></ul><pre>ships today</pre>';
    expect(read(source).blocks.map((block) => [block.kind, block.text])).toEqual([
      ['list-item', 'Use  carefully'],
      ['list-item', 'Second para'],
    ]);
  });

  it('hides what inline styles hide', () => {
    expect(texts(read('<p style="display: none">gone</p><p style="color:red">shown</p>'))).toEqual(['shown']);
  });

  it('composes an offset map: HTML offsets become file offsets', () => {
    // The HTML sits at offset 100 of some file.
    const { blocks } = htmlText({ html: '<p>in <b>stock</b></p>', map: { start: (i) => 100 + i, end: (i) => 101 + i } });
    expect(blocks[0]!.runs).toEqual([
      { text: 0, source: 103, length: 3, sourceLength: 3 },
      { text: 3, source: 109, length: 5, sourceLength: 5 },
    ]);
  });

  it('refuses a file that is not text', () => {
    expect(() => read('GIF89a\u0000\u0001binary')).toThrow(FormatError);
    expect(() => read('GIF89a\u0000\u0001binary')).toThrow(expect.objectContaining({ message: 'not an HTML file: it holds binary data', offset: 6 }));
  });
});
