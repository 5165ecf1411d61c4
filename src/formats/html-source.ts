/**
 * Maps parse5's decoded text and attribute values back onto their HTML spelling, character
 * by character, so `&amp;` maps to its five source characters and `\r\n` to its two.
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Element, Root } from 'hast';
import type { MappedBuilder } from './offset-map.js';

type Context = 'text' | 'attribute';

/** A character reference as HTML reads it: how many source characters it takes and what it stands for. */
interface Reference {
  consumed: number;
  decoded: string;
}

// Named references are at most 32 characters long; the tail matters only for the legacy rule.
const CANDIDATE = /&(?:#[xX][0-9a-fA-F]*;?|#[0-9]*;?|[A-Za-z0-9]{1,40};?=?)/y;
const fragmentParser = unified().use(rehypeParse, { fragment: true });
const cache = new Map<string, Reference | null>();

/**
 * Decodes the reference at `html[at]` exactly as parse5 does, by letting parse5 read it alone:
 * that keeps its legacy rules (`&notit;` is `¬it;` in text, `&amp=` stays literal in an
 * attribute) without a copy of the entity table. Null when the `&` is literal.
 */
function referenceAt(html: string, at: number, end: number, context: Context): Reference | null {
  CANDIDATE.lastIndex = at;
  const match = CANDIDATE.exec(html);
  if (!match) return null;
  let candidate = match[0];
  if (at + candidate.length > end) candidate = candidate.slice(0, end - at);
  if (context === 'text' && candidate.endsWith('=')) candidate = candidate.slice(0, -1);
  const key = context[0] + candidate;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const read = readAlone(candidate, context);
  // The literal tail of the candidate is the longest common suffix, leaving at least one decoded character.
  let common = 0;
  while (
    common < read.length - 1 &&
    common < candidate.length - 1 &&
    read[read.length - 1 - common] === candidate[candidate.length - 1 - common]
  ) {
    common++;
  }
  const consumed = candidate.length - common;
  const decoded = read.slice(0, read.length - common);
  const reference = consumed === 1 && decoded === '&' ? null : { consumed, decoded };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, reference);
  return reference;
}

function readAlone(candidate: string, context: Context): string {
  if (context === 'text') {
    const tree = fragmentParser.parse(candidate) as Root;
    return tree.children.map((node) => (node.type === 'text' ? node.value : '')).join('');
  }
  const tree = fragmentParser.parse(`<i title="${candidate}">`) as Root;
  const element = tree.children[0] as Element | undefined;
  return String(element?.properties?.['title'] ?? candidate);
}

/**
 * Appends `value` (parse5's decoding of html[start, end)) to `builder`, mapping each character
 * to its spelling. Should the two ever disagree, the rest maps to the rest of the slice as one
 * decoded run rather than to a wrong place.
 */
export function appendAligned(
  builder: MappedBuilder,
  options: { html: string; start: number; end: number; value: string; context: Context },
): void {
  const { html, end, value, context } = options;
  let i = options.start;
  let j = 0;
  while (i < end && j < value.length) {
    const c = html[i]!;
    if (c === '&') {
      const reference = referenceAt(html, i, end, context);
      if (reference && value.startsWith(reference.decoded, j)) {
        builder.decoded(reference.decoded, i, i + reference.consumed);
        i += reference.consumed;
        j += reference.decoded.length;
        continue;
      }
    }
    if (c === '\r' && value[j] === '\n') {
      const length = i + 1 < end && html[i + 1] === '\n' ? 2 : 1;
      builder.decoded('\n', i, i + length);
      i += length;
      j++;
      continue;
    }
    if (c === '<' && value[j] !== '<') {
      // A tag parse5 ignored (a stray `</aside>`) between two runs of text it joined into one node.
      const close = html.indexOf('>', i);
      if (close >= 0 && close < end) {
        i = close + 1;
        continue;
      }
    }
    if (c !== value[j]) {
      // parse5 replaced it (a NUL becomes U+FFFD): the character still has its one spelling.
      builder.decoded(value[j]!, i, i + 1);
      i++;
      j++;
      continue;
    }
    let k = i + 1;
    while (k < end && j + (k - i) < value.length && html[k] !== '&' && html[k] !== '\r' && html[k] === value[j + (k - i)]) k++;
    builder.verbatim(value.slice(j, j + (k - i)), i);
    j += k - i;
    i = k;
  }
  if (j < value.length) {
    if (i < end) builder.decoded(value.slice(j), i, end);
    else builder.synthetic(value.slice(j), end);
  }
}

/**
 * The source range of an attribute's value, given the range of the whole `name=value` that
 * parse5 reports: inside the quotes when quoted; empty just past the name when there is no value.
 */
export function attributeValueRange(html: string, start: number, end: number): { start: number; end: number } {
  let i = start;
  while (i < end && html[i] !== '=' && !/\s/.test(html[i]!)) i++;
  let k = i;
  while (k < end && /\s/.test(html[k]!)) k++;
  if (html[k] !== '=') return { start: i, end: i };
  k++;
  while (k < end && /\s/.test(html[k]!)) k++;
  const quote = html[k];
  if (quote === '"' || quote === "'") {
    const close = html.indexOf(quote, k + 1);
    return { start: k + 1, end: close >= 0 && close < end ? close : end };
  }
  return { start: k, end };
}
