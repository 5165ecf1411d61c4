/** Test helpers: find a phrase in read documents and give its source range and line:col. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toSourceRange, type Document, type TextBlock } from '../../src/formats/document.js';
import type { FormatOptions } from '../../src/formats/format.js';

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
