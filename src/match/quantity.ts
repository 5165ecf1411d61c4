/** The one place quantities live: what `{value}` recognises, how values normalise, compare and print. */
import { mayHoldQuantity, scanQuantities, unitOfWord } from './quantity-scan.js';
import type { Quantity, QuantityKind } from './types.js';

export type { Quantity, QuantityKind } from './types.js';

export interface FindQuantitiesOptions {
  /** also return times of day ("9am", "17:00", "noon"), for facts whose value is a time */
  times?: boolean;
}

export { mayHoldQuantity, unitOfWord };

/** All quantities in text, left to right, non-overlapping, the longest reading winning. */
export function findQuantities(text: string, options: FindQuantitiesOptions = {}): Quantity[] {
  return scanQuantities(text, options);
}

/**
 * The quantity that the whole (trimmed) string is, as a spec value is written ("30 days",
 * "$50", "6-8 weeks", "24/7", "9am"), or undefined when it is none or more than one.
 */
export function parseQuantity(text: string): Quantity | undefined {
  const body = text.trim();
  if (body === '') return undefined;
  const lead = text.length - text.trimStart().length;
  const found = scanQuantities(body, { times: true });
  const q = found[0];
  if (found.length !== 1 || q === undefined || q.start !== 0 || q.end !== body.length) return undefined;
  return { ...q, start: q.start + lead, end: q.end + lead };
}

/**
 * The kinds a spec names (`kind: duration`), as the quantity reader calls them. A range is no
 * kind of its own: `6-8 weeks` is a duration, `8-9` a count.
 */
export const KIND_NAMES: Readonly<Record<string, QuantityKind>> = {
  duration: 'duration',
  money: 'money',
  percentage: 'percent',
  count: 'number',
  size: 'size',
  time: 'time',
  always: 'always',
};

/** The spec's word for a kind, for messages: "a count", "money", "a duration". */
export function kindName(kind: QuantityKind): string {
  const name = Object.keys(KIND_NAMES).find((key) => KIND_NAMES[key] === kind) ?? kind;
  return name === 'money' ? 'money' : name === 'always' ? '24/7' : `a ${name}`;
}

/** Words before a unit that make it a rate, not the unit of the number: "3 seats per month". */
const RATE_WORDS = new Set(['per', 'a', 'an', 'each', 'every', 'by', 'for', 'in', 'of', 'over', 'within']);
/** How many words after a bare number a unit may stand and still be its unit: "2 free months". */
const UNIT_REACH = 2;

/**
 * A bare number completed by a unit among the words that follow it in a matched phrase ("2 free
 * months" is 2 months); any other quantity, or a unit that is a rate ("3 seats per month"),
 * leaves it as it is.
 */
export function completeWithUnit(q: Quantity, following: readonly string[]): Quantity {
  if (q.kind !== 'number') return q;
  for (let i = 0; i < Math.min(UNIT_REACH, following.length); i++) {
    const word = following[i]!;
    if (RATE_WORDS.has(word)) return q;
    const unit = unitOfWord(word);
    if (!unit || unit.kind === 'number') continue;
    const completed: Quantity = { ...q, kind: unit.kind };
    if (unit.unit !== undefined) completed.unit = unit.unit;
    return completed;
  }
  return q;
}

/** Same statement: kind, unit, min and max all equal. Units are never converted: `1 month` is not `30 days`. */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  return a.kind === b.kind && a.unit === b.unit && a.min === b.min && a.max === b.max;
}

/** Canonical key for grouping equal statements: "duration:day:30", "duration:week:6-8", "money:USD:50", "percent:20", "always". */
export function quantityKey(q: Quantity): string {
  if (q.kind === 'always') return 'always';
  const amount = q.min === q.max ? String(q.min) : `${q.min}-${q.max}`;
  return q.unit === undefined ? `${q.kind}:${amount}` : `${q.kind}:${q.unit}:${amount}`;
}

/**
 * The quantity a key stands for (the inverse of quantityKey), for reports that hold only the key
 * of a value documents state: its canonical form can then be described without reading text again.
 */
export function quantityFromKey(key: string): Quantity | undefined {
  const parts = key.split(':');
  const kind = parts[0] as QuantityKind;
  if (kind === 'always') return { kind, min: 0, max: 0, start: 0, end: 0, text: '' };
  const amount = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(parts[parts.length - 1] ?? '');
  if (!amount || parts.length < 2 || parts.length > 3) return undefined;
  const min = Number(amount[1]);
  const max = amount[2] !== undefined ? Number(amount[2]) : min;
  return { kind, min, max, ...(parts.length === 3 ? { unit: parts[1]! } : {}), start: 0, end: 0, text: '' };
}

// Made when first needed: building the two formats loads ICU data, about 15 ms of every start.
let grouped: Intl.NumberFormat | undefined;
let cents: Intl.NumberFormat | undefined;
const GROUPED = { format: (n: number) => (grouped ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 })).format(n) };
const CENTS = { format: (n: number) => (cents ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(n) };
const MONEY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹' };
const UNIT_NAMES: Record<string, string> = { 'business-day': 'business day' };

function amount(n: number): string {
  return GROUPED.format(n);
}

function money(n: number): string {
  return Number.isInteger(n) ? GROUPED.format(n) : CENTS.format(n);
}

function clockTime(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Canonical human form, for messages: "30 days", "1 day", "6-8 weeks", "10 business days",
 * "$50", "$12.99", "$50-100", "40 CAD", "20%", "10-20%", "1,000,000", "10 GB", "9:00",
 * "9:00-17:30" (24-hour clock), "24/7". Amounts of money show cents only when there are some.
 */
export function describeQuantity(q: Quantity): string {
  const span = (f: (n: number) => string): string => (q.min === q.max ? f(q.min) : `${f(q.min)}-${f(q.max)}`);
  switch (q.kind) {
    case 'always':
      return '24/7';
    case 'percent':
      return `${span(amount)}%`;
    case 'time':
      return span(clockTime);
    case 'money': {
      const symbol = MONEY_SYMBOLS[q.unit ?? ''];
      return symbol === undefined ? `${span(money)} ${q.unit ?? ''}`.trim() : `${symbol}${span(money)}`;
    }
    case 'duration': {
      const name = UNIT_NAMES[q.unit ?? ''] ?? q.unit ?? '';
      return `${span(amount)} ${name}${q.min === 1 && q.max === 1 ? '' : 's'}`;
    }
    case 'size':
      return `${span(amount)} ${q.unit ?? ''}`;
    default:
      return span(amount);
  }
}

/**
 * A duration as it stands before a noun, in one word: "30-day" (a 30-day return), "2-week",
 * "10-business-day", "6-to-8-week". Undefined for anything else, which reads the same either way.
 */
export function attributiveQuantity(q: Quantity): string | undefined {
  if (q.kind !== 'duration' || q.unit === undefined) return undefined;
  const name = (UNIT_NAMES[q.unit] ?? q.unit).replace(/ /g, '-');
  const span = q.min === q.max ? amount(q.min) : `${amount(q.min)}-to-${amount(q.max)}`;
  return `${span}-${name}`;
}

/**
 * Days per duration unit, for lead-time comparison only (equality never converts). A
 * business day is 7/5 of a calendar day, so that 5 business days make a week; a month is
 * 30 days and a year 365.
 */
export const DAYS_PER_UNIT: Readonly<Record<string, number>> = {
  second: 1 / 86400,
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  'business-day': 7 / 5,
  week: 7,
  month: 30,
  year: 365,
};

/** A duration's range in calendar days (see DAYS_PER_UNIT); undefined for anything but a duration. */
export function durationInDays(q: Quantity): { min: number; max: number } | undefined {
  const factor = q.kind === 'duration' ? DAYS_PER_UNIT[q.unit ?? ''] : undefined;
  if (factor === undefined) return undefined;
  return { min: Number((q.min * factor).toPrecision(12)), max: Number((q.max * factor).toPrecision(12)) };
}

/** Calendar days one unit of a duration may mean, shortest and longest: a month is 28 to 31 days. */
const CALENDAR_DAYS: Readonly<Record<string, readonly [number, number]>> = {
  second: [1 / 86400, 1 / 86400],
  minute: [1 / 1440, 1 / 1440],
  hour: [1 / 24, 1 / 24],
  day: [1, 1],
  // ten business days are two calendar weeks at most, ten days at least
  'business-day': [1, 7 / 5],
  week: [7, 7],
  month: [28, 31],
  year: [365, 366],
};

/**
 * Whether a stated duration may mean the value's duration, in calendar days: "a month" (28-31
 * days) states "30 days", "four weeks" (28 days) does not. Quantities of other kinds, or units
 * with no calendar length, agree only when they are the same quantity.
 */
export function calendarAgrees(stated: Quantity, value: Quantity): boolean {
  if (sameQuantity(stated, value)) return true;
  const a = stated.kind === 'duration' ? CALENDAR_DAYS[stated.unit ?? ''] : undefined;
  const b = value.kind === 'duration' ? CALENDAR_DAYS[value.unit ?? ''] : undefined;
  if (!a || !b) return false;
  const round = (n: number) => Number(n.toPrecision(12));
  const [aLow, aHigh] = [round(stated.min * a[0]), round(stated.max * a[1])];
  const [bLow, bHigh] = [round(value.min * b[0]), round(value.max * b[1])];
  return aLow <= bHigh && bLow <= aHigh;
}

const BYTES: Readonly<Record<string, number>> = { KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

/**
 * The size of a quantity on one scale per kind, for telling whether two amounts are of the same
 * order: days for a duration, bytes for a size, the amount otherwise (the middle of a range);
 * undefined for a percentage, a time of day or 24/7, whose sizes are bounded.
 */
export function magnitude(q: Quantity): number | undefined {
  const middle = (q.min + q.max) / 2;
  switch (q.kind) {
    case 'duration': {
      const days = CALENDAR_DAYS[q.unit ?? ''];
      return days === undefined ? undefined : middle * days[0];
    }
    case 'size':
      return middle * (BYTES[q.unit ?? ''] ?? 1);
    case 'money':
    case 'number':
      return middle;
    default:
      return undefined;
  }
}
