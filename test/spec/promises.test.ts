import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../src/match/template.js';
import { DEFAULT_IMMEDIATE_PROMISES } from '../../src/spec/promises.js';

describe('the built-in promise vocabulary', () => {
  it('is made of valid templates without {value}, and has no duplicates', () => {
    for (const source of DEFAULT_IMMEDIATE_PROMISES) expect(() => parseTemplate(source, { allowValue: false })).not.toThrow();
    expect(new Set(DEFAULT_IMMEDIATE_PROMISES).size).toBe(DEFAULT_IMMEDIATE_PROMISES.length);
  });
});
