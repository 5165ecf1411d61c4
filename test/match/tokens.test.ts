/** The tokeniser templates and text share: exact words and source offsets, and what may join two words of a phrase. */
import { describe, expect, it } from 'vitest';
import { joinsPhrase, normaliseWord, tokenize } from '../../src/match/tokens.js';

/** Each token as [word, start, end], checked against the source slice it claims. */
function tokens(text: string): Array<[string, number, number]> {
  const { words, starts, ends } = tokenize(text);
  expect(starts).toHaveLength(words.length);
  expect(ends).toHaveLength(words.length);
  return words.map((word, i) => [word, starts[i]!, ends[i]!]);
}

describe('tokenize', () => {
  it('keeps #1, $50.00, 24/7 and 100% as one word each, with their offsets', () => {
    expect(tokens('Our #1 pick: $50.00, 24/7 support, 100% free!')).toEqual([
      ['our', 0, 3],
      ['#1', 4, 6],
      ['pick', 7, 11],
      ['$50.00', 13, 19],
      ['24/7', 21, 25],
      ['support', 26, 33],
      ['100%', 35, 39],
      ['free', 40, 44],
    ]);
  });

  it('folds case', () => {
    expect(tokens('TrailPack IS Light')).toEqual([
      ['trailpack', 0, 9],
      ['is', 10, 12],
      ['light', 13, 18],
    ]);
  });

  it('straightens a curly apostrophe inside a word, keeping the offsets', () => {
    expect(tokens('Don’t miss it')).toEqual([
      ["don't", 0, 5],
      ['miss', 6, 10],
      ['it', 11, 13],
    ]);
    expect(tokenize("Don't miss it").words).toEqual(tokenize('Don’t miss it').words);
  });

  it('splits at hyphens and dashes, so money-back is money back', () => {
    expect(tokens('money-back guarantee — 30-day')).toEqual([
      ['money', 0, 5],
      ['back', 6, 10],
      ['guarantee', 11, 20],
      ['30', 23, 25],
      ['day', 26, 29],
    ]);
    expect(tokenize('money-back').words).toEqual(tokenize('money back').words);
    expect(tokens('#1-rated')).toEqual([
      ['#1', 0, 2],
      ['rated', 3, 8],
    ]);
  });

  it('keeps currency signs, a trailing + and digit separators inside a word', () => {
    expect(tokens('€20 or £5 or ¥100')).toEqual([
      ['€20', 0, 3],
      ['or', 4, 6],
      ['£5', 7, 9],
      ['or', 10, 12],
      ['¥100', 13, 17],
    ]);
    expect(tokens('Kids 12+ and 1,000 units, 3.5 stars, at 10:30am')).toEqual([
      ['kids', 0, 4],
      ['12+', 5, 8],
      ['and', 9, 12],
      ['1,000', 13, 18],
      ['units', 19, 24],
      ['3.5', 26, 29],
      ['stars', 30, 35],
      ['at', 37, 39],
      ['10:30', 40, 45],
      ['am', 45, 47],
    ]);
  });

  it('keeps a sign only glued to its digits: "$ 50" and "50 %" are the bare number', () => {
    expect(tokens('$ 50')).toEqual([['50', 2, 4]]);
    expect(tokens('50 %')).toEqual([['50', 0, 2]]);
    expect(tokens('US$20')).toEqual([
      ['us', 0, 2],
      ['$20', 2, 5],
    ]);
  });

  it("keeps apostrophes inside a word and drops quotes around it", () => {
    expect(tokens("rock'n'roll 'quoted' it's")).toEqual([
      ["rock'n'roll", 0, 11],
      ['quoted', 13, 19],
      ["it's", 21, 25],
    ]);
  });

  it('reads letters of any script, and splits at punctuation, underscores and zero-width spaces', () => {
    expect(tokens('e.g. café')).toEqual([
      ['e', 0, 1],
      ['g', 2, 3],
      ['café', 5, 9],
    ]);
    expect(tokens('x_y a\u200bb')).toEqual([
      ['x', 0, 1],
      ['y', 2, 3],
      ['a', 4, 5],
      ['b', 6, 7],
    ]);
    expect(tokens('שלום Grüße')).toEqual([
      ['שלום', 0, 4],
      ['grüße', 5, 10],
    ]);
  });

  it('takes offsets from the source even where case folding lengthens a word', () => {
    // "İ".toLowerCase() is two code units ("i̇"), so the word is longer than its source span
    expect(tokens('İstanbul Tour')).toEqual([
      ['i\u0307stanbul', 0, 8],
      ['tour', 9, 13],
    ]);
  });

  // A decomposed accent (e + U+0301, as macOS and some exports write "é") is not a letter to the
  // token pattern, so "cafés" typed that way becomes "cafe" and "s" and no phrase "cafés" matches
  // it. Fails today; normalising to NFC before tokenising (offsets mapped) would fix it.
  it.fails('keeps a word with a decomposed accent whole', () => {
    expect(tokenize('cafe\u0301s').words).toHaveLength(1);
  });

  it('gives nothing for text without letters or digits', () => {
    expect(tokens('')).toEqual([]);
    expect(tokens('# $ % — !?')).toEqual([]);
  });

  it('restarts on every call (the pattern is global and shared)', () => {
    tokenize('one two three');
    expect(tokens('four')).toEqual([['four', 0, 4]]);
  });
});

describe('normaliseWord', () => {
  it('folds case and straightens curly single quotes', () => {
    expect(normaliseWord('DON’T')).toBe("don't");
    expect(normaliseWord('‘Q’')).toBe("'q'");
    expect(normaliseWord('TrailPack')).toBe('trailpack');
  });
});

describe('joinsPhrase', () => {
  it.each([
    ['nothing', ''],
    ['a space', ' '],
    ['a line break', '\n'],
    ['a blank line', '\n\n'],
    ['a tab', '\t'],
    ['a no-break space', '\u00a0'],
    ['a spaced hyphen', ' - '],
    ['an en dash', '–'],
    ['an em dash', '—'],
    ['a straight quote', '"'],
    ['a curly quote and a space', '’ '],
    ['a curly double quote', '“'],
    ['an ampersand', ' & '],
    ['emphasis marks', '**'],
    ['an underscore', '_'],
  ])('joins two words across %s', (_name, gap) => {
    expect(joinsPhrase(gap)).toBe(true);
  });

  it.each([
    ['a comma', ', '],
    ['a full stop', '. '],
    ['a colon', ': '],
    ['a semicolon', ';'],
    ['an exclamation mark', '!'],
    ['a question mark', '?'],
    ['a slash', '/'],
    ['a parenthesis', '('],
    ['a closing parenthesis', ')'],
    ['a plus', '+'],
    ['a pipe (a table cell)', '|'],
  ])('breaks a phrase at %s', (_name, gap) => {
    expect(joinsPhrase(gap)).toBe(false);
  });
});
