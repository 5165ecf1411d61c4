import { expect, it } from 'vitest';
import { specErrors } from '../spec/helpers.js';
import { ruleTester } from '../helpers/lint.js';

ruleTester('stock/claim', {
  spec: `products:
  summit-tent:
    names: ["Summit Tent"]
    stock: in-stock
  ember-lantern:
    names: ["Ember Lantern"]
    stock: limited
  trailpack-45:
    names: ["TrailPack 45"]
    stock: made-to-order
claims:
  - id: scarcity
    says: ["only a few left", "selling fast", "almost sold out"]
    status: allowed
    stock: [limited]
    message: Say it only while stock is limited.`,
  valid: [
    { name: 'about a product whose stock is limited', text: 'The Ember Lantern is selling fast this spring.\n' },
    { name: 'the limited product of the paragraph, an in-stock one in the next', text: 'We have only a few left of the Ember Lantern.\n\nThe Summit Tent pitches in four minutes.\n' },
    { name: 'negated', text: 'The Summit Tent is not selling fast, and that is fine.\n' },
  ],
  invalid: [
    {
      name: 'about an in-stock product',
      text: 'The Summit Tent is selling fast this spring.\n',
      errors: [{ line: 1, column: 20, endColumn: 32, message: '"selling fast" (scarcity) is only true of a product whose stock is limited, but Summit Tent (summit-tent) is in-stock. Say it only while stock is limited.' }],
    },
    {
      name: 'about a made-to-order product, found through the section',
      text: '# TrailPack 45\n\nHand-built in Portland. Almost sold out for spring!\n',
      errors: [{ line: 3, column: 25, message: /^"Almost sold out" \(scarcity\) is only true of a product whose stock is limited, but TrailPack 45 \(trailpack-45\) is made-to-order\./ }],
    },
    {
      name: 'about no product',
      text: 'Only a few left at this price!\n',
      errors: [{ line: 1, column: 1, message: '"Only a few left" (scarcity) is only true of a product whose stock is limited, and it names no product the spec lists. Say it only while stock is limited.' }],
    },
  ],
});

it('refuses a claim stock state that does not exist', () => {
  expect(specErrors('version: 1\nclaims:\n  - id: s\n    says: ["selling fast"]\n    status: allowed\n    stock: [limted]\n')).toEqual([
    'onemessage.yaml:6:13: expected one of in-stock, limited, backorder, made-to-order, preorder, discontinued at claims[0].stock[0], found "limted"; did you mean "limited"?',
  ]);
});
