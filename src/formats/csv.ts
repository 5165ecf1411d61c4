/** Reads a generic CSV of macros (`.csv`, RFC 4180, header row): one document per row, its text column as text. */
import { escapeCsvText } from './escape.js';
import { FormatError, type Document } from '../model/document.js';
import type { FormatModule, FormatOptions, ReadInput } from './format.js';
import { emptyMacroText, macroDocument, plainBlocks } from './macro-text.js';
import { sliceMap, startsMap, type OffsetMap } from './offset-map.js';

interface Field {
  value: string;
  /** where each character of `value` is spelled: a quoted field's `""` is one `"` */
  map: OffsetMap;
}

interface Row {
  fields: Field[];
  start: number;
}

type Column = 'title' | 'text' | 'id' | 'channel';

/** Guesses for columns the spec does not name, tried in order, case-insensitively. */
const GUESSES: Record<Column, string[]> = {
  title: ['title', 'name', 'subject'],
  text: ['body', 'text', 'content', 'message', 'response'],
  id: ['id'],
  channel: [],
};

/** Splits CSV into rows of fields with their source maps; skips blank lines. */
export function parseCsv(text: string): Row[] {
  const rows: Row[] = [];
  let pos = 0;
  while (pos < text.length) {
    const start = pos;
    const fields: Field[] = [];
    for (;;) {
      const field = text[pos] === '"' ? quotedField(text, pos) : plainField(text, pos);
      fields.push(field.field);
      pos = field.end;
      const c = text[pos];
      if (c === ',') {
        pos++;
        continue;
      }
      if (c === '\r' && text[pos + 1] === '\n') pos += 2;
      else if (c === '\n' || c === '\r') pos++;
      else if (c !== undefined) throw new FormatError(`line ${lineOf(text, pos)}: unexpected '${c}' after a quoted field`, pos);
      break;
    }
    const blank = fields.length === 1 && fields[0]!.value === '' && text[start] !== '"';
    if (!blank) rows.push({ fields, start });
  }
  return rows;
}

function plainField(text: string, start: number): { field: Field; end: number } {
  let end = start;
  while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
  return { field: { value: text.slice(start, end), map: sliceMap(start) }, end };
}

function quotedField(text: string, open: number): { field: Field; end: number } {
  const starts: number[] = [];
  const parts: string[] = [];
  let pos = open + 1;
  for (;;) {
    const quote = text.indexOf('"', pos);
    if (quote < 0) throw new FormatError(`line ${lineOf(text, open)}: a quoted field is never closed`, open);
    for (let k = pos; k < quote; k++) starts.push(k);
    parts.push(text.slice(pos, quote));
    if (text[quote + 1] !== '"') {
      starts.push(quote);
      return { field: { value: parts.join(''), map: startsMap(starts) }, end: quote + 1 };
    }
    // `""` is one quote, spelled by both characters.
    starts.push(quote);
    parts.push('"');
    pos = quote + 2;
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The index of each column: named in the spec (must exist) or guessed from the header. */
function columns(header: string[], csv: FormatOptions['csv']): Partial<Record<Column, number>> {
  const lower = header.map((name) => name.trim().toLowerCase());
  const found: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(GUESSES) as Column[]) {
    const named = csv?.[column];
    if (named !== undefined) {
      const exact = header.indexOf(named);
      const index = exact >= 0 ? exact : lower.indexOf(named.trim().toLowerCase());
      if (index < 0) {
        throw new FormatError(`column "${named}" (formats.csv.${column}) is not in the header: ${header.map((name) => `"${name}"`).join(', ')}`, 0);
      }
      found[column] = index;
    } else {
      const index = GUESSES[column].map((guess) => lower.indexOf(guess)).find((at) => at >= 0);
      if (index !== undefined) found[column] = index;
    }
  }
  if (found.text === undefined) {
    throw new FormatError(
      `no text column: name one with formats.csv.text, or call it body, text, content, message or response (header: ${header.map((name) => `"${name}"`).join(', ')})`,
      0,
    );
  }
  return found;
}

export const csvFormat: FormatModule = {
  name: 'csv',
  lines: 'embedded',
  extensions: ['.csv'],
  escapeReplacement: escapeCsvText,
  read(input: ReadInput) {
    const rows = parseCsv(input.text);
    const [header, ...records] = rows;
    if (!header) return { documents: [] };
    const names = header.fields.map((field) => field.value);
    const index = columns(names, input.options.csv);
    const documents: Document[] = records.map((row) => {
      if (row.fields.length !== names.length) {
        throw new FormatError(`row on line ${lineOf(input.text, row.start)} has ${row.fields.length} field${row.fields.length === 1 ? '' : 's'}; the header has ${names.length}`, row.start);
      }
      const cell = (column: Column) => (index[column] === undefined ? undefined : row.fields[index[column]!]);
      const body = cell('text')!;
      const text = emptyMacroText();
      for (const block of plainBlocks(body.value, body.map)) text.blocks.push(block);
      const document = macroDocument({
        path: input.path,
        format: 'csv',
        title: nonEmpty(cell('title')?.value),
        id: nonEmpty(cell('id')?.value),
        text,
      });
      const channel = nonEmpty(cell('channel')?.value);
      return channel ? { ...document, declaredChannel: channel } : document;
    });
    return { documents };
  },
};

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
