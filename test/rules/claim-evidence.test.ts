import { ruleTester } from '../helpers/lint.js';

ruleTester('claim/evidence', {
  spec: `claims:
  - id: clinically-tested
    says: ["clinically tested", "lab tested"]
    status: needs-evidence`,
  valid: [
    { name: 'a link in the paragraph', text: 'Our insoles are clinically tested ([study](https://example.com/study)).\n' },
    { name: 'a footnote reference', text: 'Our insoles are clinically tested.[^1]\n\n[^1]: Smith et al., 2025.\n' },
    { name: 'a reference-style link', text: 'The frame is lab tested ([report][r]).\n\n[r]: https://example.com/report\n' },
    { name: 'a textual citation', text: 'The frame is lab tested to 60 lb [1].\n' },
    { name: 'negated', text: 'These sandals are not lab tested yet.\n' },
  ],
  invalid: [
    {
      name: 'no citation',
      text: 'Our insoles are clinically tested for all-day comfort.\n',
      errors: [{ line: 1, column: 17, endColumn: 34, message: '"clinically tested" (clinically-tested) needs evidence: add a citation (a link or a footnote) in the same paragraph.' }],
    },
    {
      name: 'citation in another paragraph does not count',
      text: '- Every pack is **lab tested** for abrasion.\n\nSee [our lab](https://example.com/lab).\n',
      errors: [{ line: 1, column: 19 }],
    },
  ],
});
