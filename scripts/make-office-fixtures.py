#!/usr/bin/env python3
"""Makes the office test files with LibreOffice itself (through UNO), so that every .docx, .pptx,
.odt, .odp and .pdf under test is what real office software writes, not a hand-made imitation.

The sources are Flat ODF documents written below; LibreOffice loads each and saves it in every
format the tests need. Run by scripts/make-office-fixtures.sh (which starts LibreOffice)."""
import os
import subprocess
import sys
import tempfile
import time
import zipfile

import uno
from com.sun.star.beans import NamedValue, PropertyValue

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OFFICE = os.path.join(ROOT, 'fixtures', 'formats', 'office')
ACME_SALES = os.path.join(ROOT, 'fixtures', 'acme', 'sales')

NS = ' '.join([
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
    'xmlns:xlink="http://www.w3.org/1999/xlink"',
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"',
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"',
])


def esc(text):
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def para(text, style=None):
    attr = f' text:style-name="{style}"' if style else ''
    return f'<text:p{attr}>{text}</text:p>'


def link(text, href):
    return f'<text:a xlink:type="simple" xlink:href="{href}">{esc(text)}</text:a>'


def table(rows, name='Table1'):
    cols = max(len(row) for row in rows)
    out = [f'<table:table table:name="{name}"><table:table-column table:number-columns-repeated="{cols}"/>']
    for row in rows:
        out.append('<table:table-row>')
        for cell in row:
            out.append(f'<table:table-cell office:value-type="string">{para(esc(cell))}</table:table-cell>')
        out.append('</table:table-row>')
    out.append('</table:table>')
    return ''.join(out)


def text_document(body):
    """A Flat ODF text document; paragraphs styled PB start a new page."""
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:default-style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="HeadingPB" style:family="paragraph" style:parent-style-name="Heading_20_2"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:footer><text:p>Acme Outdoor · for partners only</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
'''


def heading(text, level=1):
    return f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{esc(text)}</text:h>'


def deck_slide(title, body=(), table_rows=None, notes=()):
    """A slide as data; built through Impress's own API so that titles and notes are real placeholders."""
    return {'title': title, 'body': list(body), 'table': table_rows, 'notes': list(notes)}


# The documents -------------------------------------------------------------------------------

ACME_DECK = [
    deck_slide('Acme Outdoor for trail clubs', ['Gear that keeps up with your members.']),
    deck_slide('What we carry', ['Tents, packs and stoves for every season.'],
          table_rows=[['Product', 'Availability'], ['Summit Tent', 'In stock'], ['TrailPack 45', 'Made to order, 6-8 weeks']]),
    deck_slide('TrailPack 45', ['Our best-selling pack for long weekends.', 'The TrailPack 45 is in stock and ships today.'],
          notes=[['Tell them the frame is ', ('lab tested', 'https://acme.example/lab-report'), ' for 40 kg loads.']]),
    deck_slide('Next steps', ['Book a fitting day for your club.'], notes=['Offer the club discount code at the end.']),
]

ACME_BATTLE_CARD = text_document(''.join([
    heading('TrailPack 45 battle card'),
    para('Use this card when a prospect compares us with other pack makers.'),
    table([['Objection', 'Answer'],
           ['It costs more than a store brand.', 'The frame and hip belt are made to order for each customer.'],
           ['What if it does not fit?', 'We refit it at any Acme store.']], 'Objections'),
    para('Returns', 'PB'),
    para('Every TrailPack comes with a 60-day money-back guarantee, no questions asked.'),
]))

DECK = [
    deck_slide('Spring launch', ['Meet the Summit Tent.', ['Read the ', ('field report', 'https://acme.example/field-report'), ' from our guides.']]),
    deck_slide('Prices', ['Members save more.'], table_rows=[['Plan', 'Price'], ['Monthly', '$12'], ['Annual', 'Save 20% with annual billing']],
          notes=['Say that the Summit Tent ships today.', 'Then pause for questions.']),
]

SCRIPT = text_document(''.join([
    heading('Outbound call script'),
    para('Rep: Hi, this is Sam from Acme Outdoor. Do you have a minute?'),
    para('Prospect: Sure. Is the Summit Tent the best in the industry?'),
    para('Rep: It is highly rated by our customers, and it ships today.'),
    heading('Pricing questions', 2),
    table([['Question', 'Answer'], ['Is there a discount?', 'Save 20% with annual billing.'], ['Shipping?', 'Free shipping on orders over $50.']], 'Pricing'),
    para('Rep: Read our ' + link('return policy', 'https://acme.example/returns') + ' before you buy.'),
]))

ONE_PAGER = text_document(''.join([
    heading('Summit Tent one-pager'),
    para('Sleeps four, pitches in five minutes.'),
    para('Free shipping on orders over $50.'),
    '<text:h text:style-name="HeadingPB" text:outline-level="2">Warranty and returns</text:h>',
    para('Every tent comes with a lifetime warranty.'),
    para('Return it within 30 days for a full refund.'),
]))

PLAIN = text_document(''.join([
    heading('Club newsletter'),
    para('Our guides walked the coast path this spring.'),
]))


# LibreOffice ---------------------------------------------------------------------------------

def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def named(name, value):
    v = NamedValue()
    v.Name = name
    v.Value = value
    return v


def encrypted(password):
    """What Save with password sets for an OOXML file: the package is encrypted into an OLE container."""
    data = (named('OOXPassword', password), named('CryptoType', 'Standard'))
    return (prop('EncryptionData', uno.Any('[]com.sun.star.beans.NamedValue', data)),)


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(120):
        try:
            ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
            return ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        except Exception:
            time.sleep(0.5)
    sys.exit('LibreOffice did not start')


def convert(desktop, source_text, suffix, targets, tmp):
    src = os.path.join(tmp, 'source' + suffix)
    with open(src, 'w', encoding='utf-8') as f:
        f.write(source_text)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0, (prop('Hidden', True),))
    for path, filter_name, extra in targets:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        doc.storeToURL(uno.systemPathToFileUrl(path), (prop('FilterName', filter_name), *extra))
        print('wrote', os.path.relpath(path, ROOT))
    doc.close(True)


def fill(text, paragraphs, doc):
    """Writes paragraphs into a shape's text; a paragraph is a string or a list of strings and (text, url) links."""
    text.setString('')
    cursor = text.createTextCursor()
    for i, paragraph in enumerate(paragraphs):
        if i > 0:
            text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
        for segment in [paragraph] if isinstance(paragraph, str) else paragraph:
            if isinstance(segment, str):
                text.insertString(cursor, segment, False)
            else:
                field = doc.createInstance('com.sun.star.text.TextField.URL')
                field.Representation, field.URL = segment
                text.insertTextContent(cursor, field, False)


def impress(desktop, slides, targets):
    """A deck built through Impress's API: a title-and-content layout per slide, so the title and body
    are real placeholders, a table shape where asked, and the notes page's own notes placeholder."""
    doc = desktop.loadComponentFromURL('private:factory/simpress', '_blank', 0, (prop('Hidden', True),))
    pages = doc.DrawPages
    for index, data in enumerate(slides):
        page = pages.getByIndex(0) if index == 0 else pages.insertNewByIndex(index - 1)
        page.Layout = 1 if data['body'] else 0  # AUTOLAYOUT_TITLE_CONTENT, or a title slide
        shapes = [page.getByIndex(i) for i in range(page.getCount())]
        title = next(sh for sh in shapes if sh.getShapeType().endswith('TitleTextShape'))
        fill(title.getText(), [data['title']], doc)
        if data['body']:
            outline = next(sh for sh in shapes if sh.getShapeType().endswith('OutlinerShape'))
            fill(outline.getText(), data['body'], doc)
        else:
            for sh in shapes:
                if sh.getShapeType().endswith('SubtitleShape'):
                    page.remove(sh)
        if data['table']:
            rows = data['table']
            table = doc.createInstance('com.sun.star.drawing.TableShape')
            page.add(table)
            position = uno.createUnoStruct('com.sun.star.awt.Point')
            position.X, position.Y = 2000, 11000
            size = uno.createUnoStruct('com.sun.star.awt.Size')
            size.Width, size.Height = 24000, 1200 * len(rows)
            table.setPosition(position)
            table.setSize(size)
            model = table.Model
            model.getColumns().insertByIndex(0, len(rows[0]) - model.getColumns().getCount())
            model.getRows().insertByIndex(0, len(rows) - model.getRows().getCount())
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    model.getCellByPosition(c, r).setString(value)
        if data['notes']:
            notes_page = page.getNotesPage()
            for i in range(notes_page.getCount()):
                shape = notes_page.getByIndex(i)
                if shape.getShapeType().endswith('NotesShape'):
                    fill(shape.getText(), data['notes'], doc)
    for path, filter_name in targets:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        doc.storeToURL(uno.systemPathToFileUrl(path), (prop('FilterName', filter_name),))
        print('wrote', os.path.relpath(path, ROOT))
    # Closing a deck with a table shape crashes LibreOffice 7.4 here; the deck is left to terminate().


def scanned_pdf(desktop, tmp):
    """A page of text rendered to a picture, then that picture alone saved as a PDF: no text layer."""
    png = os.path.join(tmp, 'page.png')
    convert(desktop, text_document(para('Scanned price list: the Summit Tent ships today.')), '.fodt',
            [(png, 'writer_png_Export', ())], tmp)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(png), '_blank', 0, (prop('Hidden', True),))
    out = os.path.join(OFFICE, 'scanned.pdf')
    doc.storeToURL(uno.systemPathToFileUrl(out), (prop('FilterName', 'draw_pdf_Export'),))
    doc.close(True)
    print('wrote', os.path.relpath(out, ROOT))


def corrupt_pptx():
    """A real deck cut off half way, as an interrupted download or copy leaves it."""
    with open(os.path.join(OFFICE, 'deck.pptx'), 'rb') as f:
        data = f.read()
    out = os.path.join(OFFICE, 'broken.pptx')
    with open(out, 'wb') as f:
        f.write(data[: len(data) // 2])
    print('wrote', os.path.relpath(out, ROOT))


def zip_bomb():
    """A .docx-shaped zip whose document part unpacks to 64 MiB of spaces from about 64 KB on disk."""
    out = os.path.join(OFFICE, 'bomb.docx')
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        head = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        with z.open('word/document.xml', 'w', force_zip64=False) as part:
            part.write(head.encode())
            chunk = b' ' * (1 << 20)
            for _ in range(64):
                part.write(chunk)
            part.write(b'</w:body></w:document>')
    print('wrote', os.path.relpath(out, ROOT), os.path.getsize(out), 'bytes')


def main():
    pipe = sys.argv[1]
    desktop = connect(pipe)
    with tempfile.TemporaryDirectory() as tmp:
        ooxml_deck = 'Impress MS PowerPoint 2007 XML'
        word = 'MS Word 2007 XML'
        impress(desktop, ACME_DECK, [(os.path.join(ACME_SALES, 'pitch.pptx'), ooxml_deck)])
        convert(desktop, ACME_BATTLE_CARD, '.fodt', [(os.path.join(ACME_SALES, 'battle-card.docx'), word, ())], tmp)
        impress(desktop, DECK, [(os.path.join(OFFICE, 'deck.pptx'), ooxml_deck), (os.path.join(OFFICE, 'deck.odp'), 'impress8')])
        convert(desktop, SCRIPT, '.fodt', [
            (os.path.join(OFFICE, 'script.docx'), word, ()),
            (os.path.join(OFFICE, 'script.odt'), 'writer8', ()),
            (os.path.join(OFFICE, 'locked.docx'), word, encrypted('acme')),
        ], tmp)
        convert(desktop, ONE_PAGER, '.fodt', [(os.path.join(OFFICE, 'one-pager.pdf'), 'writer_pdf_Export', ())], tmp)
        convert(desktop, PLAIN, '.fodt', [(os.path.join(OFFICE, 'newsletter.docx'), word, ())], tmp)
        scanned_pdf(desktop, tmp)
    corrupt_pptx()
    zip_bomb()
    try:
        desktop.terminate()
    except Exception:
        pass  # terminate() ends the process under the bridge; the lost connection is expected


if __name__ == '__main__':
    main()
