/**
 * The compiled matcher on its own: which phrases match which words, where (in the block's text
 * and in the source), the value a `{value}` slot captures, negation, ignored speakers and
 * overlapping matches. Documents are built by hand so that nothing but the matcher is tested.
 */
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/match/matcher.js';
import type { Phrase, PhraseKind, SpecPhrase } from '../../src/match/types.js';
import { TextBuilder, type Document, type TextBlock } from '../../src/model/document.js';
import { compileTemplate } from '../../src/spec/compile.js';

const POS = { file: 'onemessage.yaml', line: 1, column: 1 };

function phrase(kind: PhraseKind, itemId: string, source: string): SpecPhrase {
  const template = compileTemplate(source, { allowValue: kind === 'fact' || kind === 'delivery' });
  return { kind, itemId, phrase: { source, isRegex: false, pos: POS, template } };
}

function regex(kind: PhraseKind, itemId: string, source: string): SpecPhrase {
  const p: Phrase = { source, isRegex: true, pos: POS };
  return { kind, itemId, phrase: p };
}

/** A document of one paragraph per text, each verbatim from a source where blocks are joined by a blank line. */
function doc(...paragraphs: Array<string | { text: string; speaker: string }>): Document {
  const blocks: TextBlock[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    const text = typeof paragraph === 'string' ? paragraph : paragraph.text;
    const builder = new TextBuilder();
    builder.appendVerbatim(text, offset);
    blocks.push(builder.build({ kind: 'paragraph', ...(typeof paragraph === 'string' ? {} : { speaker: paragraph.speaker }) })!);
    offset += text.length + 2;
  }
  return { path: 'page.md', format: 'markdown', blocks, directives: [] };
}

/** Each match as `kind:item "text" @block:start-end [negated] [=value]`. */
function found(matcher: Matcher, document: Document): string[] {
  return matcher.match(document).all.map((m) => {
    const text = document.blocks[m.block]!.text.slice(m.textStart, m.textEnd);
    const value = m.value ? ` =${m.value.quantity.kind}:${m.value.quantity.min}${m.value.quantity.max !== m.value.quantity.min ? `-${m.value.quantity.max}` : ''}${m.value.quantity.unit ? ` ${m.value.quantity.unit}` : ''}` : '';
    return `${m.kind}:${m.itemId} "${text}" @${m.block}:${m.start}-${m.end}${m.negated ? ' negated' : ''}${value}`;
  });
}

describe('the matcher', () => {
  it('matches case-insensitively on word boundaries, with source offsets', () => {
    const matcher = new Matcher([phrase('claim', 'best', 'best in the industry')]);
    expect(found(matcher, doc('Simply the Best in the Industry.', 'the bestest in the industry'))).toEqual(['claim:best "Best in the Industry" @0:11-31']);
  });

  it('takes hyphens for spaces and the other way round, curly quotes for straight ones, and runs of white space', () => {
    const matcher = new Matcher([phrase('fact', 'guarantee', '{value} money-back guarantee'), phrase('term', 'dont', "don't sign up")]);
    expect(found(matcher, doc('A 60-day money back  guarantee.', 'Please don’t sign-up twice.'))).toEqual([
      'fact:guarantee "60-day money back  guarantee" @0:2-30 =duration:60 day',
      'term:dont "don’t sign-up" @1:40-53',
    ]);
  });

  it('lets the last word take a plural, and only the last', () => {
    const matcher = new Matcher([phrase('claim', 'box', 'gift box'), phrase('claim', 'wp', 'waterproof')]);
    expect(found(matcher, doc('Two gift boxes, waterproofs too.', 'gifts box'))).toEqual(['claim:box "gift boxes" @0:4-14', 'claim:wp "waterproofs" @0:16-27']);
  });

  it('tries alternatives and optional groups, the longest reading winning', () => {
    const matcher = new Matcher([phrase('fact', 'rw', 'return (it|them|your order)? within {value}')]);
    expect(found(matcher, doc('Return your order within 30 days.', 'You can return within two weeks.', 'Return it with care within 5 days.'))).toEqual([
      'fact:rw "Return your order within 30 days" @0:0-32 =duration:30 day',
      'fact:rw "return within two weeks" @1:43-66 =duration:2 week',
    ]);
  });

  it('never joins words across sentence punctuation', () => {
    const matcher = new Matcher([phrase('promise', 'immediate', 'in stock')]);
    expect(found(matcher, doc('Made in. Stock is low.', 'Always in stock.'))).toEqual(['promise:immediate "in stock" @1:31-39']);
  });

  it('captures ranges and a value that starts at a word, never inside one', () => {
    const matcher = new Matcher([phrase('fact', 'ship', 'free shipping on orders over {value}')]);
    expect(found(matcher, doc('Free shipping on orders over $50.00 today.', 'free shipping on orders over X50'))).toEqual(['fact:ship "Free shipping on orders over $50.00" @0:0-35 =money:50 USD']);
  });

  it('marks matches in a negated clause, for the phrases that assert something', () => {
    const matcher = new Matcher([phrase('promise', 'immediate', 'in stock'), phrase('term', 'tp', 'Trail Pack')]);
    expect(found(matcher, doc('The tent is not in stock.', 'The Trail Pack is not a Trail Pack.', 'Not cheap, but in stock.'))).toEqual([
      'promise:immediate "in stock" @0:16-24 negated',
      // a misspelt term is wrong either way: never negated
      'term:tp "Trail Pack" @1:31-41',
      'term:tp "Trail Pack" @1:51-61',
      'promise:immediate "in stock" @2:79-87',
    ]);
  });

  it('skips the lines of ignored speakers', () => {
    const matcher = new Matcher([phrase('claim', 'best', 'the best')], { ignoredSpeakers: ['Prospect'] });
    expect(found(matcher, doc({ text: 'Is it the best?', speaker: 'Prospect' }, { text: 'It is the best.', speaker: 'Rep' }))).toEqual(['claim:best "the best" @1:23-31']);
  });

  it('keeps the longest of overlapping matches of one item, and matches of other items beside it', () => {
    const matcher = new Matcher([phrase('claim', 'n1', '#1'), phrase('claim', 'n1', '#1 rated'), phrase('claim', 'rated', 'rated')]);
    expect(found(matcher, doc('The #1 rated tent.'))).toEqual(['claim:n1 "#1 rated" @0:4-12', 'claim:rated "rated" @0:7-12']);
  });

  it('runs a regex phrase, reading the value of a fact from its named group', () => {
    const matcher = new Matcher([regex('fact', 'price', 'only (?P<value>\\$\\d+) a month'), regex('claim', 'tp', 'TP-?\\d+')]);
    expect(found(matcher, doc('Only $9 a month for the TP45.'))).toEqual(['fact:price "Only $9 a month" @0:0-15 =money:9 USD', 'claim:tp "TP45" @0:24-28']);
  });

  it('refuses a phrase that was never compiled: a bug, not a user error', () => {
    expect(() => new Matcher([{ kind: 'claim', itemId: 'x', phrase: { source: 'x', isRegex: false, pos: POS } }])).toThrow('phrase "x" was not compiled');
  });
});

describe('the matcher on hostile templates: work counted, not timed', () => {
  const thirteen = `${'(best )?'.repeat(13)}ever`;
  const steps = (template: string, text: string): { count: number; found: string[] } => {
    const counter = { count: 0 };
    const matcher = new Matcher([phrase('claim', 'x', template)], { ignoredSpeakers: [], steps: counter });
    return { found: found(matcher, doc(text)), count: counter.count };
  };

  it('thirteen optional groups that all match: the longest reading is found, and work grows with the words (it was 8,192 paths a word)', () => {
    const short = steps(thirteen, `${'best '.repeat(1_000)}ever`);
    const long = steps(thirteen, `${'best '.repeat(2_000)}ever`);
    expect(short.found).toEqual(['claim:x "best best best best best best best best best best best best best ever" @0:4935-5004']);
    expect(long.found).toHaveLength(1);
    // Each word is a start, and past its first token every (group, word) failure is shared by all
    // starts: under 150 steps a word (about 101 now: each word of the template counts a step), where
    // every path was 2^13.
    expect(short.count).toBeLessThan(1_000 * 150);
    expect(long.count).toBeLessThan(2 * short.count + 1_000);
  });

  it('alternatives that can all be empty at the first word do not multiply either', () => {
    const template = `${'((a )?|(b )?)'.repeat(12)}end`;
    const run = steps(template, `${'a b '.repeat(500)}stop`);
    const twice = steps(template, `${'a b '.repeat(1_000)}stop`);
    expect(run.found).toEqual([]);
    // 231 steps a word now; 2^12 ways to be empty at each start before.
    expect(run.count).toBeLessThan(1_000 * 300);
    expect(twice.count).toBeLessThan(2 * run.count + 1_000);
  });

  it('a reading of 1,000 words and groups matches without overflowing the stack', () => {
    const template = Array.from({ length: 500 }, (_, i) => `(w${i % 7})`).join(' ');
    const text = Array.from({ length: 500 }, (_, i) => `w${i % 7}`).join(' ');
    expect(steps(template, text).found).toHaveLength(1);
  });
});
