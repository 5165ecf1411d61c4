/**
 * Reads PowerPoint decks (.pptx): slides in the presentation's order, each a section, its shapes
 * in the order the slide lists them (the title placeholder as the heading), table rows, then the
 * slide's speaker notes. Hyperlinks to outside the deck count as citations. Comments, slide
 * numbers, dates and the notes page's slide image are not text.
 */
import { FormatError } from '../../model/document.js';
import type { BytesInput, ContainerModule, Extraction } from '../format.js';
import { ExtractionBuilder } from './extraction.js';
import { isType, relationshipsOf, type Relationship } from './rels.js';
import { attr, NS, parseXml } from './xml.js';
import { openArchive, type Archive } from './zip.js';

const MAIN = 'ppt/presentation.xml';
/** Placeholders whose text is the slide's furniture, not its message. */
const NOT_TEXT = new Set(['sldNum', 'dt', 'sldImg', 'hdr']);

export const pptxFormat: ContainerModule = {
  name: 'pptx',
  extensions: ['.pptx'],
  async extract(input: BytesInput): Promise<Extraction> {
    const archive = openArchive(input.bytes, '.pptx');
    const main = archive.text(MAIN);
    if (main === undefined) throw new FormatError(`corrupt: no ${MAIN} in the archive (not a PowerPoint deck)`);
    const rels = relationshipsOf(archive, MAIN);
    const slideIds: string[] = [];
    parseXml(main, MAIN, {
      open(el) {
        if (el.uri === NS.p && el.local === 'sldId') {
          const id = attr(el, NS.r, 'id');
          if (id !== undefined) slideIds.push(id);
        }
      },
    });
    const out = new ExtractionBuilder(input.path, 'pptx');
    slideIds.forEach((id, index) => {
      const rel = rels.get(id);
      if (!rel || rel.external) return;
      const xml = archive.text(rel.target);
      if (xml === undefined) throw new FormatError(`corrupt: slide ${index + 1} (${rel.target}) is missing from the archive`);
      out.startUnit('slide', index + 1);
      const slideRels = relationshipsOf(archive, rel.target);
      readShapes({ xml, part: rel.target, rels: slideRels, out, notes: false });
      const notes = [...slideRels.values()].find((r) => !r.external && isType(r, 'notesSlide'));
      if (notes) readNotes(archive, notes, out);
    });
    return out.build();
  },
};

function readNotes(archive: Archive, rel: Relationship, out: ExtractionBuilder): void {
  const xml = archive.text(rel.target);
  if (xml === undefined) return;
  out.startPart('notes');
  readShapes({ xml, part: rel.target, rels: relationshipsOf(archive, rel.target), out, notes: true });
  out.startPart(undefined);
}

interface Shape {
  placeholder?: string;
  /** a shape that is a placeholder at all (`<p:ph/>` without a type is the body) */
  isPlaceholder: boolean;
}

/** The text of a slide's (or notes page's) shapes: paragraphs of `a:p`, rows of `a:tbl`. */
function readShapes(options: { xml: string; part: string; rels: Map<string, Relationship>; out: ExtractionBuilder; notes: boolean }): void {
  const { out, rels, notes } = options;
  const shapes: Shape[] = [];
  let paragraph: { text: string; citations: number } | undefined;
  let row: string[] | undefined;
  let cell: string[] | undefined;
  let inText = false;
  let skip = 0;
  const shapeSkipped = () => {
    const shape = shapes[shapes.length - 1];
    if (!shape) return false;
    if (shape.placeholder !== undefined && NOT_TEXT.has(shape.placeholder)) return true;
    // On a notes page only the notes placeholder is the speaker's text.
    return notes && !(shape.isPlaceholder && (shape.placeholder === undefined || shape.placeholder === 'body'));
  };
  parseXml(options.xml, options.part, {
    open(el) {
      if (skip > 0 || (el.uri === NS.mc && el.local === 'Fallback')) {
        skip += 1;
        return;
      }
      if (el.uri === NS.p && (el.local === 'sp' || el.local === 'graphicFrame')) shapes.push({ isPlaceholder: false });
      else if (el.uri === NS.p && el.local === 'ph') {
        const shape = shapes[shapes.length - 1];
        if (shape) {
          shape.isPlaceholder = true;
          const type = attr(el, '', 'type');
          if (type !== undefined) shape.placeholder = type;
        }
      } else if (el.uri === NS.a) {
        if (el.local === 'p') paragraph = { text: '', citations: 0 };
        else if (el.local === 't') inText = true;
        else if (el.local === 'br' && paragraph) paragraph.text += ' ';
        else if (el.local === 'tab' && paragraph) paragraph.text += '\t';
        else if (el.local === 'hlinkClick' && paragraph) {
          const id = attr(el, NS.r, 'id');
          if (id !== undefined && rels.get(id)?.external) paragraph.citations += 1;
        } else if (el.local === 'tr') row = [];
        else if (el.local === 'tc') cell = [];
      }
    },
    close(el) {
      if (skip > 0) {
        skip -= 1;
        return;
      }
      if (el.uri === NS.p && (el.local === 'sp' || el.local === 'graphicFrame')) shapes.pop();
      else if (el.uri === NS.a) {
        if (el.local === 't') inText = false;
        else if (el.local === 'p' && paragraph) {
          const done = paragraph;
          paragraph = undefined;
          if (cell) cell.push(done.text.trim());
          else if (!shapeSkipped()) {
            const shape = shapes[shapes.length - 1];
            const title = shape?.placeholder === 'title' || shape?.placeholder === 'ctrTitle';
            out.paragraph(done.text, title ? { kind: 'heading', depth: 1, citations: done.citations } : { kind: 'paragraph', citations: done.citations });
          }
        } else if (el.local === 'tc' && row && cell) {
          row.push(cell.filter(Boolean).join(' '));
          cell = undefined;
        } else if (el.local === 'tr' && row) {
          if (!shapeSkipped()) out.paragraph(row.join('\t'), { kind: 'table-row' });
          row = undefined;
        }
      }
    },
    text(text) {
      if (skip === 0 && inText && paragraph) paragraph.text += text;
    },
  });
}
