/** Shared assertions for format tests: where a word of a block's text sits in the source. */
import { sourceEnd, sourceStart, toSourceRange, type Document, type TextBlock } from '../../src/formats/document.js';

/** Source range of the first occurrence of `word` in the block's text. */
export function rangeOf(block: TextBlock, word: string, from = 0): { start: number; end: number } {
  const at = block.text.indexOf(word, from);
  if (at < 0) throw new Error(`${JSON.stringify(word)} is not in ${JSON.stringify(block.text)}`);
  return toSourceRange(block, at, at + word.length);
}

/** The range a word has in the source, for comparison with {@link rangeOf}. */
export function sourceRangeOf(source: string, word: string, from = 0): { start: number; end: number } {
  const at = source.indexOf(word, from);
  if (at < 0) throw new Error(`${JSON.stringify(word)} is not in the source`);
  return { start: at, end: at + word.length };
}

/** Kind, speaker/field/depth and text of each block: the shape most tests assert. */
export function outline(document: Document): Array<Record<string, unknown>> {
  return document.blocks.map((block) => {
    const row: Record<string, unknown> = { kind: block.kind, text: block.text };
    if (block.depth !== undefined) row.depth = block.depth;
    if (block.field !== undefined) row.field = block.field;
    if (block.speaker !== undefined) row.speaker = block.speaker;
    return row;
  });
}

/** Every character's source spelling, so a test can see the whole map at once. */
export function spellings(source: string, block: TextBlock): string[] {
  return [...block.text].map((_, index) => source.slice(sourceStart(block, index), sourceEnd(block, index)));
}
