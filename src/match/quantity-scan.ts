/** Scans text for quantities (numbers, money, percentages, durations, data sizes, times of day, 24/7) and their offsets. */
import type { Quantity, QuantityKind } from './types.js';
import { NUMBER_WORD, readNumberWords } from './number-words.js';

/** A quantity being read, with what range joining and the near-miss filters need to know. */
interface Piece {
  kind: QuantityKind;
  min: number;
  max: number;
  unit?: string;
  start: number;
  end: number;
  /** the number as written, before a scale ("1" in "1M"); for a range, its upper end */
  raw: number;
  /** 1, or the multiplier of a scale word or suffix ("K", "million") */
  scale: number;
  /** four digits 1900-2099 with nothing attached: a year, unless a unit makes it an amount */
  yearLike: boolean;
  /** digits with a leading zero ("0199", "007"): part of a code, unless a unit follows */
  code: boolean;
  /** the digits as written, for the local phone number shape "555-1234" */
  digits?: string;
}

/** What reading at one position gave (a piece, or a near-miss that yields nothing) and where scanning resumes. */
interface Read {
  piece?: Piece;
  resume: number;
}

// ---------------------------------------------------------------------------------------
// Patterns. Every one is compiled once; sticky ones are applied at a position with at().

const END = String.raw`(?![\p{L}\p{N}])`;
/** A quantity never starts glued to a word or to another number ("X100", "TP-45", "v2.3", "#1", "6-8"'s 8). */
const NOT_GLUED = String.raw`(?<![\p{L}\p{N}_.,#]|[\p{L}\p{N}_][-–‑/:])`;
const CODES = 'USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|CNY|INR|SEK|NOK|DKK|MXN|BRL|SGD|HKD|ZAR|PLN';
const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const DOLLARS: Record<string, string> = { US: 'USD', C: 'CAD', CA: 'CAD', A: 'AUD', AU: 'AUD', NZ: 'NZD', HK: 'HKD', S: 'SGD' };
const CURRENCY_PREFIX = String.raw`(?:(?:US|CA?|AU?|NZ|HK|S)?[$€£¥₹]|(?:${CODES})(?![\p{L}]))[ \u00a0]?`;
const DIGITS = String.raw`\d[\d,.]*\d|\d`;
const PHONE = [
  String.raw`\+\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?){2,5}`, // +44 20 7946 0958
  String.raw`\(\d{2,5}\)[ .\-]?\d{3,4}[ .\-]?\d{3,4}`, // (555) 123-4567
  String.raw`(?:1[ .\-])?\d{3}[ .\-]\d{3}[ .\-]\d{4}`, // 1-800-555-0199, 555.123.4567
]
  .map((p) => `(?:${p})`)
  .join('|');
const WORD = `${NUMBER_WORD}${END}`;
/** The first word of a number; readNumberWords reads the rest, so a long run of words costs one pass. */
const WORD_START = String.raw`(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)${END}))?${WORD}`;
const ARTICLE_UNIT = String.raw`\s+(?:(?:business|working|calendar)[\s\-]+)?(?:minute|hour|day|week|month|year)(?![\p{L}])`;
const CLOCK_WORD = String.raw`(?<clock>noon|midnight|midday)${END}`;

/** The scan: the start of every candidate, left to right. */
const MAIN = new RegExp(
  `${NOT_GLUED}(?:(?<phone>(?:${PHONE})(?![\\p{N}]))|(?<cur>${CURRENCY_PREFIX})?(?<digits>${DIGITS})|(?<words>${WORD_START})|(?<article>an?)(?=${ARTICLE_UNIT})|${CLOCK_WORD})`,
  'giu',
);
/** The second end of a range, read right after its connector. */
const ATOM_AT = new RegExp(`(?:(?<cur>${CURRENCY_PREFIX})?(?<digits>${DIGITS})|(?<words>${WORD_START})|${CLOCK_WORD})`, 'iuy');

/** Cheap test that the text may hold a quantity at all. */
const QUICK = new RegExp(
  String.raw`\d|\b(?:${NUMBER_WORD}|noon|midnight|midday)\b|\ban?\s+(?:business|working|calendar|minute|hour|day|week|month|year)`,
  'i',
);

const AMPM = String.raw`(?:[ap]\.m\.|[ap]\.?m(?![\p{L}\p{N}]))`;
const CLOCK_AFTER = new RegExp(String.raw`:(?<mm>[0-5]\d)(?![\d:])(?:[ \u00a0]?(?<ap>${AMPM}))?`, 'iuy');
const AMPM_AFTER = new RegExp(String.raw`[ \u00a0]?(?<ap>${AMPM})`, 'iuy');
const NOON_AFTER = new RegExp(String.raw`\s+(?<w>noon|midnight)${END}`, 'iuy');
const COLON_CHAIN = /(?::\d+)+/y;
const ALWAYS_AFTER = new RegExp(String.raw`(?:\/7(?:\/365)?|[ \u00a0]?[x×][ \u00a0]?7)(?![\p{L}\p{N}/])`, 'iuy');
/** The rest of a date, phone number or code once it is known to be one. */
const CHAIN = /(?:[-–‑/.]\d[\d,.]*)+/y;
const SLASH_DIGIT = /\/\d/y;
const DASH_DIGIT = /[-–‑/]\d/y;
/** after the second end of a range, a hyphen before letters that are no unit makes a code: "1-800-FLOWERS" */
const DASH_LETTER = /[-–‑]\p{L}/uy;
const ORDINAL = new RegExp(`(?:st|nd|rd|th)${END}`, 'iuy');
const SCALE_WORD = new RegExp(String.raw`\s*(?<w>hundred|thousand|million|billion|bn)${END}`, 'iuy');
const SCALE_SUFFIX = new RegExp(`(?<w>[kKMB])${END}`, 'uy');
const SCALES: Record<string, number> = { hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9 };
/** "thirty (30) days", as contracts write it */
const ECHO = /\s*\(\s*(?<d>\d[\d,]*)\s*\)/y;
const DURATION_UNITS = 'minutes|minute|mins|min|hours|hour|hrs|hr|h|days|day|weeks|week|wks|wk|months|month|mos|mo|years|year|yrs|yr|seconds|second|secs|sec';
const UNIT = new RegExp(
  String.raw`(?<pct>[ \u00a0]?%|\s*(?:percent|per[ \u00a0]?cent|pct)${END})` +
    String.raw`|(?<size>\s*(?:-\s*)?(?<su>kb|mb|gb|tb|kilobytes?|megabytes?|gigabytes?|terabytes?)${END})` +
    String.raw`|(?<money>\s*(?<mu>(?:us\s+)?dollars?|bucks|euros?|${CODES})(?![\p{L}]))` +
    String.raw`|(?<msym>[ \u00a0]?(?<ms>[$€£¥₹])(?![\p{N}]))` +
    String.raw`|(?<dur>\s*(?:[-‑]\s*)?(?<biz>(?:business|working)\s*[-‑]?\s*)?(?:calendar\s+)?(?<du>${DURATION_UNITS})${END})`,
  'iuy',
);
/** Letters glued after digits make a code ("100X", "3D", "4G"), as does a hyphen before a short code ("4471-B"). */
const GLUED = new RegExp(String.raw`[\p{L}\p{N}_]|[-–‑](?:[A-Z]{1,3}(?![\p{L}\p{N}])|\p{L}+\d)`, 'uy');
const MONTHS = 'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';
const MONTH_BEFORE = new RegExp(String.raw`(?<=(?<![\p{L}])(?:${MONTHS})\.?\s+)`, 'iuy');
// "30 may apply" is not a date: "may" is left out after a number
const MONTH_AFTER = new RegExp(String.raw`\s+(?:${MONTHS.replace('|may', '')})${END}`, 'iuy');
const BETWEEN = new RegExp(String.raw`(?<=(?<![\p{L}])(?<b>between)(?<s>\s+))`, 'iuy');
// an em dash joins a range only when glued ("6—8 weeks"); spaced, it starts an aside
const CONNECTOR = /(?<dash>\s*[-–‑]\s*|—)|\s+(?<word>to|or|through|thru|and)\s+/iy;
/** "twice a week", "$5 a day": the article is a rate, not one unit */
const RATE_BEFORE = new RegExp(String.raw`(?<=(?<![\p{L}])(?:once|twice|thrice|times|per|every|half)\s+)`, 'iuy');
const SPACES = /\s*/y;

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Rounds away binary noise from scaling ("1.1M" is 1100000, not 1100000.0000000002). */
function norm(n: number): number {
  return Number(n.toPrecision(15));
}

// ---------------------------------------------------------------------------------------
// Reading one quantity.

interface Unit {
  kind: QuantityKind;
  unit?: string;
  end: number;
}

function durationUnit(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith('mi')) return 'minute';
  if (w.startsWith('mo')) return 'month';
  if (w.startsWith('h')) return 'hour';
  if (w.startsWith('d')) return 'day';
  if (w.startsWith('w')) return 'week';
  if (w.startsWith('y')) return 'year';
  return 'second';
}

function moneyUnit(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith('dollar') || w.endsWith('dollars') || w === 'bucks') return 'USD';
  if (w.startsWith('euro')) return 'EUR';
  return w.toUpperCase();
}

/** The unit written right after a number at pos, if any. */
function readUnit(text: string, pos: number): Unit | undefined {
  const m = at(UNIT, text, pos);
  const g = m?.groups;
  if (!m || !g) return undefined;
  const end = pos + m[0].length;
  if (g.pct !== undefined) return { kind: 'percent', end };
  if (g.su !== undefined) return { kind: 'size', unit: `${g.su[0]!.toUpperCase()}B`, end };
  if (g.mu !== undefined) return { kind: 'money', unit: moneyUnit(g.mu), end };
  if (g.ms !== undefined) return { kind: 'money', unit: SYMBOLS[g.ms], end };
  const unit = durationUnit(g.du ?? '');
  if (g.biz === undefined) return { kind: 'duration', unit, end };
  // "business days" are their own unit; "4 business hours" is left unread rather than misread
  return unit === 'day' ? { kind: 'duration', unit: 'business-day', end } : undefined;
}

/**
 * The unit one word names on its own ("months", "days", "percent", "dollars", "GB"), for a
 * template's words that complete a bare number ("{value} free months"); undefined for any other word.
 */
export function unitOfWord(word: string): { kind: QuantityKind; unit?: string } | undefined {
  const text = ` ${word}`;
  const u = readUnit(text, 0);
  if (!u || u.end !== text.length) return undefined;
  return u.unit === undefined ? { kind: u.kind } : { kind: u.kind, unit: u.unit };
}

function currencyOf(prefix: string): string {
  const p = prefix.trim();
  const symbol = p[p.length - 1]!;
  if (symbol === '$' && p.length > 1) return DOLLARS[p.slice(0, -1).toUpperCase()] ?? 'USD';
  return SYMBOLS[symbol] ?? p.toUpperCase();
}

const EN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const EU_NUMBER = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
const EU_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;

/**
 * The value of digits as written: "1,000.50" in English style; for money only, also
 * "1.000,50", "40,00" and "1.000" in European style (an amount of money with three
 * decimals is rarer than a thousands dot).
 */
function valueOf(digits: string, money: boolean): number | undefined {
  const english = EN_NUMBER.test(digits);
  if (money && EU_NUMBER.test(digits) && (!english || EU_THOUSANDS.test(digits))) {
    return Number(digits.replace(/\./g, '').replace(',', '.'));
  }
  return english ? Number(digits.replace(/,/g, '')) : undefined;
}

/** Minutes since midnight, or undefined when the hour or minute is out of range. */
function clock(hour: number, minute: number, ampm: string | undefined): number | undefined {
  if (!Number.isInteger(hour) || minute < 0 || minute > 59) return undefined;
  if (ampm === undefined) return hour <= 23 || (hour === 24 && minute === 0) ? hour * 60 + minute : undefined;
  if (hour < 1 || hour > 12) return undefined;
  const pm = ampm[0]!.toLowerCase() === 'p';
  return ((hour % 12) + (pm ? 12 : 0)) * 60 + minute;
}

function piece(kind: QuantityKind, value: number, start: number, end: number, extra?: Partial<Piece>): Piece {
  return { kind, min: value, max: value, start, end, raw: value, scale: 1, yearLike: false, code: false, ...extra };
}

function readDigits(text: string, start: number, prefix: string | undefined, digits: string, digitsEnd: number, inRange: boolean): Read {
  let p = digitsEnd;
  const hourLike = /^\d{1,2}$/.test(digits);
  if (text.charCodeAt(p) === 58 /* ':' */) {
    const t = prefix === undefined && hourLike ? at(CLOCK_AFTER, text, p) : null;
    const minutes = t?.groups ? clock(Number(digits), Number(t.groups.mm), t.groups.ap) : undefined;
    if (t && minutes !== undefined) return { piece: piece('time', minutes, start, p + t[0].length), resume: p + t[0].length };
    // a ratio ("16:9"), a clock out of range, a verse number: not a quantity
    return { resume: p + (at(COLON_CHAIN, text, p)?.[0].length ?? 0) };
  }
  if (digits === '24' && prefix === undefined) {
    const a = at(ALWAYS_AFTER, text, p);
    if (a) return { piece: piece('always', 0, start, p + a[0].length), resume: p + a[0].length };
  }
  // a date, a fraction, a phone number or a code: "11/27/2026", "2026-11-27" (seen from "11")
  if (at(inRange ? DASH_DIGIT : SLASH_DIGIT, text, p)) return { resume: p + (at(CHAIN, text, p)?.[0].length ?? 0) };
  if (prefix === undefined) {
    const ord = at(ORDINAL, text, p);
    if (ord) return { resume: p + ord[0].length };
    const ap = at(AMPM_AFTER, text, p);
    if (ap?.groups) {
      // "9am", "9 a.m.", and the British "9.30pm"
      const dotted = /^(\d{1,2})\.(\d{2})$/.exec(digits);
      const minutes = hourLike
        ? clock(Number(digits), 0, ap.groups.ap)
        : dotted
          ? clock(Number(dotted[1]), Number(dotted[2]), ap.groups.ap)
          : undefined;
      const end = p + ap[0].length;
      return minutes === undefined ? { resume: end } : { piece: piece('time', minutes, start, end), resume: end };
    }
    const noon = digits === '12' ? at(NOON_AFTER, text, p) : null;
    if (noon?.groups) {
      const end = p + noon[0].length;
      return { piece: piece('time', noon.groups.w!.toLowerCase() === 'noon' ? 720 : 0, start, end), resume: end };
    }
  }
  let scale = 1;
  const s = at(SCALE_WORD, text, p) ?? at(SCALE_SUFFIX, text, p);
  if (s?.groups) {
    scale = SCALES[s.groups.w!.toLowerCase()]!;
    p += s[0].length;
  }
  let kind: QuantityKind = prefix === undefined ? 'number' : 'money';
  let unit = prefix === undefined ? undefined : currencyOf(prefix);
  const u = readUnit(text, p);
  if (u && (prefix === undefined || (u.kind === 'money' && u.unit === unit))) {
    kind = u.kind;
    unit = u.unit;
    p = u.end;
  } else if (!u && scale === 1 && (at(GLUED, text, p) || (inRange && at(DASH_LETTER, text, p)))) {
    return { resume: p };
  }
  const raw = valueOf(digits, kind === 'money');
  if (raw === undefined) return { resume: p };
  const value = scale === 1 ? raw : norm(raw * scale);
  return {
    piece: {
      kind,
      min: value,
      max: value,
      unit,
      start,
      end: p,
      raw,
      scale,
      yearLike: /^(?:19|20)\d\d$/.test(digits),
      code: /^0\d/.test(digits),
      digits,
    },
    resume: p,
  };
}

function readWords(text: string, start: number, firstEnd: number): Read {
  const w = readNumberWords(text, start);
  if (!w) return { resume: firstEnd };
  let p = w.end;
  const echo = at(ECHO, text, p);
  if (echo?.groups && Number(echo.groups.d!.replace(/,/g, '')) === w.value) p += echo[0].length;
  const u = readUnit(text, p);
  if (u) return { piece: piece(u.kind, w.value, start, u.end, { unit: u.unit }), resume: u.end };
  return { piece: piece('number', w.value, start, p), resume: p };
}

/** Reads the candidate a MAIN or ATOM_AT match found; inRange when it is the second end of a range. */
function readPiece(text: string, m: RegExpExecArray, inRange: boolean): Read {
  const g = m.groups!;
  const start = m.index;
  const end = start + m[0].length;
  if (g.digits !== undefined) return readDigits(text, start, g.cur, g.digits, end, inRange);
  if (g.words !== undefined) return readWords(text, start, end);
  if (g.clock !== undefined) return { piece: piece('time', g.clock.toLowerCase() === 'midnight' ? 0 : 720, start, end), resume: end };
  if (g.article !== undefined) {
    const u = readUnit(text, end);
    if (u) return { piece: piece(u.kind, 1, start, u.end, { unit: u.unit }), resume: u.end };
  }
  return { resume: end }; // a phone number, or an article before "business hours"
}

// ---------------------------------------------------------------------------------------
// Ranges and near-misses.

/** Joins the two ends of a range, or says they are not one. */
function join(q1: Piece, q2: Piece, word: string | undefined): Piece | undefined {
  if (q2.kind === 'always' || q1.kind === 'always') return undefined;
  // "2 or 3 days" and "8 or 10 characters" are ranges; "$10 or $20" is a choice
  if (word === 'or' && q1.kind !== 'number') return undefined;
  let { kind, unit, min } = q1;
  const carryScale = q1.scale === 1 && q2.scale !== 1 && q1.raw <= q2.raw; // "1-2 million", "$1-2M"
  if (q1.kind === 'number' && q2.kind !== 'time') {
    kind = q2.kind; // "6-8 weeks": the unit at the end applies to both ends
    unit = q2.unit;
    if (carryScale) min = norm(q1.raw * q2.scale);
  } else if (q1.kind === 'money' && q2.kind === 'number') {
    if (carryScale) min = norm(q1.raw * q2.scale); // "$50-100"
  } else if (q1.kind !== q2.kind || q1.unit !== q2.unit) {
    return undefined;
  }
  const max = q2.max;
  if (kind !== 'time' && !(min <= max)) return undefined; // times may wrap midnight: "10pm-6am"
  if (kind === 'number' && (q1.yearLike || q2.yearLike || q1.code || q2.code)) return undefined;
  return { kind, unit, min, max, start: q1.start, end: q2.end, raw: q2.raw, scale: q2.scale, yearLike: false, code: false };
}

/** Extends q1 into a range when a connector and a second end follow it. */
function readRange(text: string, q1: Piece): Read {
  const single: Read = { piece: q1, resume: q1.end };
  const c = at(CONNECTOR, text, q1.end);
  if (!c?.groups) return single;
  const word = c.groups.word?.toLowerCase();
  const dash = c.groups.dash !== undefined;
  const between = at(BETWEEN, text, q1.start);
  if (word === 'and' && !between) return single;
  const m2 = at(ATOM_AT, text, q1.end + c[0].length);
  if (!m2) return single;
  const r2 = readPiece(text, m2, true);
  const q2 = r2.piece;
  // two bare numbers joined by a dash that make no range are one code: a date, a score, a phone number
  if (!q2) return dash && q1.kind === 'number' ? { resume: r2.resume } : single;
  const joined = join(q1, q2, word);
  if (!joined) return dash && q1.kind === 'number' && q2.kind === 'number' ? { resume: q2.end } : single;
  if (joined.kind === 'number' && c[0].length === 1 && /^\d{3}$/.test(q1.digits ?? '') && /^\d{4}$/.test(q2.digits ?? '')) {
    return { resume: q2.end }; // 555-1234
  }
  if (word === 'and' && between?.groups) joined.start -= between.groups.b!.length + between.groups.s!.length;
  return { piece: joined, resume: joined.end };
}

/** A bare number that is a year, a code or a day of a month, never an amount. */
function isNearMiss(text: string, q: Piece): boolean {
  if (q.kind !== 'number' || q.scale !== 1) return false;
  if (q.yearLike || q.code) return true;
  return at(MONTH_BEFORE, text, q.start) !== null || at(MONTH_AFTER, text, q.end) !== null;
}

function isRate(text: string, articleStart: number, lastEnd: number): boolean {
  if (at(RATE_BEFORE, text, articleStart)) return true;
  return lastEnd >= 0 && lastEnd + (at(SPACES, text, lastEnd)?.[0].length ?? 0) === articleStart && lastEnd < articleStart;
}

export interface ScanOptions {
  /** also return times of day (kind `time`); they are read either way, so "9:00" never yields 9 */
  times?: boolean;
}

/** All quantities in text, left to right, non-overlapping; at each start the longest reading wins. */
/** Whether text may hold a quantity at all: a digit, a number word of the one table, a time word, "a day". */
export function mayHoldQuantity(text: string): boolean {
  return QUICK.test(text);
}

export function scanQuantities(text: string, options: ScanOptions = {}): Quantity[] {
  const found: Quantity[] = [];
  if (!QUICK.test(text)) return found;
  let lastEnd = -1;
  MAIN.lastIndex = 0;
  for (let m = MAIN.exec(text); m !== null; m = MAIN.exec(text)) {
    let read = readPiece(text, m, false);
    const isArticle = m.groups!.article !== undefined;
    if (read.piece && isArticle && isRate(text, m.index, lastEnd)) read = { resume: m.index + m[0].length };
    if (read.piece) read = readRange(text, read.piece);
    const q = read.piece;
    if (q) {
      lastEnd = q.end;
      if (!isNearMiss(text, q) && (q.kind !== 'time' || options.times)) {
        const quantity: Quantity = { kind: q.kind, min: q.min, max: q.max, start: q.start, end: q.end, text: text.slice(q.start, q.end) };
        if (q.unit !== undefined) quantity.unit = q.unit;
        found.push(quantity);
      }
    }
    MAIN.lastIndex = Math.max(read.resume, m.index + 1);
  }
  return found;
}
