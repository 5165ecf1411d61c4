import { describe, expect, it } from 'vitest';
import {
  describeQuantity,
  durationInDays,
  findQuantities,
  parseQuantity,
  quantityKey,
  sameQuantity,
  type Quantity,
} from '../../src/match/quantity.js';
import { countRegexWork } from '../helpers/work.js';

type Expected = Pick<Quantity, 'kind' | 'min' | 'max' | 'unit'> | undefined;

const n = (min: number, max = min): Expected => ({ kind: 'number', min, max, unit: undefined });
const usd = (min: number, max = min): Expected => ({ kind: 'money', min, max, unit: 'USD' });
const money = (unit: string, min: number, max = min): Expected => ({ kind: 'money', min, max, unit });
const pct = (min: number, max = min): Expected => ({ kind: 'percent', min, max, unit: undefined });
const dur = (unit: string, min: number, max = min): Expected => ({ kind: 'duration', min, max, unit });
const size = (unit: string, min: number, max = min): Expected => ({ kind: 'size', min, max, unit });
const time = (min: number, max = min): Expected => ({ kind: 'time', min, max, unit: undefined });

const FORMS: Array<[string, Expected]> = [
  // plain numbers, separators, scales
  ['4.8', n(4.8)],
  ['5,000', n(5000)],
  ['1,000,000', n(1_000_000)],
  ['1 million', n(1_000_000)],
  ['1M', n(1_000_000)],
  ['2.5 million', n(2_500_000)],
  ['1.1M', n(1_100_000)],
  ['30K', n(30_000)],
  ['30k', n(30_000)],
  ['2bn', n(2_000_000_000)],
  ['thirty', n(30)],
  ['forty-five', n(45)],
  ['ninety nine', n(99)],
  ['one hundred and fifty', n(150)],
  ['two thousand five hundred', n(2500)],
  ['a dozen', n(12)],
  ['two dozen', n(24)],
  ['a million', n(1_000_000)],
  ['6-8', n(6, 8)],
  ['1-2 million', n(1_000_000, 2_000_000)],
  // money
  ['$50', usd(50)],
  ['$50.00', usd(50)],
  ['50 dollars', usd(50)],
  ['fifty dollars', usd(50)],
  ['USD 50', usd(50)],
  ['50 USD', usd(50)],
  ['US$50', usd(50)],
  ['$1,299.99', usd(1299.99)],
  ['$30K', usd(30_000)],
  ['$2.5M', usd(2_500_000)],
  ['$1 million', usd(1_000_000)],
  ['€40', money('EUR', 40)],
  ['40 EUR', money('EUR', 40)],
  ['40€', money('EUR', 40)],
  ['40 euros', money('EUR', 40)],
  ['€1.000,50', money('EUR', 1000.5)],
  ['12,99 €', money('EUR', 12.99)],
  ['£12.99', money('GBP', 12.99)],
  ['C$20', money('CAD', 20)],
  ['CHF 120', money('CHF', 120)],
  ['$50-$100', usd(50, 100)],
  ['$50-100', usd(50, 100)],
  ['between $50 and $100', usd(50, 100)],
  // percent
  ['20%', pct(20)],
  ['20 %', pct(20)],
  ['20 percent', pct(20)],
  ['20 per cent', pct(20)],
  ['twenty percent', pct(20)],
  ['12.5%', pct(12.5)],
  ['10-20%', pct(10, 20)],
  ['10% to 20%', pct(10, 20)],
  // durations
  ['30 days', dur('day', 30)],
  ['30 day', dur('day', 30)],
  ['30-day', dur('day', 30)],
  ['30days', dur('day', 30)],
  ['thirty days', dur('day', 30)],
  ['thirty-day', dur('day', 30)],
  ['thirty (30) days', dur('day', 30)],
  ['30 calendar days', dur('day', 30)],
  ['a day', dur('day', 1)],
  ['two weeks', dur('week', 2)],
  ['a week', dur('week', 1)],
  ['24 hours', dur('hour', 24)],
  ['24-hour', dur('hour', 24)],
  ['24h', dur('hour', 24)],
  ['an hour', dur('hour', 1)],
  ['90 minutes', dur('minute', 90)],
  ['15 mins', dur('minute', 15)],
  ['30 seconds', dur('second', 30)],
  ['a month', dur('month', 1)],
  ['1 month', dur('month', 1)],
  ['3 mos', dur('month', 3)],
  ['one year', dur('year', 1)],
  ['one-year', dur('year', 1)],
  ['2 yrs', dur('year', 2)],
  ['10 business days', dur('business-day', 10)],
  ['10-business-day', dur('business-day', 10)],
  ['5 working days', dur('business-day', 5)],
  ['a business day', dur('business-day', 1)],
  ['6-8 weeks', dur('week', 6, 8)],
  ['6–8 weeks', dur('week', 6, 8)],
  ['6 - 8 weeks', dur('week', 6, 8)],
  ['6—8 weeks', dur('week', 6, 8)],
  ['6 to 8 weeks', dur('week', 6, 8)],
  ['six to eight weeks', dur('week', 6, 8)],
  ['between 6 and 8 weeks', dur('week', 6, 8)],
  ['6 weeks to 8 weeks', dur('week', 6, 8)],
  ['6-8-week', dur('week', 6, 8)],
  ['2-3 business days', dur('business-day', 2, 3)],
  ['2 or 3 days', dur('day', 2, 3)],
  // sizes
  ['10 GB', size('GB', 10)],
  ['500MB', size('MB', 500)],
  ['1.5 TB', size('TB', 1.5)],
  ['250 kilobytes', size('KB', 250)],
  // always
  ['24/7', { kind: 'always', min: 0, max: 0, unit: undefined }],
  ['24x7', { kind: 'always', min: 0, max: 0, unit: undefined }],
  ['24/7/365', { kind: 'always', min: 0, max: 0, unit: undefined }],
  // times of day (parseQuantity reads them; findQuantities only when asked)
  ['9am', time(540)],
  ['9 a.m.', time(540)],
  ['9:00 AM', time(540)],
  ['9:30 pm', time(1290)],
  ['5 pm', time(1020)],
  ['12pm', time(720)],
  ['12am', time(0)],
  ['17:00', time(1020)],
  ['noon', time(720)],
  ['midnight', time(0)],
  ['9am-5pm', time(540, 1020)],
  ['10pm-6am', time(1320, 360)],
  // near-misses: not a quantity at all
  ['1-800-555-0199', undefined],
  ['(555) 123-4567', undefined],
  ['+44 20 7946 0958', undefined],
  ['555-0199', undefined],
  ['1-800-FLOWERS', undefined],
  ['2026', undefined],
  ['in 2025', undefined],
  ['2025-2026', undefined],
  ['TP-45', undefined],
  ['X100', undefined],
  ['SKU 4471-B', undefined],
  ['v2.3', undefined],
  ['1.2.3', undefined],
  ['2026-11-27', undefined],
  ['11/27/2026', undefined],
  ['27.11.2026', undefined],
  ['Nov 27', undefined],
  ['1st', undefined],
  ['30th', undefined],
  ['#1', undefined],
  ['3D', undefined],
  ['16:9', undefined],
  ['25:00', undefined],
  ['13pm', undefined],
  ['9-5', undefined],
  ['8-6 weeks', undefined],
  ['0199', undefined],
  ['a', undefined],
  ['hundred', undefined],
  ['30 days and 60 days', undefined],
  ['', undefined],
];

describe('parseQuantity', () => {
  it('has a table of at least 70 written forms', () => {
    expect(FORMS.length).toBeGreaterThanOrEqual(70);
  });

  it.each(FORMS)('%j', (written, expected) => {
    const q = parseQuantity(written);
    expect(q === undefined ? undefined : { kind: q.kind, min: q.min, max: q.max, unit: q.unit }).toEqual(expected);
  });

  it('keeps offsets into the untrimmed string', () => {
    expect(parseQuantity('  30 days ')).toEqual({ kind: 'duration', min: 30, max: 30, unit: 'day', start: 2, end: 9, text: '30 days' });
  });

  it('reads a year followed by a unit as an amount', () => {
    expect(parseQuantity('2026 dollars')).toMatchObject({ kind: 'money', min: 2026, unit: 'USD' });
  });
});

/** [text, start, end] of each quantity found, for exact assertions. */
function spans(text: string, options?: { times?: boolean }): Array<[string, number, number]> {
  return findQuantities(text, options).map((q) => {
    expect(q.text).toBe(text.slice(q.start, q.end));
    return [q.text, q.start, q.end];
  });
}

describe('findQuantities', () => {
  it('leaves a sentence-final period out', () => {
    expect(findQuantities('Return it within 30 days.')).toEqual([
      { kind: 'duration', min: 30, max: 30, unit: 'day', start: 17, end: 24, text: '30 days' },
    ]);
  });

  it('finds the lead time but not the phone number or the year', () => {
    expect(findQuantities('Ships in 6-8 weeks; call 1-800-555-0199 by 2026.')).toEqual([
      { kind: 'duration', min: 6, max: 8, unit: 'week', start: 9, end: 18, text: '6-8 weeks' },
    ]);
  });

  it('reads 130-day as 130 days, never 30', () => {
    expect(findQuantities('Our 130-day trial beats any 30-day return.')).toMatchObject([
      { text: '130-day', min: 130, start: 4, end: 11 },
      { text: '30-day', min: 30, start: 28, end: 34 },
    ]);
  });

  it('finds every quantity of a support macro, left to right', () => {
    const text = 'Hi! Orders over $50 ship free in 3-5 business days, and you save 20% with annual billing. Questions? We are here 24/7.';
    expect(spans(text)).toEqual([
      ['$50', 16, 19],
      ['3-5 business days', 33, 50],
      ['20%', 65, 68],
      ['24/7', 113, 117],
    ]);
  });

  it('skips model numbers, versions, SKUs, ordinals and dates', () => {
    const text = 'The TP-45 (SKU 4471-B, firmware v2.3) ships 1st of Nov 27, 2026 or on 2026-11-27 for #1 fans; X100 has 2 pockets.';
    expect(spans(text)).toEqual([['2', 103, 104]]);
  });

  it('skips phone numbers in every common shape', () => {
    expect(spans('Call (555) 123-4567, +44 20 7946 0958, 555.123.4567 or 555-0199 within 2 hours.')).toEqual([['2 hours', 71, 78]]);
  });

  it('returns times only when asked, and never reads 9:00 as 9', () => {
    const text = 'Open 9:00 AM - 5:30 PM, 7 days a week.';
    expect(spans(text)).toEqual([['7 days', 24, 30]]);
    expect(spans(text, { times: true })).toEqual([
      ['9:00 AM - 5:30 PM', 5, 22],
      ['7 days', 24, 30],
    ]);
  });

  it('does not read a rate as one unit', () => {
    expect(spans('Just $5 a day, billed twice a month, or three times a week.')).toEqual([
      ['$5', 5, 7],
      ['three', 40, 45],
    ]);
  });

  it('reads "a" before a unit as one of it', () => {
    expect(spans('Refunds arrive within a week; replies within an hour.')).toEqual([
      ['a week', 22, 28],
      ['an hour', 45, 52],
    ]);
  });

  it('includes "between" in a between-and range and joins ranges across units on both ends', () => {
    expect(spans('Delivery takes between 6 and 8 weeks, or 6 weeks to 8 weeks in winter.')).toEqual([
      ['between 6 and 8 weeks', 15, 36],
      ['6 weeks to 8 weeks', 41, 59],
    ]);
  });

  it('does not join different units into a range', () => {
    expect(spans('Ships in 30 days to 1 year.')).toEqual([
      ['30 days', 9, 16],
      ['1 year', 20, 26],
    ]);
  });

  it('reads number words, but not the words that contain them', () => {
    expect(spans('Someone often writes: thirty-five days, or ninety-nine often.')).toEqual([
      ['thirty-five days', 22, 38],
      ['ninety-nine', 43, 54],
    ]);
  });

  it('stops a run of number words where the number stops', () => {
    expect(spans('pick six eight')).toEqual([
      ['six', 5, 8],
      ['eight', 9, 14],
    ]);
  });

  it('keeps "thirty (30) days" whole', () => {
    expect(spans('within thirty (30) days.')).toEqual([['thirty (30) days', 7, 23]]);
  });

  it('spans line breaks between the number and its unit', () => {
    expect(spans('within 30\ndays')).toEqual([['30\ndays', 7, 14]]);
  });

  it('reads data sizes', () => {
    expect(spans('Attachments up to 10 GB (500MB per file).')).toEqual([
      ['10 GB', 18, 23],
      ['500MB', 25, 30],
    ]);
  });

  it('reads a spaced em dash as an aside, not a range', () => {
    expect(spans('Returns within 30 days — 2 exceptions apply.')).toEqual([
      ['30 days', 15, 22],
      ['2', 25, 26],
    ]);
  });

  // Linear time, checked by counting what the scanner's regexes read rather than with a clock:
  // 10 times the text must read about 10 times the characters (a rescan per number: 100 times).
  it.each([
    ['number words', (n: number) => 'one '.repeat(n), (n: number) => n],
    ['number words and dashes', (n: number) => 'thirty - '.repeat(2 * n), (n: number) => n],
    ['digits and dashes', (n: number) => '1-'.repeat(n), () => 0],
  ])('stays linear on long runs of %s', (_name, text, count) => {
    const small = countRegexWork(() => findQuantities(text(2_000)));
    const large = countRegexWork(() => findQuantities(text(20_000)));
    expect([small.result.length, large.result.length]).toEqual([count(2_000), count(20_000)]);
    expect(large.scanned / small.scanned).toBeLessThan(11);
  });

  it('returns nothing quickly for text with no digit or number word', () => {
    expect(findQuantities('The best pack in the industry, loved by hikers.')).toEqual([]);
  });
});

describe('sameQuantity', () => {
  const q = (s: string): Quantity => parseQuantity(s)!;

  it.each([
    ['30-day', 'thirty days'],
    ['30 days', '30 day'],
    ['$50', '$50.00'],
    ['$50', '50 dollars'],
    ['USD 50', '50 USD'],
    ['20%', '20 percent'],
    ['1M', '1 million'],
    ['1M', '1,000,000'],
    ['30K', '30,000'],
    ['6-8 weeks', '6 to 8 weeks'],
    ['6-8 weeks', 'between 6 and 8 weeks'],
    ['6-8 weeks', '6–8 weeks'],
  ])('%j = %j', (a, b) => {
    expect(sameQuantity(q(a), q(b))).toBe(true);
  });

  it.each([
    ['1 month', '30 days'],
    ['1 week', '7 days'],
    ['10 business days', '10 days'],
    ['$50', '€50'],
    ['$50', '50'],
    ['20%', '20'],
    ['6-8 weeks', '6 weeks'],
    ['10 GB', '10 MB'],
  ])('%j != %j', (a, b) => {
    expect(sameQuantity(q(a), q(b))).toBe(false);
  });
});

describe('quantityKey and describeQuantity', () => {
  it.each([
    ['30-day', 'duration:day:30', '30 days'],
    ['a day', 'duration:day:1', '1 day'],
    ['6 to 8 weeks', 'duration:week:6-8', '6-8 weeks'],
    ['10-business-day', 'duration:business-day:10', '10 business days'],
    ['$50.00', 'money:USD:50', '$50'],
    ['£12.99', 'money:GBP:12.99', '£12.99'],
    ['$50-100', 'money:USD:50-100', '$50-100'],
    ['CHF 1,200.5', 'money:CHF:1200.5', '1,200.50 CHF'],
    ['20 percent', 'percent:20', '20%'],
    ['1M', 'number:1000000', '1,000,000'],
    ['4.8', 'number:4.8', '4.8'],
    ['10GB', 'size:GB:10', '10 GB'],
    ['9am-5:30pm', 'time:540-1050', '9:00-17:30'],
    ['24/7', 'always', '24/7'],
  ])('%j -> %j, %j', (written, key, described) => {
    const q = parseQuantity(written)!;
    expect(quantityKey(q)).toBe(key);
    expect(describeQuantity(q)).toBe(described);
  });
});

describe('durationInDays', () => {
  it.each([
    ['30 days', { min: 30, max: 30 }],
    ['6-8 weeks', { min: 42, max: 56 }],
    ['1 month', { min: 30, max: 30 }],
    ['2 years', { min: 730, max: 730 }],
    ['5 business days', { min: 7, max: 7 }],
    ['2-3 business days', { min: 2.8, max: 4.2 }],
    ['24 hours', { min: 1, max: 1 }],
    ['36 hours', { min: 1.5, max: 1.5 }],
    ['90 minutes', { min: 0.0625, max: 0.0625 }],
  ])('%j', (written, days) => {
    expect(durationInDays(parseQuantity(written)!)).toEqual(days);
  });

  it('is undefined for anything but a duration', () => {
    expect(durationInDays(parseQuantity('$50')!)).toBeUndefined();
    expect(durationInDays(parseQuantity('24/7')!)).toBeUndefined();
  });
});
