import { describe, expect, it } from 'vitest';
import { FormatError } from '../../src/model/document.js';
import { member, parseJson, stringMap, type JsonString } from '../../src/formats/json-scan.js';

function failure(text: string): { message: string; offset: number | undefined } {
  try {
    parseJson(text);
  } catch (error) {
    if (error instanceof FormatError) return { message: error.message, offset: error.offset };
    throw error;
  }
  throw new Error('parsed');
}

describe('json-scan', () => {
  it('records the source range of every value, and reads as JSON.parse does', () => {
    const text = '{ "id": 360001234567890123, "title": "A \\"B\\"", "tags": [true, null, -1.5e3], "id2": {} }';
    const root = parseJson(text);
    expect(root).toMatchObject({ kind: 'object', start: 0, end: text.length });
    expect(member(root, 'id')).toEqual({ kind: 'number', raw: '360001234567890123', start: 8, end: 26 });
    const title = member(root, 'title') as JsonString;
    expect(title.value).toBe(JSON.parse(text).title);
    expect(text.slice(title.start, title.end)).toBe('"A \\"B\\""');
    expect(member(root, 'tags')).toMatchObject({ kind: 'array', items: [{ kind: 'true' }, { kind: 'null' }, { kind: 'number', raw: '-1.5e3' }] });
  });

  it('keeps the last of duplicate keys, as JSON.parse does', () => {
    expect(member(parseJson('{"a": "x", "a": "y"}'), 'a')).toMatchObject({ value: 'y' });
  });

  it('maps each decoded character of a string to its escape', () => {
    const text = '"It\\u2019s \\"new\\"\\n\\ud83d\\ude00!"';
    const value = parseJson(text) as JsonString;
    expect(value.value).toBe('It’s "new"\n😀!');
    const map = stringMap(text, value);
    const spelling = (i: number) => text.slice(map.start(i), map.end(i));
    expect(Array.from({ length: value.value.length }, (_, i) => spelling(i))).toEqual(
      ['I', 't', '\\u2019', 's', ' ', '\\"', 'n', 'e', 'w', '\\"', '\\n', '\\ud83d', '\\ude00', '!'],
    );
    expect(map.start(value.value.length)).toBe(text.length - 1);
  });

  it('reports truncated JSON at the end of the file', () => {
    expect(failure('{"macros": [{"id": 1, "title": "Ret')).toEqual({ message: 'invalid JSON: expected a closing quote but found end of file', offset: 35 });
    expect(failure('{"macros": [{"id": 1}')).toEqual({ message: "invalid JSON: expected ',' or ']' but found end of file", offset: 21 });
  });

  it('reads 100000 levels of nesting without overflowing the stack, and reports them truncated', () => {
    const depth = 100_000;
    expect(failure('['.repeat(depth))).toEqual({ message: 'invalid JSON: expected a value but found end of file', offset: depth });
    expect(parseJson('['.repeat(depth) + ']'.repeat(depth))).toMatchObject({ kind: 'array', start: 0, end: 2 * depth });
  });

  it('is strict: no trailing commas, comments, raw control characters, bad escapes or numbers', () => {
    expect(failure('[1, 2,]')).toEqual({ message: "invalid JSON: expected a value but found ']'", offset: 6 });
    expect(failure('{"a": 1 // note\n}')).toEqual({ message: "invalid JSON: expected ',' or '}' but found '/'", offset: 8 });
    expect(failure('["a\tb"]')).toEqual({ message: "invalid JSON: expected a control character to be escaped but found '\\t'", offset: 3 });
    expect(failure('["\\x41"]')).toEqual({ message: "invalid JSON: invalid escape but found '\\'", offset: 2 });
    expect(failure('[012]')).toEqual({ message: "invalid JSON: invalid number but found '1'", offset: 2 });
    expect(failure('{"a": 1} x')).toEqual({ message: "invalid JSON: unexpected 'x' after the JSON value", offset: 9 });
    expect(failure('')).toEqual({ message: 'invalid JSON: expected a value but found end of file', offset: 0 });
  });
});
