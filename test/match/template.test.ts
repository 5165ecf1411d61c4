/** Phrase templates: the tree parseTemplate builds, every syntax error with its message and index, and countExpansions. */
import { describe, expect, it } from 'vitest';
import { countExpansions, parseTemplate, TemplateSyntaxError, type TemplateNode } from '../../src/match/template.js';

const w = (word: string): TemplateNode => ({ type: 'word', word });
const value: TemplateNode = { type: 'value' };
const p = (text: string): TemplateNode => ({ type: 'punct', text });
const group = (options: TemplateNode[][], optional = false): TemplateNode => ({ type: 'group', options, optional });

/** The error parseTemplate throws, as { message, index }. */
function syntaxError(source: string, options?: { allowValue: boolean }): { message: string; index: number } {
  try {
    parseTemplate(source, options);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    const { message, index, name } = error as TemplateSyntaxError;
    expect(name).toBe('TemplateSyntaxError');
    return { message, index };
  }
  throw new Error(`expected ${JSON.stringify(source)} to be refused`);
}

describe('parseTemplate', () => {
  it('reads words through the tokeniser: folded, hyphens split, punctuation kept where it stands', () => {
    expect(parseTemplate('Money-Back Guarantee')).toEqual({ source: 'Money-Back Guarantee', nodes: [w('money'), w('back'), w('guarantee')], display: [{ type: 'text', text: 'Money-Back Guarantee' }], hasValue: false });
    expect(parseTemplate('best in the industry!').nodes).toEqual([w('best'), w('in'), w('the'), w('industry'), p('!')]);
    expect(parseTemplate('#1 rated').nodes).toEqual([w('#1'), w('rated')]);
  });

  it('reads {value} as a slot, anywhere a word may stand', () => {
    expect(parseTemplate('return it within {value}')).toEqual({
      source: 'return it within {value}',
      nodes: [w('return'), w('it'), w('within'), value],
      // the same parse, as a reader is shown it: literal text as written, escapes undone
      display: [{ type: 'text', text: 'return it within ' }, { type: 'value' }],
      hasValue: true,
    });
    expect(parseTemplate('{value}-day returns').nodes).toEqual([value, w('day'), w('returns')]);
    expect(parseTemplate('(a|{value}) days')).toMatchObject({ nodes: [group([[w('a')], [value]]), w('days')], hasValue: true });
  });

  it('reads groups of alternatives, each a sequence of words', () => {
    expect(parseTemplate('(free|no-cost) shipping').nodes).toEqual([group([[w('free')], [w('no'), w('cost')]]), w('shipping')]);
    expect(parseTemplate('a(b)c').nodes).toEqual([w('a'), group([[w('b')]]), w('c')]);
  });

  it('reads a group followed by ? as optional', () => {
    expect(parseTemplate('(very )?light').nodes).toEqual([group([[w('very')]], true), w('light')]);
    expect(parseTemplate('return (it|them|your order)? within {value}').nodes).toEqual([
      w('return'),
      group([[w('it')], [w('them')], [w('your'), w('order')]], true),
      w('within'),
      value,
    ]);
  });

  it('nests groups', () => {
    expect(parseTemplate('((a|b) c|d) e').nodes).toEqual([group([[group([[w('a')], [w('b')]]), w('c')], [w('d')]]), w('e')]);
  });

  it('takes a backslash-escaped special character as text, which the tokeniser then reads', () => {
    // the escaped characters are literal, not syntax; as text, brackets and ? are not word characters
    expect(parseTemplate('\\(beta\\) access').nodes).toEqual([p('('), w('beta'), p(')'), w('access')]);
    expect(parseTemplate('what\\?').nodes).toEqual([w('what'), p('?')]);
    expect(parseTemplate('\\{value\\} days')).toMatchObject({ nodes: [p('{'), w('value'), p('}'), w('days')], hasValue: false });
    expect(parseTemplate('a\\|b').nodes).toEqual([w('a'), p('|'), w('b')]);
    // a word keeps one trailing +, so "C++" is "c+" and a second +, which the text holds too
    expect(parseTemplate('C\\+\\+ support').nodes).toEqual([w('c+'), p('+'), w('support')]);
  });

  it('keeps the punctuation between words and around {value}, white space, hyphens and quotes aside', () => {
    expect(parseTemplate('{value}/mo').nodes).toEqual([value, p('/'), w('mo')]);
    expect(parseTemplate('Team \\({value}/month\\)').nodes).toEqual([w('team'), p('('), value, p('/'), w('month'), p(')')]);
    expect(parseTemplate('fast, free shipping').nodes).toEqual([w('fast'), p(','), w('free'), w('shipping')]);
    expect(parseTemplate('fast , free').nodes).toEqual([w('fast'), p(','), w('free')]);
    expect(parseTemplate("no-fuss 'free' returns").nodes).toEqual([w('no'), w('fuss'), w('free'), w('returns')]);
    expect(parseTemplate('(monthly|yearly), billed').nodes).toEqual([group([[w('monthly')], [w('yearly')]]), p(','), w('billed')]);
  });

  it('refuses punctuation the value reads into itself, pointing at it', () => {
    expect(syntaxError('from ${value}')).toEqual({ message: '"$" before {value} is read as part of the value: write {value} alone, the currency is in the value', index: 5 });
    expect(syntaxError('save {value}% today')).toEqual({ message: '"%" after {value} is read as part of the value: write {value} alone, the percent sign is in the value', index: 12 });
    expect(parseTemplate('from $ {value}').nodes).toEqual([w('from'), p('$'), value]);
  });

  it('allows {value} by default, and refuses it where a phrase takes no value', () => {
    expect(parseTemplate('{value} days').hasValue).toBe(true);
    expect(parseTemplate('{value} days', { allowValue: true }).hasValue).toBe(true);
    expect(syntaxError('{value} days', { allowValue: false })).toEqual({ message: "{value} is only meaningful in a fact's says", index: 0 });
  });

  it.each([
    ['a trailing backslash', 'a\\', 'a backslash at the end escapes nothing', 1],
    ['a ) with no (', 'a)', 'unbalanced ")": no "(" opens it', 1],
    ['a | outside a group', 'a|b', '"|" outside a group: write alternatives as (a|b)', 1],
    ['a ? after a word', 'a?', '"?" must follow a group, as in (very )?', 1],
    ['a second ? after a group', '(a)??', '"?" must follow a group, as in (very )?', 4],
    ['a { never closed', '{value', 'unbalanced "{": expected {value}', 0],
    ['a misspelt slot never closed', 'x {valu', 'unbalanced "{": expected {value}', 2],
    ['an unknown slot', 'save {price} now', 'unknown slot {price}: the only slot is {value}', 5],
    ['an empty slot', '{} off', 'unknown slot {}: the only slot is {value}', 0],
    ['a } with no {', 'a}', 'unbalanced "}"', 1],
    ['a ( never closed, at the (', 'x (a b', 'unbalanced "(": no ")" closes it', 2],
    ['the outer of two ( when one is closed', 'x ((a) b', 'unbalanced "(": no ")" closes it', 2],
    ['an empty last alternative, at its group', 'x (a|)', 'an empty alternative: use (a|b)? to make a group optional', 2],
    ['an empty first alternative, at its group', 'x (|a)', 'an empty alternative: use (a|b)? to make a group optional', 2],
    ['an empty group', '()', 'an empty alternative: use (a|b)? to make a group optional', 0],
    ['nothing', '', 'the template has no words to match', 0],
    ['only spaces', '   ', 'the template has no words to match', 0],
    ['only punctuation', '!!!', 'the template has no words to match', 0],
    ['only an optional group', '(a|b)?', 'the template has no words to match', 0],
    ['only an optional value', '({value})?', 'the template has no words to match', 0],
  ])('refuses %s: %j', (_name, source, message, index) => {
    expect(syntaxError(source)).toEqual({ message, index });
  });
});

describe('countExpansions', () => {
  const count = (source: string) => countExpansions(parseTemplate(source).nodes);

  it('counts the word sequences a template can stand for', () => {
    expect(count('best in the industry')).toBe(1);
    expect(count('return it within {value}')).toBe(1);
    expect(count('(a|b) (c|d|e)')).toBe(6);
    expect(count('(a|b)? c')).toBe(3);
    expect(count('a (b)? (c)? d')).toBe(4);
    expect(count('((a|b) c|d) e')).toBe(3);
    expect(count('return (it|them|your order)? within {value}')).toBe(4);
  });

  it('stops at a billion, however many a hostile template has', () => {
    const pairs = (n: number) => Array.from({ length: n }, () => '(a|b)').join(' ');
    expect(count(pairs(29))).toBe(2 ** 29);
    expect(count(pairs(30))).toBe(1e9);
    expect(count(pairs(200))).toBe(1e9);
  });
});

describe('bounds on hostile templates', () => {
  const nested = (depth: number) => `${'('.repeat(depth)}a${')'.repeat(depth)}`;

  it('refuses groups nested more than 16 deep at the 17th "(", before parsing recursion can overflow (2,000 levels did)', () => {
    expect(() => parseTemplate(nested(16))).not.toThrow();
    expect(syntaxError(nested(17))).toEqual({ message: 'groups nested more than 16 deep', index: 16 });
    expect(syntaxError(nested(2_000))).toEqual({ message: 'groups nested more than 16 deep', index: 16 });
  });

  it('refuses a reading longer than 1,000 words and groups (20,000 words overflowed the matcher), but not 10,000 alternatives', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(() => parseTemplate(words(1_000))).not.toThrow();
    expect(syntaxError(words(1_001))).toEqual({ message: 'a reading of more than 1,000 words: split it into several phrases', index: 0 });
    expect(syntaxError(words(20_000)).index).toBe(0);
    expect(() => parseTemplate(`(${Array.from({ length: 10_000 }, (_, i) => `w${i}`).join('|')})`)).not.toThrow();
  });
});
