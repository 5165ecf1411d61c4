import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../src/match/template.js';
import { DELIVERY_TEMPLATES } from '../../src/spec/delivery.js';

describe('the built-in delivery vocabulary', () => {
  it('is made of valid templates, each with {value}, and has no duplicates', () => {
    for (const source of DELIVERY_TEMPLATES) expect(parseTemplate(source, { allowValue: true }).hasValue).toBe(true);
    expect(new Set(DELIVERY_TEMPLATES).size).toBe(DELIVERY_TEMPLATES.length);
  });
});
