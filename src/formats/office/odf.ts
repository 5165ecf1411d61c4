/**
 * Reads OpenDocument text documents and presentations (.odt, .odp): paragraphs, headings (their
 * outline level), list items and table rows in order; a presentation's pages are slides, each a
 * section with its title frame as the heading and its notes after it; a text document's pages are
 * where LibreOffice recorded them (soft page breaks) or where a break is forced. Links count as
 * citations; comments, footnotes and tracked deletions are not text.
 */
import { FormatError } from '../../model/document.js';
import type { BytesInput, ContainerModule, Extraction } from '../format.js';
import { ExtractionBuilder } from './extraction.js';
import { attr, NS, parseXml, type XmlElement } from './xml.js';
import { openArchive, type Archive } from './zip.js';

export const odfFormat: ContainerModule = {
  name: 'odf',
  extensions: ['.odt', '.odp'],
  async extract(input: BytesInput): Promise<Extraction> {
    const ext = input.path.slice(input.path.lastIndexOf('.'));
    const archive = openArchive(input.bytes, ext);
    if (encrypted(archive)) throw new FormatError('password-protected: the file is encrypted; onemessage takes no passwords, so check a copy saved without one');
    const content = archive.text('content.xml');
    if (content === undefined) throw new FormatError(`corrupt: no content.xml in the archive (not an OpenDocument file)`);
    const styles = archive.text('styles.xml');
    const breaks = pageBreakStyles(content, 'content.xml');
    if (styles !== undefined) for (const name of pageBreakStyles(styles, 'styles.xml')) breaks.add(name);
    const out = new ExtractionBuilder(input.path, 'odf');
    const pages = readBody({ xml: content, part: 'content.xml', out, breaks });
    if (styles !== undefined) readHeadersFooters(styles, out);
    return out.build({ pagesKnown: pages.known });
  },
};

function encrypted(archive: Archive): boolean {
  const manifest = archive.text('META-INF/manifest.xml');
  if (manifest === undefined) return false;
  let found = false;
  parseXml(manifest, 'META-INF/manifest.xml', {
    open(el) {
      if (el.uri === NS.manifest && el.local === 'encryption-data') found = true;
    },
  });
  return found;
}

/** Paragraph styles that force a page break before their paragraphs. */
function pageBreakStyles(xml: string, part: string): Set<string> {
  const out = new Set<string>();
  let style: string | undefined;
  parseXml(xml, part, {
    open(el) {
      if (el.uri === NS.style && el.local === 'style') style = attr(el, NS.style, 'name');
      else if (style !== undefined && el.uri === NS.style && el.local === 'paragraph-properties' && attr(el, NS.fo, 'break-before') === 'page') out.add(style);
    },
    close(el) {
      if (el.uri === NS.style && el.local === 'style') style = undefined;
    },
  });
  return out;
}

interface Paragraph {
  text: string;
  citations: number;
  kind: 'heading' | 'paragraph' | 'list-item';
  depth?: number;
  /** a soft page break inside the paragraph, after its text began */
  breakAfter: boolean;
}

const isText = (el: XmlElement, local: string) => el.uri === NS.text && el.local === local;

/** Walks the body (text or presentation) into the builder; says whether the file recorded any page. */
function readBody(options: { xml: string; part: string; out: ExtractionBuilder; breaks: Set<string> }): { known: boolean } {
  const { out, breaks } = options;
  const paragraphs: Paragraph[] = [];
  const rows: string[][] = [];
  let cell: string[] | undefined;
  let skip = 0;
  let lists = 0;
  let presentation = false;
  let slide = 0;
  let notes = 0;
  const frames: Array<string | undefined> = [];
  const pages = { count: 1, known: false };
  const newPage = () => {
    pages.known = true;
    if (!out.unitHasText) return;
    pages.count += 1;
    out.startUnit('page', pages.count);
  };
  const current = () => paragraphs[paragraphs.length - 1];
  parseXml(options.xml, options.part, {
    open(el) {
      if (skip > 0 || (el.uri === NS.office && el.local === 'annotation') || isText(el, 'note') || isText(el, 'tracked-changes') || (el.uri === NS.draw && el.local === 'page-thumbnail')) {
        skip += 1;
        return;
      }
      if (el.uri === NS.office && el.local === 'text') out.startUnit('page', 1);
      else if (el.uri === NS.office && el.local === 'presentation') presentation = true;
      else if (presentation && el.uri === NS.draw && el.local === 'page') out.startUnit('slide', ++slide);
      else if (el.uri === NS.presentation && el.local === 'notes') {
        notes += 1;
        out.startPart('notes');
      } else if (el.uri === NS.draw && el.local === 'frame') frames.push(attr(el, NS.presentation, 'class'));
      else if (isText(el, 'list')) lists += 1;
      else if (isText(el, 'p') || isText(el, 'h')) {
        const heading = isText(el, 'h');
        const frameClass = frames[frames.length - 1];
        const title = presentation && (frameClass === 'title' || frameClass === 'subtitle') && notes === 0;
        const level = Number(attr(el, NS.text, 'outline-level') ?? '1');
        const p: Paragraph = { text: '', citations: 0, kind: heading || (title && frameClass === 'title') ? 'heading' : lists > 0 ? 'list-item' : 'paragraph', breakAfter: false };
        if (p.kind === 'heading') p.depth = Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
        if (!presentation && breaks.has(attr(el, NS.text, 'style-name') ?? '') && paragraphs.length === 0) newPage();
        paragraphs.push(p);
      } else if (isText(el, 's')) {
        const p = current();
        if (p) p.text += ' '.repeat(Math.min(1000, Math.max(1, Number(attr(el, NS.text, 'c') ?? '1') || 1)));
      } else if (isText(el, 'tab')) {
        const p = current();
        if (p) p.text += '\t';
      } else if (isText(el, 'line-break')) {
        const p = current();
        if (p) p.text += ' ';
      } else if (isText(el, 'a')) {
        const p = current();
        if (p && attr(el, NS.xlink, 'href') !== undefined) p.citations += 1;
      } else if (isText(el, 'soft-page-break') && !presentation) {
        const p = current();
        if (p && /\S/.test(p.text)) p.breakAfter = true;
        else newPage();
      } else if (el.uri === NS.table && el.local === 'table-row') rows.push([]);
      else if (el.uri === NS.table && el.local === 'table-cell') cell = [];
    },
    close(el) {
      if (skip > 0) {
        skip -= 1;
        return;
      }
      if (el.uri === NS.presentation && el.local === 'notes') {
        notes -= 1;
        out.startPart(undefined);
      } else if (el.uri === NS.draw && el.local === 'frame') frames.pop();
      else if (isText(el, 'list')) lists -= 1;
      else if (isText(el, 'p') || isText(el, 'h')) {
        const p = paragraphs.pop()!;
        const frameClass = frames[frames.length - 1];
        if (presentation && (frameClass === 'page-number' || frameClass === 'date-time')) return;
        if (cell && rows.length > 0) cell.push(p.text.trim());
        else if (paragraphs.length > 0) current()!.text += ` ${p.text}`; // a text box's paragraph joins its anchor's
        else if (p.kind === 'heading') out.paragraph(p.text, { kind: 'heading', depth: p.depth ?? 1, citations: p.citations });
        else out.paragraph(p.text, { kind: p.kind, citations: p.citations, speakers: !presentation });
        if (p.breakAfter) newPage();
      } else if (el.uri === NS.table && el.local === 'table-cell') {
        rows[rows.length - 1]?.push((cell ?? []).filter(Boolean).join(' '));
        cell = undefined;
      } else if (el.uri === NS.table && el.local === 'table-row') out.paragraph((rows.pop() ?? []).join('\t'), { kind: 'table-row' });
    },
    text(text) {
      if (skip > 0) return;
      const p = current();
      if (p) p.text += text;
    },
  });
  return { known: pages.known };
}

/** A text document's headers and footers, from its master pages: customer text, read once each. */
function readHeadersFooters(xml: string, out: ExtractionBuilder): void {
  let part: string | undefined;
  let paragraph: string | undefined;
  parseXml(xml, 'styles.xml', {
    open(el) {
      if (el.uri === NS.style && (el.local === 'header' || el.local === 'footer')) {
        part = el.local;
        out.startUnit();
        out.startPart(part);
      } else if (part && (isText(el, 'p') || isText(el, 'h'))) paragraph = '';
      else if (part && paragraph !== undefined && (isText(el, 's') || isText(el, 'line-break'))) paragraph += ' ';
    },
    close(el) {
      if (el.uri === NS.style && (el.local === 'header' || el.local === 'footer')) part = undefined;
      else if (part && paragraph !== undefined && (isText(el, 'p') || isText(el, 'h'))) {
        out.paragraph(paragraph, { kind: 'paragraph' });
        paragraph = undefined;
      }
    },
    text(text) {
      if (part && paragraph !== undefined) paragraph += text;
    },
  });
}
