/** exception/expired: a spec exception is past its `until` date and no longer applies. */
import type { WaiverRule } from '../../src/lint/rule.js';

const EXCEPTION = (until: string) =>
  `claims:\n  - id: best-in-industry\n    says: ["best in the industry"]\n    status: forbidden\nexceptions:\n  - files: "marketing/**"\n    rule: claim/forbidden\n    item: best-in-industry\n    reason: Quotes the 2025 Trail Weekly award.\n    approved-by: J. Doe, Legal\n    until: ${until}`;

export const exceptionExpired: WaiverRule = {
  kind: 'waiver',
  stage: 'exceptions',
  meta: {
    id: 'exception/expired',
    description: 'A spec exception is past its `until` date; it no longer applies.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      expired: 'The exception for {{label}} expired on {{until}}; it no longer applies. Renew it with a new "until" or remove it.',
      expiredApproved: 'The exception for {{label}} expired on {{until}} (approved by {{approver}}); it no longer applies. Renew it with a new "until" or remove it.',
    },
    docs: {
      details:
        'An entry of the spec\'s `exceptions` waives one rule (or one spec item of it) in the files its glob names, with a reason, an approver and an optional `until` date. From the day after `until` (judged at `--as-of`, default today) the exception stops applying, so the findings it waived are reported again, and the exception itself is reported once, at its place in the spec, so that someone renews it with a new approval or removes it. See docs/suppressions.md.',
      bad: { spec: EXCEPTION('2025-12-31'), text: 'Rated the best in the industry by Trail Weekly.\n' },
      good: { spec: EXCEPTION('2027-01-31'), text: 'Rated the best in the industry by Trail Weekly.\n' },
    },
  },
  check({ exceptions, report }) {
    for (const { exception, expired } of exceptions) {
      if (!expired) continue;
      const label = `${exception.rule}${exception.item ? `:${exception.item}` : ''} in "${exception.files}"`;
      const until = exception.until ?? '';
      const { line, column, file } = exception.pos;
      const start = { line, column, offset: exception.at.offset };
      report(
        { path: file, start, end: start, excerpt: exception.at.lineText },
        {
          ...(exception.approvedBy ? { messageId: 'expiredApproved', data: { label, until, approver: exception.approvedBy } } : { messageId: 'expired', data: { label, until } }),
          item: { kind: 'exception', id: label, pos: exception.pos },
          identity: until,
        },
      );
    }
  },
};
