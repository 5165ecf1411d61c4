import { describe, expect, it } from 'vitest';
import { specErrors } from './helpers.js';

const product = (leadTime: string) => `version: 1\nproducts:\n  trailpack-45:\n    names: ["TrailPack 45"]\n    stock: made-to-order\n    lead-time: ${leadTime}\n`;

describe('a product lead-time', () => {
  it('loads when it is a duration or a range of durations', () => {
    for (const ok of ['6-8 weeks', '10 business days', '3 months', 'two weeks', '"48 hours"']) expect(specErrors(product(ok))).toEqual([]);
  });

  it('is refused at its value when it is no duration', () => {
    expect(specErrors(product('soon'))).toEqual([
      'onemessage.yaml:6:16: expected a duration such as "6-8 weeks", "10 business days" or "3 months" at products.trailpack-45.lead-time, found "soon"',
    ]);
    expect(specErrors(product('"$50"'))).toEqual([
      'onemessage.yaml:6:16: expected a duration such as "6-8 weeks", "10 business days" or "3 months" at products.trailpack-45.lead-time, found "$50"',
    ]);
    expect(specErrors(product('6-8 weeks or so'))).toHaveLength(1);
  });
});
