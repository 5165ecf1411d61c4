/**
 * Finds capitalised names in one block ("TrailPack 45", "Summit Tent", "TP-45"): runs of
 * capitalised words, with a model number after them, that are candidates for product names
 * once they recur and are not common words a sentence happens to start with.
 */
import { joinsPhrase, tokenize, type Tokens } from '../match/tokens.js';
import { STOP_WORDS } from './lexicon.js';

export interface NameAt {
  /** the words as written */
  words: string[];
  /** the first word opens a sentence, so its capital says nothing */
  sentenceStart: boolean;
  textStart: number;
  textEnd: number;
}

const MAX_WORDS = 4;
const CAPITALISED = /^\p{Lu}/u;
const CODE = /^[\p{N}]+[\p{L}\p{N}]*$/u;

export function namesOf(text: string, tokens: Tokens = tokenize(text)): NameAt[] {
  const out: NameAt[] = [];
  const raw = (i: number) => text.slice(tokens.starts[i]!, tokens.ends[i]!);
  // only white space or a hyphen inside a name: "TP-45", "Summit Tent", never across a line or a dash
  const joins = (i: number) => {
    const gap = text.slice(tokens.ends[i - 1]!, tokens.starts[i]!);
    return /^(?: |-)$/.test(gap) && joinsPhrase(gap);
  };
  let i = 0;
  while (i < tokens.words.length) {
    if (!CAPITALISED.test(raw(i)) || STOP_WORDS.has(tokens.words[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let end = i;
    while (end + 1 < tokens.words.length && end + 1 - start < MAX_WORDS && joins(end + 1) && (CAPITALISED.test(raw(end + 1)) || CODE.test(raw(end + 1)))) end++;
    const before = start === 0 ? '' : text.slice(tokens.ends[start - 1]!, tokens.starts[start]!);
    const sentenceStart = start === 0 || /[.!?:\n]/.test(before) || /[—–#*>|]/.test(before);
    out.push({ words: tokens.words.slice(start, end + 1).map((_, k) => raw(start + k)), sentenceStart, textStart: tokens.starts[start]!, textEnd: tokens.ends[end]! });
    i = end + 1;
  }
  return out;
}
