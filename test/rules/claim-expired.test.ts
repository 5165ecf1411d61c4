import { ruleTester } from '../helpers/lint.js';

const spec = `claims:
  - id: black-friday-40
    says: ["40% off everything"]
    status: allowed
    valid: { from: 2026-11-27, until: 2026-11-30 }`;

ruleTester('claim/expired', {
  spec,
  valid: [
    { name: 'on the first day', text: 'Today only: 40% off everything.\n', asOf: '2026-11-27' },
    { name: 'on the last day', text: 'Last chance: 40% off everything.\n', asOf: '2026-11-30' },
  ],
  invalid: [
    {
      name: 'after the window',
      text: 'Black Friday is here: **40% off everything** in the store.\n',
      asOf: '2026-12-01',
      errors: [{ line: 1, column: 25, endColumn: 43, message: '"40% off everything" (black-friday-40) is only valid from 2026-11-27 until 2026-11-30; as of 2026-12-01 it has expired.' }],
    },
    {
      name: 'before the window',
      text: 'Coming soon: 40% off everything.\n',
      asOf: '2026-11-23',
      errors: [{ line: 1, column: 14, message: /as of 2026-11-23 it has not started/ }],
    },
  ],
});
