/**
 * Words as the matcher sees them: case-folded, curly quotes straightened, split on white space
 * and hyphens, with `#`, currency signs, `%` and digit separators kept inside a token so that
 * `#1`, `$50.00`, `24/7` and `100%` are one word each. Templates and text are tokenised by the
 * same function, which is what makes `money-back` match `money back`.
 */

export interface Tokens {
  /** normalised token text */
  words: string[];
  /** offsets of each token in the tokenised string */
  starts: number[];
  ends: number[];
}

/** One word as the matcher sees it; exported for the prefilter, which must split text exactly as the matcher does. */
export const TOKEN = /[#$€£¥]?[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*(?:[.,/:][\p{N}]+)*[%+]?/gu;

/** Case-folds and straightens quotes; keeps the length so offsets stay valid. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'");
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    words.push(normaliseWord(m[0]));
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { words, starts, ends };
}

/**
 * What may stand between two words of one phrase: white space, hyphens and dashes, quotes,
 * markup residue such as `&`. Sentence punctuation breaks a phrase.
 */
const JOINER = /^[\s\-‐‑–—'"’‘“”&*_]*$/u;
const JOINER_CHARS = /[\s\-‐‑–—'"’‘“”&*_]+/gu;

export function joinsPhrase(gap: string): boolean {
  return gap.length === 0 ? true : JOINER.test(gap);
}

/**
 * The punctuation a gap holds once what may join a phrase is taken out: `/` in "€4.20/mo",
 * `(` in "Team (", `,` in "fast, free". A template's punctuation is read by the same function,
 * so "{value}/mo" and "€4.20 / mo" agree.
 */
export function punctuationOf(gap: string): string {
  return gap.replace(JOINER_CHARS, '');
}
