/**
 * The exact prefilter: proves, without parsing, that a file holds no match of the phrases that can
 * produce a finding, so that it need not be parsed. Two steps. Each phrase has anchors (uncommon
 * words one of which every match holds), looked for in every view of the file's text; a file with
 * none is free of matches. Where the file's format gives a view of its text in which every match
 * shows as consecutive words (Markdown and plain text do), each phrase whose anchor was seen must
 * also show its runs of words there, in order, with only what may join words of a phrase between
 * them. Exact, not heuristic: whatever a reader could make of the bytes, one of the views holds it.
 */
import { characterEntitiesLegacy } from 'character-entities-legacy';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { anchorWords, wordRuns, type WordRun } from './phrase-runs.js';
import { joinsPhrase, tokenize, TOKEN } from './tokens.js';
import { EXCLUDING_KINDS, type SpecPhrase } from './types.js';

export interface Prefilter {
  /**
   * Whether `text` may hold a match of some phrase; false is a proof that it holds none. `view`
   * gives the format's view of the text (every match as consecutive words), or undefined when it
   * has none for this text; it is asked only when an anchor is found.
   */
  mayMatch(text: string, view?: () => string | undefined): boolean;
  /** the anchor words looked for, for tests and `--debug` */
  readonly words: ReadonlySet<string>;
  /** case-folded substrings looked for (one per regex phrase) */
  readonly substrings: readonly string[];
}

/** One template phrase as the prefilter checks it. */
interface PhraseCheck {
  runs: WordRun[];
}

export { STOP_WORDS } from './phrase-runs.js';

/**
 * Compiles the prefilter for the phrases that can produce a finding, or returns undefined when
 * some phrase has no literal word at all (a regex with no literal, a template of `{value}` alone):
 * then every file is parsed.
 */
export function compilePrefilter(phrases: readonly SpecPhrase[]): Prefilter | undefined {
  const byAnchor = new Map<string, PhraseCheck[]>();
  const unanchored: PhraseCheck[] = [];
  const substrings = new Set<string>();
  for (const { kind, phrase } of phrases) {
    // an unless phrase or an idiom only holds other matches back: a file with nothing else needs no parse
    if (EXCLUDING_KINDS.has(kind)) continue;
    if (phrase.isRegex) {
      const literal = regexLiteral(phrase.source);
      if (literal === undefined) return undefined;
      substrings.add(literal);
      continue;
    }
    if (!phrase.template) throw new Error(`phrase ${JSON.stringify(phrase.source)} was not compiled`);
    const runs = wordRuns(phrase.template.nodes);
    if (runs.length === 0) return undefined;
    const check: PhraseCheck = { runs };
    const anchors = anchorWords(runs);
    if (anchors === undefined) unanchored.push(check);
    // The last word of a phrase may take a plural: its plural forms are looked up as the word.
    else for (const word of anchors) for (const form of [word, `${word}s`, `${word}es`]) (byAnchor.get(form) ?? byAnchor.set(form, []).get(form)!).push(check);
  }
  const substringList = [...substrings];
  const anchorList = [...new Set(phrases.flatMap(({ phrase }) => (phrase.template ? (anchorWords(wordRuns(phrase.template.nodes)) ?? []) : [])))];
  // One pattern for every anchor: the engine scans the text once for all of them.
  const anchorPattern = anchorList.length > 0 ? new RegExp(anchorList.map((word) => squash(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : undefined;
  return {
    words: new Set(anchorList),
    substrings: substringList,
    mayMatch(text: string, view?: () => string | undefined): boolean {
      // Directives (`onemessage-disable`) are parsed wherever they are: rules may read them.
      if (DIRECTIVE.test(text)) return true;
      if (substringList.length > 0 && substringList.some((literal) => fold(text).includes(literal))) return true;
      const formatView = byAnchor.size > 0 || unanchored.length > 0 ? view?.() : undefined;
      if (formatView !== undefined) {
        if (substringList.length > 0 && substringList.some((literal) => fold(formatView).includes(literal))) return true;
        const candidates = anchoredIn([formatView], byAnchor);
        if (candidates.size === 0 && unanchored.length === 0) return false;
        const runs = new RunFinder(formatView);
        for (const check of [...candidates, ...unanchored]) if (check.runs.every((run) => runs.has(run))) return true;
        return false;
      }
      // No view: anchors looked for as letters in a row, markup and all but letters and digits dropped.
      const squashed = squashedViews(text);
      if (substringList.length > 0 && squashed.some((v) => substringList.some((literal) => v.includes(squash(literal))))) return true;
      if (anchorPattern?.test(squashed[0]!) || (squashed[1] !== undefined && anchorPattern?.test(squashed[1]))) return true;
      // Phrases of common words only: every word of some spelling must be there.
      const has = (word: string) => squashed.some((v) => v.includes(squash(word)));
      return unanchored.some((check) => check.runs.every((run) => run.sequences.some((sequence) => sequence.every(has))));
    },
  };
}

const DIRECTIVE = /onemessage/i;

/** Lower case and `s` for a long s, as regexes fold them. */
function fold(text: string): string {
  return text.toLowerCase().replace(/ſ/g, 's');
}

const SIMPLE_WORD = /[\p{L}\p{N}]+/gu;

/** The checks whose anchor (or its singular: the last word may take a plural) is a word of one of the views. */
function anchoredIn(views: readonly string[], byAnchor: ReadonlyMap<string, PhraseCheck[]>): Set<PhraseCheck> {
  const found = new Set<PhraseCheck>();
  const add = (word: string) => {
    const checks = byAnchor.get(word);
    if (checks) for (const check of checks) found.add(check);
  };

  for (const view of views) {
    // Lower-cased as a whole: a word's letters fold as they do alone, since the letters around it are not word letters.
    const lower = view.toLowerCase();
    SIMPLE_WORD.lastIndex = 0;
    for (let m = SIMPLE_WORD.exec(lower); m !== null; m = SIMPLE_WORD.exec(lower)) add(m[0]);
  }
  return found;
}

/**
 * What a view may hold between two words of one match besides what joins them in a reader's text:
 * markup the view keeps (emphasis marks, block quote markers, table pipes, a hard break's backslash).
 */
const RESIDUE = /[*_~>|\\]/g;

/** Finds word runs in one view: its words listed once, each run looked for from its first word's places. */
class RunFinder {
  private readonly words: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly text: string = '';
  private places: Map<string, number[]> | undefined;

  constructor(view: string) {
    // Normalised as a whole, as the tokenizer normalises each word (lower case, straight quotes);
    // but İ lowers to i and a combining dot, which would split its word, so then word by word.
    if (view.includes('\u0130')) {
      this.text = view;
      ({ words: this.words, starts: this.starts, ends: this.ends } = tokenize(view));
      return;
    }
    this.text = view.toLowerCase().replace(/[’‘]/g, "'");
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(this.text); m !== null; m = TOKEN.exec(this.text)) {
      this.words.push(m[0]);
      this.starts.push(m.index);
      this.ends.push(m.index + m[0].length);
    }
  }

  has(run: WordRun): boolean {
    return run.sequences.some((sequence) => this.hasSequence(sequence, run.tail));
  }

  private hasSequence(sequence: readonly string[], tail: boolean): boolean {
    const first = sequence[0]!;
    const forms = tail && sequence.length === 1 ? [first, `${first}s`, `${first}es`] : [first];
    for (const form of forms) for (const start of this.placesOf(form)) if (this.sequenceAt(sequence, start, tail)) return true;
    return false;
  }

  private sequenceAt(sequence: readonly string[], start: number, tail: boolean): boolean {
    const { words, starts, ends } = this;
    for (let k = 1; k < sequence.length; k++) {
      const at = start + k;
      const word = words[at];
      if (word === undefined) return false;
      const expected = sequence[k]!;
      const last = tail && k === sequence.length - 1;
      if (word !== expected && !(last && (word === `${expected}s` || word === `${expected}es`))) return false;
      if (!joinsPhrase(this.text.slice(ends[at - 1]!, starts[at]!).replace(RESIDUE, ''))) return false;
    }
    return true;
  }

  private placesOf(word: string): number[] {
    if (!this.places) {
      const places = new Map<string, number[]>();
      this.words.forEach((w, i) => {
        const list = places.get(w);
        if (list) list.push(i);
        else places.set(w, [i]);
      });
      this.places = places;
    }
    return this.places.get(word) ?? [];
  }
}

/**
 * The longest run of letters and digits that every match of a regex contains, case-folded; undefined
 * when the pattern is too rich to tell (alternation at the top, flags, classes around it).
 */
export function regexLiteral(source: string): string | undefined {
  let depth = 0;
  let best = '';
  let run = '';
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      endRun();
      i += 1;
      continue;
    }
    if (ch === '(') {
      endRun();
      if (source[i + 1] === '?' && !/^\(\?P?</.test(source.slice(i))) return undefined;
      depth += 1;
      continue;
    }
    if (ch === ')') {
      endRun();
      depth -= 1;
      // A group that may be skipped (?, *, {0,...}) must not have supplied the literal; only top-level runs are kept.
      continue;
    }
    if (ch === '|' && depth === 0) return undefined;
    if (ch === '[') {
      endRun();
      const close = source.indexOf(']', i + 2);
      if (close < 0) return undefined;
      i = close;
      continue;
    }
    if (depth === 0 && /[\p{L}\p{N}]/u.test(ch)) {
      const next = source[i + 1];
      // A quantified character may be absent or repeated: it ends the run without joining it.
      if (next === '?' || next === '*' || next === '{' || next === '+') {
        endRun();
        continue;
      }
      run += ch;
      continue;
    }
    endRun();
  }
  endRun();
  if (best.length < 3) return undefined;
  return best.toLowerCase().replace(/ſ/g, 's');
}

/** Lower case with every character that is not a letter or a digit dropped: what a word's letters are, whatever surrounds them. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * For a format with no view of its own (HTML), or a Markdown file its view cannot judge: the text,
 * and the text with escapes and references decoded and tags, comments and link destinations
 * removed, both squashed. The letters of a word of any reader's text are in a row in one of them,
 * since what a reader drops inside a word is markup: looked for there, an anchor is never missed.
 */
function squashedViews(text: string): string[] {
  const raw = squash(text);
  if (!/[\\&<\]]/.test(text)) return [raw];
  const decoded = squash(
    decodeEscapes(text)
      .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
      .replace(/<\/?[a-zA-Z!?][^<>]*>/g, '')
      .replace(LINK_DESTINATION, ''),
  );
  return decoded === raw ? [raw] : [raw, decoded];
}

/** `](destination "title")` (parentheses nested up to three deep) and `][label]`. */
const LINK_DESTINATION = /\]\((?:[^()]|\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))*\)|\]\[[^\]]*\]/g;

const ESCAPE = /\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|([\s\S]))/g;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };
const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6});?|#([0-9]{1,7});?|([a-zA-Z][a-zA-Z0-9]{0,31});?)/g;
const LEGACY = [...characterEntitiesLegacy].sort((a, b) => b.length - a.length);

/** JSON, YAML and Markdown escapes and HTML references decoded; nothing removed. */
function decodeEscapes(text: string): string {
  let out = text;
  if (out.includes('\\')) out = out.replace(ESCAPE, decodeEscape);
  // Twice: JSON-escaped HTML holds entities, and `&amp;eacute;` is text in one reader and é in another.
  for (let pass = 0; pass < 2 && out.includes('&'); pass++) out = out.replace(ENTITY, decodeEntity);
  return out;
}

function decodeEscape(whole: string, brace?: string, u4?: string, u8?: string, x2?: string, single?: string): string {
  const hex = brace ?? u4 ?? u8 ?? x2;
  if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
  if (single === undefined) return whole;
  return SIMPLE_ESCAPES[single] ?? single;
}

function decodeEntity(whole: string, hex?: string, dec?: string, name?: string): string {
  if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
  if (dec !== undefined) return fromCodePoint(parseInt(dec, 10));
  if (name === undefined) return whole;
  if (whole.endsWith(';')) {
    const decoded = decodeNamedCharacterReference(name);
    if (decoded !== false) return decoded;
  }
  // HTML reads the old entities without their semicolon: `&copy2026`, `&eacutecole`.
  for (const legacy of LEGACY) {
    if (name.startsWith(legacy)) {
      const decoded = decodeNamedCharacterReference(legacy);
      if (decoded !== false) return decoded + whole.slice(1 + legacy.length);
    }
  }
  return whole;
}

function fromCodePoint(code: number): string {
  // Surrogate halves stay as they are, so a `\ud83d\ude00` pair joins again in the string.
  if (code > 0x10ffff) return '';
  return code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code);
}
