import { ruleTester } from '../helpers/lint.js';

ruleTester('stock/lead-time', {
  spec: `products:
  trailpack-45:
    names: ["TrailPack 45", "TP-45"]
    stock: made-to-order
    lead-time: 6-8 weeks
  summit-tent:
    names: ["Summit Tent"]
    stock: in-stock
  canyon-chair:
    names: ["Canyon Chair"]
    stock: backorder
    lead-time: 10 business days`,
  valid: [
    { name: 'the lead time itself', text: 'Each TrailPack 45 ships in 6-8 weeks.\n' },
    { name: 'longer than the lead time', text: 'The TrailPack 45 is delivered within 2 months.\n' },
    { name: 'a range whose upper bound reaches the lower bound of the lead time', text: 'Your TP-45 ships in 4-6 weeks.\n' },
    { name: 'two weeks is 14 days, the same as 10 business days', text: 'The Canyon Chair arrives within two weeks.\n' },
    { name: 'a product without a lead time', text: 'The Summit Tent ships in 2 days.\n' },
    { name: 'a negated delivery time', text: 'The TrailPack 45 does not ship in 3 days: it is sewn to order.\n' },
    { name: 'no product', text: 'Most orders ship in 2 days.\n' },
    { name: 'money is no time', text: 'TrailPack 45: $15 shipping to Canada.\n' },
  ],
  invalid: [
    {
      name: 'a shorter time in the same sentence',
      text: 'Order the TrailPack 45 today and it ships in 10 days.\n',
      errors: [{ line: 1, column: 37, endColumn: 53, message: '"ships in 10 days" promises delivery in 10 days, but TrailPack 45 (trailpack-45) has a 6-8 week lead time.' }],
    },
    {
      name: 'an immediate promise with a time, for a product with a lead time',
      text: 'Every TP-45 is dispatched within 24 hours.\n',
      errors: [{ line: 1, column: 16, message: '"dispatched within 24 hours" promises delivery in 24 hours, but TrailPack 45 (trailpack-45) has a 6-8 week lead time.' }],
    },
    {
      name: 'business days, and the only product of the paragraph',
      text: 'The Canyon Chair folds flat. Free 5-day shipping on every order.\n',
      errors: [{ line: 1, column: 35, message: '"5-day shipping" promises delivery in 5 days, but Canyon Chair (canyon-chair) has a 10 business day lead time.' }],
    },
    {
      name: 'the front matter product',
      text: '---\nproduct: trailpack-45\n---\n\nOrder by Friday: delivered within a week.\n',
      errors: [{ line: 5, column: 18, message: '"delivered within a week" promises delivery in 1 week, but TrailPack 45 (trailpack-45) has a 6-8 week lead time.' }],
    },
  ],
});
