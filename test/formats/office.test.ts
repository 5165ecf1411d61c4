/**
 * The Office and PDF readers on files LibreOffice wrote (scripts/make-office-fixtures.sh): the
 * text a person sees in order, headings, tables, notes, links as citations, places, and a clear
 * reason for every file that cannot be read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FormatError, type TextBlock } from '../../src/model/document.js';
import type { ContainerModule, Extraction } from '../../src/formats/format.js';
import { docxFormat } from '../../src/formats/office/docx.js';
import { odfFormat } from '../../src/formats/office/odf.js';
import { pdfFormat } from '../../src/formats/office/pdf.js';
import { pptxFormat } from '../../src/formats/office/pptx.js';
import { ROOT } from '../helpers/cli.js';

const OFFICE = path.join(ROOT, 'fixtures/formats/office');

function extract(format: ContainerModule, name: string, bytes: Uint8Array = readFileSync(path.join(OFFICE, name))): Promise<Extraction> {
  return format.extract({ path: `sales/${name}`, bytes, options: { markdownFields: [] } });
}

async function refusal(format: ContainerModule, name: string, bytes?: Uint8Array): Promise<string> {
  const error = await extract(format, name, bytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FormatError);
  return (error as FormatError).message;
}

const shape = (block: TextBlock) => ({
  kind: block.kind,
  text: block.text,
  ...(block.depth !== undefined ? { depth: block.depth } : {}),
  ...(block.citations ? { citations: block.citations } : {}),
  ...(block.speaker ? { speaker: block.speaker } : {}),
  ...(block.startsSection ? { startsSection: true } : {}),
});

const DECK_BLOCKS = [
  { kind: 'heading', depth: 1, text: 'Spring launch', startsSection: true },
  { kind: 'paragraph', text: 'Meet the Summit Tent.' },
  { kind: 'paragraph', text: 'Read the field report from our guides.', citations: 1 },
  { kind: 'heading', depth: 1, text: 'Prices', startsSection: true },
  { kind: 'paragraph', text: 'Members save more.' },
  { kind: 'table-row', text: 'Plan\tPrice' },
  { kind: 'table-row', text: 'Monthly\t$12' },
  { kind: 'table-row', text: 'Annual\tSave 20% with annual billing' },
  { kind: 'paragraph', text: 'Say that the Summit Tent ships today.' },
  { kind: 'paragraph', text: 'Then pause for questions.' },
];

const SCRIPT_BLOCKS = [
  { kind: 'heading', depth: 1, text: 'Outbound call script', startsSection: true },
  { kind: 'paragraph', text: 'Hi, this is Sam from Acme Outdoor. Do you have a minute?', speaker: 'Rep' },
  { kind: 'paragraph', text: 'Sure. Is the Summit Tent the best in the industry?', speaker: 'Prospect' },
  { kind: 'paragraph', text: 'It is highly rated by our customers, and it ships today.', speaker: 'Rep' },
  { kind: 'heading', depth: 2, text: 'Pricing questions' },
  { kind: 'table-row', text: 'Question\tAnswer' },
  { kind: 'table-row', text: 'Is there a discount?\tSave 20% with annual billing.' },
  { kind: 'table-row', text: 'Shipping?\tFree shipping on orders over $50.' },
  { kind: 'paragraph', text: 'Read our return policy before you buy.', citations: 1, speaker: 'Rep' },
  { kind: 'paragraph', text: 'Acme Outdoor · for partners only', startsSection: true },
];

describe('pptx', () => {
  it('reads slides in order: title as heading, body, table rows, then speaker notes; links are citations', async () => {
    const { documents, text, places } = await extract(pptxFormat, 'deck.pptx');
    expect(documents).toHaveLength(1);
    expect(documents[0]!.blocks.map(shape)).toEqual(DECK_BLOCKS);
    // Every block is its own line of the extracted text, and its offsets point there.
    for (const block of documents[0]!.blocks) expect(text.slice(block.runs[0]!.source, block.runs[0]!.source + block.text.length)).toBe(block.text);
    expect(places.map(({ unit, number, part, paragraph }) => [unit, number, part, paragraph].filter((x) => x !== undefined).join(' '))).toEqual([
      'slide 1 1', 'slide 1 2', 'slide 1 3', 'slide 2 1', 'slide 2 2', 'slide 2 3', 'slide 2 4', 'slide 2 5', 'slide 2 notes 1', 'slide 2 notes 2',
    ]);
  });

  it('refuses a deck cut off half way as corrupt', async () => {
    expect(await refusal(pptxFormat, 'broken.pptx')).toBe('corrupt: not a readable zip archive (.pptx files are zip archives); it may be truncated or damaged');
  });
});

describe('odp', () => {
  it('reads the same deck saved as OpenDocument into the same blocks', async () => {
    const { documents } = await extract(odfFormat, 'deck.odp');
    expect(documents[0]!.blocks.map(shape)).toEqual(DECK_BLOCKS);
  });
});

describe('docx and odt', () => {
  it('reads a Word script: headings by style, speakers, table rows, links, then the footer', async () => {
    const { documents, places } = await extract(docxFormat, 'script.docx');
    expect(documents[0]!.blocks.map(shape)).toEqual(SCRIPT_BLOCKS);
    // No page break recorded: paragraphs count from the top, with no page to show.
    expect(places[1]).toEqual({ start: 21, paragraph: 2 });
    expect(places.at(-1)).toMatchObject({ part: 'footer', paragraph: 1 });
  });

  it('reads the same script saved as .odt into the same blocks', async () => {
    const { documents } = await extract(odfFormat, 'script.odt');
    expect(documents[0]!.blocks.map(shape)).toEqual(SCRIPT_BLOCKS);
  });

  it('counts pages where a Word document breaks them', async () => {
    const { documents, places } = await extract(docxFormat, '../../acme/sales/battle-card.docx');
    const blocks = documents[0]!.blocks;
    const returns = blocks.findIndex((block) => block.text === 'Returns');
    expect(blocks[returns]!.startsSection).toBe(true);
    expect(places[returns]).toMatchObject({ unit: 'page', number: 2, paragraph: 1 });
  });

  it('says a password-protected .docx is one, and never tries a password', async () => {
    expect(await refusal(docxFormat, 'locked.docx')).toBe('password-protected: the file is encrypted; onemessage takes no passwords, so check a copy saved without one');
  });

  it('refuses a zip bomb from its declared size, before inflating it', async () => {
    expect(await refusal(docxFormat, 'bomb.docx')).toBe(
      'too large when unpacked: word/document.xml unpacks to 64 MiB (the limit for one part is 32 MiB); a zip bomb, or a document too large to check',
    );
  });

  it('refuses a part that declares a DOCTYPE (no entity is ever expanded)', async () => {
    const hostile = zipSync({
      'word/document.xml': strToU8('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'),
    });
    expect(await refusal(docxFormat, 'entity.docx', hostile)).toBe('refused: the part word/document.xml declares a DOCTYPE, which no Office file has (entities are never expanded)');
  });

  it('refuses a part whose compression ratio only a bomb has', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(4 * 1024 * 1024).fill(32) }, { level: 9 });
    expect(await refusal(docxFormat, 'ratio.docx', bomb)).toMatch(/^too large when unpacked: word\/document\.xml unpacks \d+ times its packed size \(a zip bomb\)$/);
  });
});

describe('pdf', () => {
  it('reads each page as a section: headings by type size, paragraphs, the footer on each page', async () => {
    const { documents, places } = await extract(pdfFormat, 'one-pager.pdf');
    expect(documents[0]!.blocks.map(shape)).toEqual([
      { kind: 'heading', depth: 1, text: 'Summit Tent one-pager', startsSection: true },
      { kind: 'paragraph', text: 'Sleeps four, pitches in five minutes.' },
      { kind: 'paragraph', text: 'Free shipping on orders over $50.' },
      { kind: 'paragraph', text: 'Acme Outdoor · for partners only' },
      { kind: 'heading', depth: 2, text: 'Warranty and returns', startsSection: true },
      { kind: 'paragraph', text: 'Every tent comes with a lifetime warranty.' },
      { kind: 'paragraph', text: 'Return it within 30 days for a full refund.' },
      { kind: 'paragraph', text: 'Acme Outdoor · for partners only' },
    ]);
    expect(places[5]).toEqual({ start: 148, unit: 'page', number: 2, paragraph: 2 });
  });

  it('says a PDF with no text layer is scanned', async () => {
    expect(await refusal(pdfFormat, 'scanned.pdf')).toBe('scanned: no text layer on any of its 1 page (images only); onemessage reads text, so run OCR on it first');
  });

  it('says a file that is no PDF is corrupt', async () => {
    expect(await refusal(pdfFormat, 'not.pdf', new TextEncoder().encode('%PDF-1.7\nnothing else'))).toMatch(/^corrupt: /);
  });
});
