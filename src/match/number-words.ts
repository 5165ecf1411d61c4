/** Reads English number words ("forty-five", "a dozen", "two hundred and fifty") as one number. */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

const VALUES = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i] as const),
  ...TEENS.map((w, i) => [w, 10 + i] as const),
  ...TENS.map((w, i) => [w, 20 + 10 * i] as const),
]);

/** The one table of number words: every word a number can be written with, and its value (scale words multiply). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([...VALUES, ['hundred', 100], ['dozen', 12], ...Object.entries(SCALES)]);

/**
 * Regex source for one number word. Longest first, so that the engine never settles for
 * "seven" at the start of "seventeen" before checking the word boundary.
 */
export const NUMBER_WORD = `(?:${[...VALUES.keys(), 'hundred', 'dozen', ...Object.keys(SCALES)]
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

export interface WordNumber {
  value: number;
  /** offset just after the last word that belongs to the number */
  end: number;
}

type Last = 'none' | 'zero' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'dozen';

/** The next word of a number: after the first, words are joined by white space or a hyphen. */
const FIRST = /\p{L}+/uy;
const NEXT = /(?:\s*-\s*|\s+)(\p{L}+)/uy;

/**
 * Reads the number words that start at `start`, stopping before the first word that does not
 * continue the number ("six eight" gives 6), so that the caller can rescan the rest; reading
 * costs only the words read. A leading "a"/"an" counts only before hundred, thousand, million,
 * billion or dozen.
 */
export function readNumberWords(text: string, start: number): WordNumber | undefined {
  let total = 0;
  let current = 0;
  let last: Last = 'none';
  let article = false;
  let lastScale = Infinity;
  let valueEnd = -1;
  FIRST.lastIndex = start;
  for (let m = FIRST.exec(text); m !== null; NEXT.lastIndex = m.index + m[0].length, m = NEXT.exec(text)) {
    const word = (m[1] ?? m[0]).toLowerCase();
    if (last === 'none' && !article && (word === 'a' || word === 'an')) {
      article = true;
      continue;
    }
    if (word === 'and') {
      if (last === 'hundred' || last === 'scale') continue;
      break;
    }
    const fresh = last === 'none' && !article;
    const afterSmall = last === 'unit' || last === 'teen' || last === 'tens';
    const startOfGroup = fresh || last === 'hundred' || last === 'scale';
    const small = VALUES.get(word);
    if (small !== undefined) {
      if (small === 0) {
        if (!fresh) break;
        last = 'zero';
      } else if (small < 10) {
        if (!(startOfGroup || last === 'tens')) break;
        current += small;
        last = 'unit';
      } else {
        if (!startOfGroup) break;
        current += small;
        last = small < 20 ? 'teen' : 'tens';
      }
    } else if (word === 'hundred') {
      if (afterSmall && current > 0 && current < 100) current *= 100;
      else if (last === 'none' && article) current = 100;
      else break;
      last = 'hundred';
    } else if (word === 'dozen') {
      if (afterSmall && current > 0 && current < 100) current *= 12;
      else if (last === 'none' && article) current = 12;
      else break;
      last = 'dozen';
    } else {
      const scale = SCALES[word];
      if (scale === undefined || scale >= lastScale) break;
      if ((afterSmall || last === 'hundred') && current > 0) total += current * scale;
      else if (last === 'none' && article) total += scale;
      else break;
      current = 0;
      lastScale = scale;
      last = 'scale';
    }
    valueEnd = m.index + m[0].length;
    // nothing continues "zero" or "two dozen"
    if (last === 'zero' || last === 'dozen') break;
  }
  return valueEnd < 0 ? undefined : { value: total + current, end: valueEnd };
}
