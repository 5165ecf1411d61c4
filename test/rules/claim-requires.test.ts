import { ruleTester } from '../helpers/lint.js';

ruleTester('claim/requires', {
  spec: `claims:
  - id: waterproof
    says: ["waterproof"]
    status: allowed
    requires: [ip-rating]
  - id: clinically-proven
    says: ["clinically proven"]
    status: allowed
    requires: [study-citation]
disclosures:
  ip-rating:
    include: ["IPX4", "IPX7"]
    within: paragraph
  study-citation:
    include: ["in a 2025 study of"]
    within: section
    before: true
    channels: [marketing]`,
  valid: [
    { name: 'the disclosure in the paragraph', text: 'The roll-top dry bag is waterproof (rated IPX7) from top to bottom.\n' },
    { name: 'the disclosure earlier in the paragraph', text: '- IPX4 rated: the shell is waterproof in a downpour.\n' },
    { name: 'a negated claim', text: 'The mesh daypack is not waterproof, so pack a liner.\n' },
    { name: 'before, in the section', text: '## Comfort\n\nIn a 2025 study of 120 hikers, our insole cut heel pain.\n\nIt is clinically proven to help.\n' },
    { name: 'outside the disclosure\'s channels', channel: 'support', text: 'Our insole is clinically proven to cut heel pain.\n' },
  ],
  invalid: [
    {
      name: 'no disclosure',
      text: 'The roll-top dry bag is waterproof from top to bottom.\n',
      errors: [{ line: 1, column: 25, endColumn: 35, message: '"waterproof" (waterproof) needs the ip-rating disclosure ("IPX4" or "IPX7") in the same paragraph.' }],
    },
    {
      name: 'the disclosure in the next paragraph',
      text: '- The new shell is **waterproof** from the hood down.\n- Rated IPX4 for rain.\n',
      errors: [{ line: 1, column: 22 }],
    },
    {
      name: 'the disclosure after the claim where it must come before',
      text: '## Comfort\n\nOur insole is clinically proven to cut heel pain.\n\nIn a 2025 study of 120 hikers, heel pain fell by a third.\n',
      errors: [{ line: 3, column: 15, message: 'The study-citation disclosure "In a 2025 study of" comes after "clinically proven" (clinically-proven); put it before.' }],
    },
  ],
});
