/**
 * Reads a decoded text with its format, the one way linting, discovery and `--fix` do: a text that
 * still starts with U+FEFF after its BOM (a second BOM, or one in UTF-16) is read without it, and
 * every offset the reader gives is moved back onto the whole text, since parsers disagree on it
 * (micromark skips it and shifts MDX attributes by one; JSON refuses it).
 */
import { FormatError, type Document, type ReadResult } from '../model/document.js';
import type { FormatModule, ReadInput } from '../formats/format.js';

/** The documents of a text, read by its format. */
export function readDocuments(format: FormatModule, input: ReadInput): Document[] {
  return readSource((read) => format.read(read), input).documents;
}

/** What a reader gives for a text (its documents and notes), with the same handling of a leading U+FEFF. */
export function readSource(read: (input: ReadInput) => ReadResult, input: ReadInput): ReadResult {
  let skip = 0;
  while (input.text.charCodeAt(skip) === 0xfeff) skip++;
  if (skip === 0) return read(input);
  let result: ReadResult;
  try {
    result = read({ ...input, text: input.text.slice(skip) });
  } catch (error) {
    if (error instanceof FormatError && error.offset !== undefined) throw new FormatError(error.message, error.offset + skip);
    throw error;
  }
  for (const doc of result.documents) {
    for (const block of doc.blocks) for (const run of block.runs) run.source += skip;
    for (const directive of doc.directives) {
      directive.start += skip;
      directive.end += skip;
    }
  }
  for (const note of result.notes ?? []) {
    note.start += skip;
    note.end += skip;
  }
  return result;
}
