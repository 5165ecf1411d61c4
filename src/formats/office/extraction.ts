/**
 * Builds what a container reader returns: the extracted text, one paragraph a line, the blocks
 * over it (each maps one-to-one onto its line) and the place of every paragraph.
 */
import { TextBuilder, type BlockKind, type Document, type TextBlock } from '../../model/document.js';
import type { Extraction, PlaceMark } from '../format.js';
import { sliceBlock, speakerLabelAt } from '../speakers.js';

export interface ParagraphMeta {
  kind: BlockKind;
  depth?: number;
  /** links in the paragraph: each counts as a citation for `claim/evidence` */
  citations?: number;
  /** a script line opening with `Rep:` or `Prospect:` gives its speaker (Word and ODF scripts) */
  speakers?: boolean;
}

export class ExtractionBuilder {
  private readonly lines: string[] = [];
  private length = 0;
  private readonly places: PlaceMark[] = [];
  private blocks: TextBlock[] = [];
  private readonly documents: Document[] = [];
  private unit: Pick<PlaceMark, 'unit' | 'number'> = {};
  private part: string | undefined;
  private paragraphs = 0;
  private sectionPending = false;

  constructor(
    private readonly path: string,
    private readonly format: string,
  ) {}

  /** A new slide or page (or, with no arguments, parts outside any, such as headers): paragraphs count from 1 again, and a section starts. */
  startUnit(unit?: 'slide' | 'page', number?: number): void {
    this.unit = unit !== undefined && number !== undefined ? { unit, number } : {};
    this.part = undefined;
    this.paragraphs = 0;
    this.sectionPending = true;
  }

  /** A part of the unit that is not its body (`notes`, `header`, `footer`), or back to the body with undefined. */
  startPart(part: string | undefined): void {
    if (part === this.part) return;
    this.part = part;
    this.paragraphs = 0;
  }

  /** Whether the current unit has a paragraph with text yet (a page break before any text starts no page). */
  get unitHasText(): boolean {
    return this.paragraphs > 0 || this.part !== undefined;
  }

  /** One paragraph (or table row) of visible text; line breaks inside it become spaces. Blank ones are dropped. */
  paragraph(raw: string, meta: ParagraphMeta): void {
    const text = raw.replace(/[\r\n\u2028\u2029\v\f]/g, ' ');
    if (!/\S/.test(text)) return;
    const start = this.length;
    const builder = new TextBuilder();
    builder.appendVerbatim(text, start);
    let block = builder.build({ kind: meta.kind, ...(meta.depth !== undefined ? { depth: meta.depth } : {}), ...(meta.citations ? { citations: meta.citations } : {}) });
    if (!block) return;
    if (meta.speakers) {
      const label = speakerLabelAt(text, 0);
      const turn = label ? sliceBlock(block, label.end, text.length, { speaker: label.speaker }) : undefined;
      if (turn) block = { ...turn, ...(meta.citations ? { citations: meta.citations } : {}) };
    }
    if (this.sectionPending) {
      block.startsSection = true;
      this.sectionPending = false;
    }
    this.paragraphs += 1;
    this.places.push({ start, ...this.unit, ...(this.part !== undefined ? { part: this.part } : {}), paragraph: this.paragraphs });
    this.blocks.push(block);
    this.lines.push(text);
    this.length += text.length + 1;
  }

  /** Ends the current document (one per file, or one per part a format keeps apart). */
  endDocument(extra: Partial<Pick<Document, 'title'>> = {}): void {
    if (this.blocks.length === 0) return;
    this.documents.push({ path: this.path, format: this.format, ...extra, blocks: this.blocks, directives: [] });
    this.blocks = [];
  }

  /** `pagesKnown: false` drops the page of every place: a document that records no page break has no page to show. */
  build(options: { pagesKnown?: boolean } = {}): Extraction {
    this.endDocument();
    const places = options.pagesKnown === false ? this.places.map(({ unit: _unit, number: _number, ...rest }) => rest) : this.places;
    return { text: this.lines.map((line) => `${line}\n`).join(''), documents: this.documents, places };
  }
}
