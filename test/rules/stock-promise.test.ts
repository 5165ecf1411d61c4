import { ruleTester } from '../helpers/lint.js';

const PRODUCTS = `products:
  trailpack-45:
    names: ["TrailPack 45", "TP-45"]
    stock: made-to-order
    lead-time: 6-8 weeks
  summit-tent:
    names: ["Summit Tent"]
    stock: in-stock
  ridgeline-stove:
    names: ["Ridgeline Stove"]
    stock: discontinued
  canyon-chair:
    names: ["Canyon Chair"]
    stock: backorder
  ember-lantern:
    names: ["Ember Lantern"]
    stock: limited`;

ruleTester('stock/promise', {
  spec: PRODUCTS,
  valid: [
    { name: 'a negated promise', text: 'The TrailPack 45 is not in stock: each one is sewn to order.\n' },
    { name: '"no longer in stock"', text: 'The Ridgeline Stove is no longer in stock.\n' },
    {
      name: 'a promise in a paragraph about an in-stock product next to one about a made-to-order product',
      text: 'Our Summit Tent sleeps two. In stock and ready to ship.\n\nThe TrailPack 45 is hand-built to your torso length.\n',
    },
    { name: 'two products in one sentence, the promise in the in-stock one\'s clause', text: 'The Summit Tent is in stock, but the TrailPack 45 is made to order.\n' },
    { name: 'a promise about no product in a document about no product', text: 'Everything on this page is in stock and ships today.\n' },
    { name: 'two products in the paragraph: about neither', text: 'Pair the Summit Tent with a TrailPack 45. Both are trail favourites. In stock now.\n' },
    { name: 'an in-stock product named in the paragraph wins over the front matter', text: '---\nproduct: trailpack-45\n---\n\nNeed a shelter too? The Summit Tent is in stock.\n' },
    { name: 'a question', text: 'Is the TrailPack 45 in stock? Ask us before you order.\n' },
    { name: 'limited stock may be in stock', text: 'The Ember Lantern is in stock while supplies last.\n' },
    { name: 'a stated time for a product with a lead time is left to stock/lead-time', text: 'The TrailPack 45 is ready to ship in 6-8 weeks.\n' },
  ],
  invalid: [
    {
      name: 'in the same sentence, adjacent promises reported once',
      text: 'The TrailPack 45 is in stock and ready to ship.\n',
      errors: [{ line: 1, column: 21, endColumn: 47, message: '"in stock and ready to ship" promises immediate availability, but TrailPack 45 (trailpack-45) is made to order with a 6-8 week lead time.' }],
    },
    {
      name: 'the only product of the paragraph',
      text: 'Each TP-45 is cut and sewn in Portland.\nIn stock and ready to ship, it is the last pack you will buy.\n',
      errors: [{ line: 2, column: 1, endColumn: 27, message: '"In stock and ready to ship" promises immediate availability, but TrailPack 45 (trailpack-45) is made to order with a 6-8 week lead time.' }],
    },
    {
      name: 'the only product of the section',
      text: '# Ridgeline Stove\n\nOne burner, two pots, no fuss.\n\nAvailable now at all Acme stores.\n\n## Specs\n\nWeight: 1.2 lb.\n',
      errors: [{ line: 5, column: 1, message: '"Available now" promises immediate availability, but Ridgeline Stove (ridgeline-stove) is discontinued.' }],
    },
    {
      name: 'the product the front matter names',
      text: '---\ntitle: Canyon Chair\nproduct: canyon-chair\n---\n\nOrder today and it ships today.\n',
      errors: [{ line: 6, column: 20, message: '"ships today" promises immediate availability, but Canyon Chair (canyon-chair) is on backorder.' }],
    },
    {
      name: 'the made-to-order product of its own clause',
      text: 'The Summit Tent sells out every spring, while the TrailPack 45 ships today.\n',
      errors: [{ line: 1, column: 64, message: /^"ships today" promises immediate availability, but TrailPack 45/ }],
    },
    {
      name: 'a stated time for a product without a lead time is still a promise',
      text: 'The Ridgeline Stove ships within 24 hours.\n',
      errors: [{ line: 1, column: 21, message: '"ships within 24 hours" promises immediate availability, but Ridgeline Stove (ridgeline-stove) is discontinued.' }],
    },
    {
      name: 'in a sales script line',
      channel: 'sales',
      text: '**Rep:** Good news, the TrailPack 45 is in stock today.\n\n**Prospect:** Great, is it in stock in green?\n',
      errors: [{ line: 1, column: 41, message: '"in stock today" promises immediate availability, but TrailPack 45 (trailpack-45) is made to order with a 6-8 week lead time.' }],
    },
  ],
});

ruleTester('stock/promise', {
  spec: `${PRODUCTS}\npromises:\n  immediate: ["minimal lead time", "available upon request"]\nspeakers:\n  ignore: [Prospect]`,
  valid: [{ name: 'the spec\'s promises replace the built-in vocabulary', text: 'The TrailPack 45 is in stock.\n' }],
  invalid: [
    {
      name: 'a promise of the spec',
      text: 'Custom TrailPack 45 builds with minimal lead time.\n',
      errors: [{ line: 1, column: 33, message: '"minimal lead time" promises immediate availability, but TrailPack 45 (trailpack-45) is made to order with a 6-8 week lead time.' }],
    },
  ],
});
