import { ruleTester } from '../helpers/lint.js';

ruleTester('claim/forbidden', {
  spec: `claims:
  - id: best-in-industry
    says: ["best in the industry", "#1 rated", "number one"]
    status: forbidden
    message: Superiority claims need substantiation we do not have.
    suggest: highly rated by our customers`,
  valid: [
    { name: 'approved wording', text: 'Our packs are highly rated by our customers.\n' },
    { name: 'negated clause', text: 'We never claim to be the best in the industry; we let reviews speak.\n' },
    { name: "negated with don't", text: "We don't say we're #1 rated.\n" },
    { name: 'inside a fenced code block', text: '# Style notes\n\n```text\nnever write "best in the industry"\n```\n' },
    { name: 'inside inline code', text: 'Avoid the phrase `best in the industry` in copy.\n' },
    { name: 'inside an HTML comment', text: '<!-- best in the industry -->\nOur packs are light.\n' },
    { name: 'words apart across a sentence end', text: 'We are the best. In the industry, that is rare.\n' },
    { name: 'a longer token that starts like the phrase', text: 'Outdoor Weekly had us #10 rated last year.\n' },
  ],
  invalid: [
    {
      name: 'plain claim, message with suggestion',
      text: 'Acme packs are the best in the industry.\n',
      errors: [{ line: 1, column: 20, endLine: 1, endColumn: 40, message: '"best in the industry" is a forbidden claim (best-in-industry). Superiority claims need substantiation we do not have. Say "highly rated by our customers" instead.' }],
    },
    {
      name: 'markup inside the phrase',
      text: 'Acme packs are the **best** in the _industry_.\n',
      errors: [{ line: 1, column: 22, endLine: 1, endColumn: 45 }],
    },
    {
      name: 'phrase split over a line break',
      text: 'Our customers call us the best in\nthe industry, and we agree.\n',
      errors: [{ line: 1, column: 27, endLine: 2, endColumn: 13 }],
    },
    {
      name: 'case and a link around a word',
      text: '## Why Acme\n\nRated [#1 Rated](https://example.com/reviews) by hikers.\n',
      errors: [{ line: 3, column: 8, endLine: 3, endColumn: 16, message: /"#1 Rated" is a forbidden claim/ }],
    },
    {
      name: 'in any channel',
      text: 'We are number one for a reason.\n',
      channel: 'support',
      errors: [{ line: 1, column: 8 }],
    },
  ],
});
