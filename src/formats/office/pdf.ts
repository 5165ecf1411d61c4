/**
 * Reads PDF files with pdf.js (loaded only when a run meets a PDF): each page a section, its text
 * in the order the page draws it, lines grouped into paragraphs where the gap between them grows,
 * larger type as headings, and link annotations counted as citations of the paragraph they sit on.
 * Nothing in the file runs: no scripts, no eval, no embedded fonts loaded into the process.
 */
import { FormatError } from '../../model/document.js';
import type { BytesInput, ContainerModule, Extraction } from '../format.js';
import { ExtractionBuilder } from './extraction.js';

/** A PDF with more pages is not a sales document; refused before its pages are read. */
const PAGE_LIMIT = 2000;

interface Line {
  text: string;
  /** where the line's last text ends, from the left of the page */
  right: number;
  /** baseline, in PDF units from the bottom of the page */
  y: number;
  size: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  height: number;
  width: number;
  hasEOL: boolean;
}

/**
 * pdf.js builds a DOMMatrix as it loads (for drawing, which text extraction never does) and takes
 * the class from @napi-rs/canvas, a native package that a bundle cannot hold (the GitHub Action
 * runs without node_modules). Where Node has none, a bare identity matrix stands in, the same
 * everywhere, so that reading a PDF never depends on a native package being installed.
 */
function standInForDomMatrix(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  if (scope.DOMMatrix !== undefined) return;
  scope.DOMMatrix = class DOMMatrix {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
  };
}

/**
 * pdf.js, loaded once. As it loads in Node it looks for @napi-rs/canvas and, without it, prints
 * warnings about drawing: noise beside a report, and nothing to do with reading text, so they are
 * held back while it loads.
 */
let pdfjsLoading: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;
function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  if (!pdfjsLoading) {
    standInForDomMatrix();
    const { log, warn } = console;
    const quiet =
      (write: (...args: unknown[]) => void) =>
      (...args: unknown[]): void => {
        if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
        write(...args);
      };
    console.log = quiet(log);
    console.warn = quiet(warn);
    pdfjsLoading = import('pdfjs-dist/legacy/build/pdf.mjs').finally(() => {
      console.log = log;
      console.warn = warn;
    });
  }
  return pdfjsLoading;
}

export const pdfFormat: ContainerModule = {
  name: 'pdf',
  extensions: ['.pdf'],
  async extract(input: BytesInput): Promise<Extraction> {
    const pdfjs = await loadPdfjs();
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    const task = pdfjs.getDocument({
      data: new Uint8Array(input.bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      verbosity: 0,
    });
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (error) {
      await task.destroy().catch(() => undefined);
      throw new FormatError(reasonOf(error));
    }
    try {
      if (doc.numPages > PAGE_LIMIT) throw new FormatError(`too large: ${doc.numPages} pages (the limit is ${PAGE_LIMIT})`);
      const out = new ExtractionBuilder(input.path, 'pdf');
      let characters = 0;
      for (let number = 1; number <= doc.numPages; number++) {
        const page = await doc.getPage(number);
        const content = await page.getTextContent();
        const lines = linesOf(content.items.flatMap((item) => ('str' in item ? [item as TextItemLike] : [])));
        characters += lines.reduce((sum, line) => sum + line.text.trim().length, 0);
        const links = (await page.getAnnotations()).filter((a: { subtype?: string; url?: string }) => a.subtype === 'Link' && typeof a.url === 'string').map((a: { rect: number[] }) => a.rect);
        out.startUnit('page', number);
        for (const paragraph of paragraphsOf(lines)) {
          const citations = links.filter(([, y1, , y2]) => paragraph.lines.some((line) => line.y >= Math.min(y1!, y2!) - 2 && line.y <= Math.max(y1!, y2!) + 2)).length;
          const text = paragraph.lines.map((line) => line.text.trim()).join(' ');
          out.paragraph(text, paragraph.heading ? { kind: 'heading', depth: paragraph.heading, citations } : { kind: 'paragraph', citations });
        }
        page.cleanup();
      }
      if (characters === 0 && doc.numPages > 0) {
        throw new FormatError(`scanned: no text layer on any of its ${doc.numPages} page${doc.numPages === 1 ? '' : 's'} (images only); onemessage reads text, so run OCR on it first`);
      }
      return out.build();
    } finally {
      await doc.destroy();
    }
  },
};

function reasonOf(error: unknown): string {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'PasswordException') return 'password-protected: the PDF needs a password to open; onemessage takes none, so check a copy saved without one';
  if (name === 'InvalidPDFException') return 'corrupt: not a readable PDF (it may be truncated or damaged)';
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `corrupt: the PDF cannot be read (${message})`;
}

/** Text items to lines: an item that ends a line (or a jump in the baseline) closes one. */
function linesOf(items: TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.transform[3] ?? 0) || item.height;
    if (current && Math.abs(current.y - y) > Math.max(2, current.size / 2) && item.str.trim() !== '') {
      lines.push(current);
      current = undefined;
    }
    if (!current) current = { text: '', right: 0, y, size: 0 };
    current.text += item.str;
    if (item.str.trim() !== '') {
      current.size = Math.max(current.size, size);
      current.right = Math.max(current.right, (item.transform[4] ?? 0) + item.width);
    }
    if (item.hasEOL) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines.filter((line) => line.text.trim() !== '');
}

/**
 * Lines to paragraphs: a gap wider than one and a half lines, a change of type size, or a line
 * that ends a sentence well short of the text's right edge (the last line of a paragraph) ends one.
 */
function paragraphsOf(lines: Line[]): Array<{ lines: Line[]; heading?: number }> {
  if (lines.length === 0) return [];
  const sizes = lines.map((line) => line.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)] || 1;
  const headingLevel = (size: number) => (size >= body * 1.4 ? 1 : size >= body * 1.12 ? 2 : undefined);
  const rightEdge = Math.max(...lines.map((line) => line.right));
  const out: Array<{ lines: Line[]; heading?: number }> = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const level = headingLevel(line.size);
    const last = out[out.length - 1];
    const gap = previous ? previous.y - line.y : 0;
    const ended = previous !== undefined && /[.!?:]["'”’)]*\s*$/.test(previous.text) && previous.right < rightEdge * 0.85;
    const sameParagraph = last && previous && !ended && last.heading === level && Math.abs(previous.size - line.size) < 0.5 && gap > 0 && gap <= previous.size * 1.5;
    if (sameParagraph) last.lines.push(line);
    else out.push(level ? { lines: [line], heading: level } : { lines: [line] });
    previous = line;
  }
  return out;
}
