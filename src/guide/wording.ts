/**
 * A spec's phrases as an employee would say them: each template spelled out into the plain
 * sentences it accepts (alternatives and optional words become separate sayings), with a fact's
 * value written in the form the sentence needs ("a 30-day return", "within 30 days"). Rendered from
 * the templates' parsed display trees, never from their syntax.
 */
import { attributiveQuantity } from '../match/quantity.js';
import type { DisplayNode } from '../match/template.js';
import type { Phrase, Quantity } from '../match/types.js';

/** More sayings than this from one template are cut, with a count of the rest: a short list, not a wall. */
export const MAX_SAYINGS = 6;

type Piece = string | { value: true };

/** Words after which a value is not followed by the noun it describes ("within 30 days of delivery"). */
const NOT_NOUNS = new Set(['of', 'for', 'from', 'to', 'and', 'or', 'after', 'before', 'in', 'on', 'at', 'with', 'without', 'per', 'each', 'when', 'if', 'by', 'until', 'since', 'than', 'off', 'or', 'but', 'so', 'as']);

export interface Sayings {
  /** the sentences, at most MAX_SAYINGS */
  shown: string[];
  /** how many more the template accepts */
  more: number;
}

/** The value as the fact states it: the spec's value, or the one most documents state; absent when nobody knows it. */
export interface FactValue {
  text: string;
  quantity?: Quantity;
}

/**
 * The plain sentences a phrase accepts. `value` fills `{value}`; without one it is an ellipsis.
 * Variants that differ only by case, hyphens or spacing are one saying, since the matcher treats
 * them alike.
 */
export function sayingsOf(phrase: Phrase, value?: FactValue): Sayings {
  if (phrase.isRegex || !phrase.template) return { shown: [`text matching the pattern ${phrase.source}`], more: 0 };
  const variants = expand(phrase.template.display);
  const seen = new Set<string>();
  const all: string[] = [];
  for (const pieces of variants) {
    const text = render(pieces, value);
    const key = text.toLowerCase().replace(/[-\s]+/g, ' ');
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    all.push(text);
  }
  return { shown: all.slice(0, MAX_SAYINGS), more: Math.max(0, all.length - MAX_SAYINGS) };
}

/** Every sequence of pieces the display tree stands for; an optional group adds the sequence without it, after those with it. */
function expand(nodes: readonly DisplayNode[]): Piece[][] {
  let out: Piece[][] = [[]];
  for (const node of nodes) {
    let next: Piece[][];
    if (node.type === 'text') next = [[node.text]];
    else if (node.type === 'value') next = [[{ value: true }]];
    else {
      next = node.options.flatMap((option) => expand(option));
      if (node.optional) next.push([]);
    }
    const combined: Piece[][] = [];
    for (const head of out) for (const tail of next) combined.push([...head, ...tail]);
    // a hostile template could multiply without end; what a guide shows is far below this
    out = combined.slice(0, 256);
  }
  return out;
}

function render(pieces: Piece[], value?: FactValue): string {
  let out = '';
  pieces.forEach((piece, i) => {
    if (typeof piece === 'string') out += piece;
    else out += valueText(value, pieces.slice(i + 1));
  });
  return out.replace(/\s+/g, ' ').trim();
}

/** The value before a noun in its one-word form ("30-day"), elsewhere as written; an ellipsis when unknown. */
function valueText(value: FactValue | undefined, after: Piece[]): string {
  if (!value) return '…';
  const rest = after.map((piece) => (typeof piece === 'string' ? piece : ' x')).join('');
  const nextWord = /^\s+([A-Za-z][\w'-]*)/.exec(rest)?.[1]?.toLowerCase();
  const attributive = value.quantity ? attributiveQuantity(value.quantity) : undefined;
  return nextWord !== undefined && !NOT_NOUNS.has(nextWord) && attributive !== undefined ? attributive : value.text;
}

/** "a", "a or b", "a, b or c", each in curly quotes. */
export function quotedList(sayings: readonly string[], conjunction = 'or'): string {
  const quoted = sayings.map((saying) => `“${saying}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** Every saying of several phrases, each phrase's cut noted once at the end. */
export function sayingsOfAll(phrases: readonly Phrase[], value?: FactValue): Sayings {
  const shown: string[] = [];
  let more = 0;
  for (const phrase of phrases) {
    const sayings = sayingsOf(phrase, value);
    for (const saying of sayings.shown) if (!shown.includes(saying)) shown.push(saying);
    more += sayings.more;
  }
  return { shown, more };
}

/** "a, b or c", and "and N more like them" when cut. */
export function sayingsText(sayings: Sayings, conjunction = 'or'): string {
  const list = quotedList(sayings.shown, conjunction);
  return sayings.more > 0 ? `${list}, and ${sayings.more} more like them` : list;
}

/** Two-letter words that are words, not abbreviations: every other one is written in capitals (`ip-rating` is "IP rating"). */
const SHORT_WORDS = new Set(['a', 'an', 'am', 'as', 'at', 'be', 'by', 'do', 'go', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'on', 'or', 'so', 'to', 'up', 'us', 'we']);

/** An id as words: `return-window` is "Return window", `ip-rating` "IP rating". */
export function titleOf(id: string): string {
  const words = id
    .replace(/[-_]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((word) => (word.length <= 2 && /^[a-z]+$/.test(word) && !SHORT_WORDS.has(word) ? word.toUpperCase() : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A channel's glob in words: `site/**` is "everything in site/". */
export function globInWords(glob: string): string {
  const folder = /^([^*?[\]{}]+\/)\*\*(?:\/\*)?$/.exec(glob);
  if (folder) return `everything in ${folder[1]}`;
  return `files matching ${glob}`;
}

/** "a", "a and b", "a, b and c" */
export function listWords(words: readonly string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
