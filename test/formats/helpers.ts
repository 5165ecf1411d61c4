/** Shared helpers for format tests: where a word of a block's text sits in the source, and fixtures. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourceEnd, sourceStart, toSourceRange, type Document, type TextBlock } from '../../src/model/document.js';
import type { FormatOptions } from '../../src/formats/format.js';

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


export const options: FormatOptions = { markdownFields: ['title', 'description'] };

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/formats/${name}`, import.meta.url)), 'utf8');
}

/** 1-based line and column (UTF-16 units) of an offset, computed independently of the readers. */
export function lineCol(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - (before.lastIndexOf('\n') + 1) + 1}`;
}

export interface Found {
  block: TextBlock;
  start: number;
  end: number;
  /** `line:col` of the start */
  at: string;
  /** the source slice the phrase maps to */
  spelled: string;
}

/** The first occurrence of `phrase` in the documents' block text, mapped to the source. */
export function locate(source: string, documents: Document | Document[], phrase: string): Found {
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    for (const block of document.blocks) {
      const index = block.text.indexOf(phrase);
      if (index < 0) continue;
      const { start, end } = toSourceRange(block, index, index + phrase.length);
      return { block, start, end, at: lineCol(source, start), spelled: source.slice(start, end) };
    }
  }
  throw new Error(`phrase not found: ${phrase}`);
}

/** Every block's text, for asserting what is and is not read. */
export function texts(document: Document): string[] {
  return document.blocks.map((block) => block.text);
}
