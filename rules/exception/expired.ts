/** exception/expired: a spec exception is past its `until` date and no longer applies; reported by the engine. */
import type { DocumentRule } from '../../src/lint/rule.js';

const EXCEPTION = (until: string) =>
  `claims:\n  - id: best-in-industry\n    says: ["best in the industry"]\n    status: forbidden\nexceptions:\n  - files: "marketing/**"\n    rule: claim/forbidden\n    item: best-in-industry\n    reason: Quotes the 2025 Trail Weekly award.\n    approved-by: J. Doe, Legal\n    until: ${until}`;

export const exceptionExpired: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'exception/expired',
    description: 'A spec exception is past its `until` date; it no longer applies.',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      details:
        'An entry of the spec\'s `exceptions` waives one rule (or one spec item of it) in the files its glob names, with a reason, an approver and an optional `until` date. From the day after `until` (judged at `--as-of`, default today) the exception stops applying, so the findings it waived are reported again, and the exception itself is reported once, at its place in the spec, so that someone renews it with a new approval or removes it. See docs/suppressions.md.',
      bad: { spec: EXCEPTION('2025-12-31'), text: 'Rated the best in the industry by Trail Weekly.\n' },
      good: { spec: EXCEPTION('2027-01-31'), text: 'Rated the best in the industry by Trail Weekly.\n' },
    },
  },
  check() {
    // The engine applies exceptions after every rule has run (src/engine/exceptions.ts).
  },
};
