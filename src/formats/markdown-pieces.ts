/**
 * Reading a Markdown file again after an edit by parsing only the pieces that changed. A piece
 * starts at a blank line followed by an unindented line that opens a paragraph or an ATX heading:
 * CommonMark has closed every block there but two kinds, a fenced code block and an HTML block
 * that only its end marker closes, which run on until then. So a piece parses alone exactly as it
 * parses within the whole, unless the piece before it ends in one of those two; the parse of that
 * piece says so, and the two are read as one. Texts with link reference or footnote definitions
 * (which reach across pieces) and front matter are read with the front matter kept whole in the
 * first piece, or read whole. A test holds the pieced reading equal to the whole one over
 * generated texts and edits.
 */
import type { Document, FormatNote, ReadResult, TextBlock } from '../model/document.js';
import type { ReadInput } from './format.js';

/** Where a piece may start: after a blank line, a line opening a paragraph (a letter) or an ATX heading. */
const PIECE_START = /^(?:[A-Za-z]|#{1,6}[ \t])/;

/** The top-level nodes of a parsed piece: their type and source offsets. */
export interface TopNode {
  type: string;
  start: number;
  end: number;
}

/** One parse: the document read and the tree's top-level nodes. */
export interface PieceParse {
  document: Document;
  top: TopNode[];
  /** what the reader noticed (a key set twice in the front matter): only the first piece has front matter */
  notes?: FormatNote[];
}

/**
 * Source offsets where a piece may start (with 0 first): every candidate, before the parses
 * confirm them; just `[0]` when the text cannot be cut.
 */
export function pieceStarts(text: string): number[] {
  const starts = [0];
  // A definition anywhere (`[label]: url`, `[^1]: note`) changes how brackets far away read.
  if (text.includes(']:')) return starts;
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  let offset = 0;
  let index = 0;
  if (/^---[ \t]*(?:\r\n|\n|\r)$/.test(lines[0] ?? '')) {
    // Front matter stays whole in the first piece (YAML has blank lines and keys that start with letters).
    const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r)?$/.test(line));
    // An unclosed fence is no front matter, but the parser then reads what follows unlike a text without it.
    if (close < 0) return starts;
    for (; index <= close; index++) offset += lines[index]!.length;
  }
  let blankBefore = false;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (blankBefore && PIECE_START.test(line)) starts.push(offset);
    blankBefore = line.trim() === '';
    offset += line.length;
  }
  return starts;
}

/**
 * Whether a piece's parse may have been cut short by its end: its last top-level node is a fenced
 * code block without its closing fence, or an HTML block (only an HTML comment closed on its own
 * line is sure to have ended). Then the text after it belongs to that block in the whole parse.
 */
function openAtEnd(text: string, top: TopNode[]): boolean {
  const last = top[top.length - 1];
  if (!last) return false;
  const source = text.slice(last.start, last.end);
  if (last.type === 'html') return !/^ {0,3}<!--[\s\S]*-->[ \t]*$/.test(source);
  if (last.type !== 'code') return false;
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(source);
  if (!open) return false; // indented code: closed by the unindented line that follows
  const lines = source.split(/\r\n|\n|\r/);
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1] ?? '');
  return !(lines.length > 1 && close && close[1]![0] === open[1]![0] && close[1]!.length >= open[1]!.length);
}

/**
 * A reader for successive versions of one Markdown file. `parse` reads a whole text (or a piece);
 * `check` runs the checks `read` makes over the whole text before it parses. Pieces unchanged
 * since the last version are not parsed again. Any failure reads the whole text with `read`, so
 * errors are reported exactly as `read` reports them.
 */
export function pieceReader(options: { read(input: ReadInput): ReadResult; parse(input: ReadInput): PieceParse; check(text: string): void }): (input: ReadInput) => ReadResult {
  let last = new Map<string, PieceParse>();
  return (input) => {
    const starts = pieceStarts(input.text);
    if (starts.length === 1) {
      last = new Map();
      return options.read(input);
    }
    try {
      options.check(input.text);
      const next = new Map<string, PieceParse>();
      const parsed = (text: string, first: boolean): PieceParse => {
        // The first piece alone may hold front matter: kept apart from a later piece with the same text.
        const key = `${first ? 'first' : 'later'}\u0000${text}`;
        const piece = next.get(key) ?? last.get(key) ?? options.parse({ ...input, text });
        next.set(key, piece);
        return piece;
      };
      const pieces: Array<{ start: number; parse: PieceParse }> = [];
      let start = 0;
      for (let i = 1; i <= starts.length; i++) {
        const end = starts[i] ?? input.text.length;
        const text = input.text.slice(start, end);
        const parse = parsed(text, start === 0);
        // Cut short by its end: read on into the next piece, as the whole parse does.
        if (end < input.text.length && openAtEnd(text, parse.top)) continue;
        pieces.push({ start, parse });
        start = end;
      }
      last = next;
      const first = pieces[0]!.parse.document;
      const doc: Document = { path: input.path, format: first.format, blocks: [], directives: [] };
      if (first.declaredChannel !== undefined) doc.declaredChannel = first.declaredChannel;
      if (first.products) doc.products = first.products;
      for (const { start: at, parse } of pieces) {
        for (const block of parse.document.blocks) doc.blocks.push(moved(block, at));
        for (const directive of parse.document.directives) doc.directives.push({ ...directive, start: directive.start + at, end: directive.end + at });
      }
      const notes = pieces[0]!.parse.notes;
      return { documents: [doc], ...(notes && notes.length > 0 ? { notes } : {}) };
    } catch {
      last = new Map();
      return options.read(input);
    }
  };
}

function moved(block: TextBlock, by: number): TextBlock {
  return { ...block, runs: block.runs.map((run) => ({ ...run, source: run.source + by })) };
}
