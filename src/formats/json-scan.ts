/**
 * A strict RFC 8259 JSON reader that keeps the source range of every value, iterative so that
 * no nesting depth can overflow the stack; macro exports need positions that JSON.parse loses.
 */
import { FormatError } from '../model/document.js';
import { startsMap, type OffsetMap } from './offset-map.js';

interface Located {
  /** source offset of the value's first character (a string's opening quote) */
  start: number;
  /** source offset just past the value */
  end: number;
}

export interface JsonObject extends Located {
  kind: 'object';
  entries: JsonEntry[];
}
export interface JsonEntry {
  key: string;
  keyStart: number;
  value: JsonValue;
}
export interface JsonArray extends Located {
  kind: 'array';
  items: JsonValue[];
}
export interface JsonString extends Located {
  kind: 'string';
  value: string;
}
export interface JsonNumber extends Located {
  kind: 'number';
  /** the number as written, so a large id keeps every digit */
  raw: string;
}
export interface JsonLiteral extends Located {
  kind: 'true' | 'false' | 'null';
}
export type JsonValue = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Reads a whole JSON text; throws FormatError with the offset of the first error. */
export function parseJson(text: string): JsonValue {
  return new Scanner(text).document();
}

class Scanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): JsonValue {
    const stack: Array<{ container: JsonObject | JsonArray; key?: { key: string; keyStart: number } }> = [];
    for (;;) {
      this.skipSpace();
      let value: JsonValue;
      const c = this.text[this.pos];
      if (c === '{' || c === '[') {
        const start = this.pos++;
        this.skipSpace();
        const close = c === '{' ? '}' : ']';
        if (this.text[this.pos] === close) {
          this.pos++;
          value = c === '{' ? { kind: 'object', entries: [], start, end: this.pos } : { kind: 'array', items: [], start, end: this.pos };
        } else {
          const container: JsonObject | JsonArray =
            c === '{' ? { kind: 'object', entries: [], start, end: -1 } : { kind: 'array', items: [], start, end: -1 };
          stack.push({ container, ...(c === '{' ? { key: this.key() } : {}) });
          continue;
        }
      } else {
        value = this.scalar();
      }
      // Attach the finished value, closing every container it completes.
      for (;;) {
        const frame = stack[stack.length - 1];
        if (!frame) {
          this.skipSpace();
          if (this.pos < this.text.length) this.fail('unexpected', 'after the JSON value');
          return value;
        }
        const { container } = frame;
        if (container.kind === 'object') container.entries.push({ ...frame.key!, value });
        else container.items.push(value);
        this.skipSpace();
        const next = this.text[this.pos];
        const close = container.kind === 'object' ? '}' : ']';
        if (next === ',') {
          this.pos++;
          if (container.kind === 'object') {
            this.skipSpace();
            frame.key = this.key();
          }
          break;
        }
        if (next !== close) this.fail(`expected ',' or '${close}'`);
        this.pos++;
        container.end = this.pos;
        stack.pop();
        value = container;
      }
    }
  }

  /** A member name and its colon. */
  private key(): { key: string; keyStart: number } {
    if (this.text[this.pos] !== '"') this.fail('expected a string key');
    const keyStart = this.pos;
    const key = this.string().value;
    this.skipSpace();
    if (this.text[this.pos] !== ':') this.fail("expected ':'");
    this.pos++;
    return { key, keyStart };
  }

  private scalar(): JsonValue {
    const c = this.text[this.pos];
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null'] as const) {
      if (this.text.startsWith(literal, this.pos)) {
        const start = this.pos;
        this.pos += literal.length;
        return { kind: literal, start, end: this.pos };
      }
    }
    return this.fail('expected a value');
  }

  private string(): JsonString {
    const start = this.pos++;
    const parts: string[] = [];
    let chunk = this.pos;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (Number.isNaN(code)) this.fail('expected a closing quote');
      if (code === 0x22) break;
      if (code < 0x20) this.fail('expected a control character to be escaped');
      if (code !== 0x5c) {
        this.pos++;
        continue;
      }
      parts.push(this.text.slice(chunk, this.pos));
      const escape = this.text[this.pos + 1];
      if (escape === 'u') {
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape');
        parts.push(String.fromCharCode(parseInt(hex, 16)));
        this.pos += 6;
      } else if (escape !== undefined && escape in ESCAPES) {
        parts.push(ESCAPES[escape]!);
        this.pos += 2;
      } else {
        this.fail('invalid escape');
      }
      chunk = this.pos;
    }
    parts.push(this.text.slice(chunk, this.pos));
    this.pos++;
    return { kind: 'string', value: parts.join(''), start, end: this.pos };
  }

  private number(): JsonNumber {
    const start = this.pos;
    const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    match.lastIndex = start;
    const found = match.exec(this.text);
    if (!found) this.fail('invalid number');
    this.pos = start + found![0].length;
    const after = this.text[this.pos];
    if (after !== undefined && /[0-9.eE+\-]/.test(after)) this.fail('invalid number');
    return { kind: 'number', raw: found![0], start, end: this.pos };
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  private fail(expected: string, suffix?: string): never {
    const found = this.text[this.pos];
    // Control characters are shown escaped so the one-line message stays one line.
    const shown = found !== undefined && found < ' ' ? JSON.stringify(found).slice(1, -1) : found;
    const what = found === undefined ? 'end of file' : `'${shown}'`;
    const message = suffix ? `${expected} ${what} ${suffix}` : `${expected} but found ${what}`;
    throw new FormatError(`invalid JSON: ${message}`, Math.min(this.pos, this.text.length));
  }
}

/** Where each character of a string value is spelled in the file, through its escapes. */
export function stringMap(text: string, value: JsonString): OffsetMap {
  const starts: number[] = [];
  let pos = value.start + 1;
  const end = value.end - 1;
  while (pos < end) {
    starts.push(pos);
    if (text[pos] !== '\\') pos++;
    else pos += text[pos + 1] === 'u' ? 6 : 2;
  }
  starts.push(end);
  return startsMap(starts);
}

/** The last member named `key`, as JSON.parse would keep it. */
export function member(object: JsonValue | undefined, key: string): JsonValue | undefined {
  if (object?.kind !== 'object') return undefined;
  for (let i = object.entries.length - 1; i >= 0; i--) if (object.entries[i]!.key === key) return object.entries[i]!.value;
  return undefined;
}

/** A member's string value, or undefined. */
export function stringMember(object: JsonValue | undefined, key: string): JsonString | undefined {
  const value = member(object, key);
  return value?.kind === 'string' ? value : undefined;
}
