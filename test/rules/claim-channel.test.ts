import { ruleTester } from '../helpers/lint.js';

ruleTester('claim/channel', {
  spec: `claims:
  - id: lifetime-warranty
    says: ["lifetime warranty"]
    status: allowed
    channels: [marketing, sales]`,
  valid: [
    { name: 'allowed channel: marketing', text: 'Every pack comes with a lifetime warranty.\n', channel: 'marketing' },
    { name: 'allowed channel: sales', text: 'And yes, it has a lifetime warranty.\n', channel: 'sales' },
    { name: 'negated in support', text: "We don't offer a lifetime warranty on clearance items.\n", channel: 'support' },
    { name: 'a file in no channel', text: 'Every pack comes with a lifetime warranty.\n', file: 'misc/notes.md' },
  ],
  invalid: [
    {
      name: 'support may not say it',
      text: 'Hi Dana,\n\nEvery Acme pack carries a lifetime warranty against defects.\n',
      channel: 'support',
      errors: [{ line: 3, column: 27, endLine: 3, endColumn: 44, message: '"lifetime warranty" (lifetime-warranty) may only be said in marketing and sales, not in support.' }],
    },
    {
      name: 'front matter channel wins over the folder',
      text: '---\nchannel: support\n---\n\nIt has a Lifetime Warranty.\n',
      channel: 'marketing',
      errors: [{ line: 5, column: 10 }],
    },
  ],
});
