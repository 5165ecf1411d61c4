/**
 * The exact word-level prefilter: one required literal word per spec phrase, looked up in a Set
 * of every case-folded word of a file's raw text, so a file that holds no possible match is
 * proved so without being parsed. Exact, not heuristic: it scans the raw text and a cheaply
 * decoded view of it (JSON, YAML and Markdown escapes, HTML entities, markup inside words
 * removed), so whatever word a reader could make of the bytes, one of the two views holds it.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { characterEntitiesLegacy } from 'character-entities-legacy';
import type { TemplateNode } from './template.js';
import { tokenize } from './tokens.js';
import type { SpecPhrase } from './types.js';

export interface Prefilter {
  /** whether `text` may hold a match of some phrase; false is a proof that it holds none */
  mayMatch(text: string): boolean;
  /** the words looked for (one per phrase), for tests and `--debug` */
  readonly words: ReadonlySet<string>;
  /** case-folded substrings looked for (one per regex phrase) */
  readonly substrings: readonly string[];
}

/** Words too common to prove anything; another word of the phrase is preferred. */
const COMMON = new Set(['a', 'an', 'the', 'and', 'or', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'it', 'is', 'be', 'we', 'you', 'your', 'our', 'us', 'get', 'now', 'not', 'no', 'all', 'any']);

/**
 * Compiles the prefilter for a run's phrases, or returns undefined when some phrase has no
 * word every match must contain (a regex with no literal, a template of `{value}` alone): then
 * every file is parsed.
 */
export function compilePrefilter(phrases: readonly SpecPhrase[]): Prefilter | undefined {
  const words = new Set<string>();
  const substrings = new Set<string>();
  for (const { phrase } of phrases) {
    if (phrase.isRegex) {
      const literal = regexLiteral(phrase.source);
      if (literal === undefined) return undefined;
      substrings.add(literal);
      continue;
    }
    if (!phrase.template) throw new Error(`phrase ${JSON.stringify(phrase.source)} was not compiled`);
    const required = requiredWords(phrase.template.nodes);
    if (required === undefined) return undefined;
    for (const word of required) words.add(word);
  }
  // Directives (`onemessage-disable`) are parsed wherever they are: rules may read them.
  words.add('onemessage');
  const substringList = [...substrings];
  return {
    words,
    substrings: substringList,
    mayMatch(text: string): boolean {
      if (viewMatches(text, words, substringList)) return true;
      const decoded = decodedView(text);
      return decoded !== text && viewMatches(decoded, words, substringList);
    },
  };
}

/** Whether one view of a file holds a required word (or its plural) or a required substring. */
function viewMatches(text: string, words: ReadonlySet<string>, substrings: readonly string[]): boolean {
  for (const token of tokenize(text).words) {
    if (words.has(token)) return true;
    // The matcher lets a phrase's last word take a plural: `waterproofs`, `boxes`.
    if (token.endsWith('s') && (words.has(token.slice(0, -1)) || (token.endsWith('es') && words.has(token.slice(0, -2))))) return true;
  }
  if (substrings.length === 0) return false;
  // Regexes match case-insensitively with Unicode folding, where ſ is an s.
  const folded = text.toLowerCase().replace(/ſ/g, 's');
  return substrings.some((literal) => folded.includes(literal));
}

/**
 * The words one of which every match of a template contains: a word outside any group, or one
 * word from each alternative of a group that must be taken. The least common such set wins.
 */
export function requiredWords(nodes: readonly TemplateNode[]): string[] | undefined {
  const candidates: string[][] = [];
  for (const node of nodes) {
    if (node.type === 'word') candidates.push([node.word]);
    else if (node.type === 'group' && !node.optional) {
      const union: string[] = [];
      let complete = true;
      for (const option of node.options) {
        const inner = requiredWords(option);
        if (inner === undefined) complete = false;
        else for (const word of inner) union.push(word);
      }
      if (complete) candidates.push([...new Set(union)]);
    }
  }
  let best: string[] | undefined;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const score = candidate.reduce((least, word) => Math.min(least, COMMON.has(word) ? 0 : word.length), Infinity) * 100 - candidate.length;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
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

const ESCAPE = /\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|([\s\S]))/g;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };
const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6});?|#([0-9]{1,7});?|([a-zA-Z][a-zA-Z0-9]{0,31});?)/g;
const LEGACY = [...characterEntitiesLegacy].sort((a, b) => b.length - a.length);

/**
 * The raw text with escapes and entities decoded and markup that can sit inside a word removed:
 * tags and comments, emphasis and code marks, backslashes, link brackets and destinations, soft
 * hyphens and zero-width characters. Never parsed, so it may join words a reader keeps apart; it
 * only adds words, and the raw view is scanned too.
 */
export function decodedView(text: string): string {
  if (!/[\\&<*_~`[\]\u00ad\u200b-\u200d\u2060\ufeff]/.test(text)) return text;
  let out = text;
  if (out.includes('\\')) out = out.replace(ESCAPE, decodeEscape);
  // Twice: JSON-escaped HTML holds entities, and `&amp;eacute;` is text in one reader and é in another.
  for (let pass = 0; pass < 2 && out.includes('&'); pass++) out = out.replace(ENTITY, decodeEntity);
  return out
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<\/?[a-zA-Z!?][^<>]*>/g, '')
    .replace(/\]\([^()]*\)|\]\[[^\]]*\]/g, '')
    .replace(/[\\*_~`[\]\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
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
