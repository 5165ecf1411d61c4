/**
 * Reads Word documents (.docx): the body's paragraphs, headings (by style or outline level),
 * list items and table rows in order, then headers and footers; hyperlinks count as citations,
 * speaker labels make script lines. Comments and deleted revisions are not text. Word records
 * no pages, only where they break: a hard break or the break Word last rendered starts a page.
 */
import { FormatError } from '../../model/document.js';
import type { BytesInput, ContainerModule, Extraction } from '../format.js';
import { ExtractionBuilder } from './extraction.js';
import { isType, relationshipsOf } from './rels.js';
import { attr, NS, parseXml } from './xml.js';
import { openArchive, type Archive } from './zip.js';

const MAIN = 'word/document.xml';

export const docxFormat: ContainerModule = {
  name: 'docx',
  extensions: ['.docx'],
  async extract(input: BytesInput): Promise<Extraction> {
    const archive = openArchive(input.bytes, '.docx');
    const body = archive.text(MAIN);
    if (body === undefined) throw new FormatError(`corrupt: no ${MAIN} in the archive (not a Word document)`);
    const headings = headingStyles(archive);
    const rels = relationshipsOf(archive, MAIN);
    const out = new ExtractionBuilder(input.path, 'docx');
    const pages = { count: 1, broken: false };
    out.startUnit('page', 1);
    readParts({ xml: body, part: MAIN, out, headings, pages });
    const pagesKnown = pages.broken;
    // Headers and footers are customer text, shown on every page: read once each, after the body.
    const extras = [...rels.values()].filter((rel) => !rel.external && (isType(rel, 'header') || isType(rel, 'footer'))).sort((a, b) => (a.target < b.target ? -1 : 1));
    for (const rel of extras) {
      const xml = archive.text(rel.target);
      if (xml === undefined) continue;
      out.startUnit();
      out.startPart(isType(rel, 'header') ? 'header' : 'footer');
      readParts({ xml, part: rel.target, out, headings });
    }
    return out.build({ pagesKnown });
  },
};

interface Paragraph {
  text: string;
  citations: number;
  depth?: number;
  list: boolean;
  /** a page break came inside the paragraph, after its text began: the next paragraph starts a page */
  breakAfter: boolean;
}

/** Walks one part's paragraphs and tables into the builder. */
function readParts(options: { xml: string; part: string; out: ExtractionBuilder; headings: Map<string, number>; pages?: { count: number; broken: boolean } }): void {
  const { out, headings, pages } = options;
  const paragraphs: Paragraph[] = [];
  const rows: string[][] = [];
  let cellTexts: string[] | undefined;
  let inText = false;
  let skip = 0;
  let inPPr = false;
  const newPage = () => {
    if (!pages) return;
    pages.broken = true;
    if (!out.unitHasText) return;
    pages.count += 1;
    out.startUnit('page', pages.count);
  };
  const current = () => paragraphs[paragraphs.length - 1];
  parseXml(options.xml, options.part, {
    open(el) {
      if (skip > 0 || (el.uri === NS.mc && el.local === 'Fallback')) {
        // A text box is written twice (DrawingML and a VML fallback): read the first only.
        skip += 1;
        return;
      }
      if (el.uri !== NS.w) return;
      const p = current();
      switch (el.local) {
        case 'p':
          paragraphs.push({ text: '', citations: 0, list: false, breakAfter: false });
          break;
        case 'pPr':
          inPPr = true;
          break;
        case 'pStyle':
          if (inPPr && p) {
            const depth = headings.get(attr(el, NS.w, 'val') ?? '');
            if (depth !== undefined) p.depth = depth;
          }
          break;
        case 'outlineLvl':
          if (inPPr && p) {
            const level = Number(attr(el, NS.w, 'val'));
            if (Number.isInteger(level) && level >= 0 && level < 6) p.depth = level + 1;
          }
          break;
        case 'numPr':
          if (inPPr && p) p.list = true;
          break;
        case 'pageBreakBefore':
          if (inPPr && attr(el, NS.w, 'val') !== '0' && attr(el, NS.w, 'val') !== 'false') newPage();
          break;
        case 't':
          inText = true;
          break;
        case 'tab':
          if (!inPPr && p) p.text += '\t';
          break;
        case 'br':
        case 'cr':
          if (attr(el, NS.w, 'type') === 'page') {
            if (p && /\S/.test(p.text)) p.breakAfter = true;
            else newPage();
          } else if (p) p.text += ' ';
          break;
        case 'lastRenderedPageBreak':
          if (p && /\S/.test(p.text)) p.breakAfter = true;
          else newPage();
          break;
        case 'hyperlink':
          if (p && attr(el, NS.r, 'id') !== undefined) p.citations += 1;
          break;
        case 'fldSimple':
          if (p && /^\s*HYPERLINK\b/.test(attr(el, NS.w, 'instr') ?? '')) p.citations += 1;
          break;
        case 'tr':
          rows.push([]);
          break;
        case 'tc':
          cellTexts = [];
          break;
      }
    },
    close(el) {
      if (skip > 0) {
        skip -= 1;
        return;
      }
      if (el.uri !== NS.w) return;
      switch (el.local) {
        case 't':
          inText = false;
          break;
        case 'pPr':
          inPPr = false;
          break;
        case 'p': {
          const p = paragraphs.pop()!;
          const row = rows[rows.length - 1];
          if (row && cellTexts) cellTexts.push(p.text.trim());
          else if (paragraphs.length > 0) current()!.text += ` ${p.text}`; // a text box's paragraph joins its anchor's
          else emit(out, p);
          if (p.breakAfter) newPage();
          break;
        }
        case 'tc':
          rows[rows.length - 1]?.push((cellTexts ?? []).filter(Boolean).join(' '));
          cellTexts = undefined;
          break;
        case 'tr': {
          const cells = rows.pop() ?? [];
          out.paragraph(cells.join('\t'), { kind: 'table-row' });
          break;
        }
      }
    },
    text(text) {
      if (skip > 0 || !inText) return;
      const p = current();
      if (p) p.text += text;
    },
  });
}

function emit(out: ExtractionBuilder, p: Paragraph): void {
  if (p.depth !== undefined) out.paragraph(p.text, { kind: 'heading', depth: p.depth, citations: p.citations });
  else out.paragraph(p.text, { kind: p.list ? 'list-item' : 'paragraph', citations: p.citations, speakers: true });
}

/** Style ids that are headings, with their level: by name (`heading 2`, `Title`) or outline level. */
function headingStyles(archive: Archive): Map<string, number> {
  const out = new Map<string, number>();
  const xml = archive.text('word/styles.xml');
  if (xml === undefined) return out;
  let id: string | undefined;
  parseXml(xml, 'word/styles.xml', {
    open(el) {
      if (el.uri !== NS.w) return;
      if (el.local === 'style') id = attr(el, NS.w, 'type') === 'paragraph' ? attr(el, NS.w, 'styleId') : undefined;
      else if (id !== undefined && el.local === 'name') {
        const name = (attr(el, NS.w, 'val') ?? '').toLowerCase();
        const level = /^heading ([1-6])$/.exec(name)?.[1];
        if (level) out.set(id, Number(level));
        else if (name === 'title') out.set(id, 1);
      } else if (id !== undefined && el.local === 'outlineLvl' && !out.has(id)) {
        const level = Number(attr(el, NS.w, 'val'));
        if (Number.isInteger(level) && level >= 0 && level < 6) out.set(id, level + 1);
      }
    },
  });
  return out;
}
