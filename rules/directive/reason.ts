/** directive/reason: an inline `onemessage-disable…` directive gives no reason; reported by the engine. */
import type { DocumentRule } from '../../src/lint/rule.js';

export const directiveReason: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'directive/reason',
    description: 'An inline `onemessage-disable…` directive gives no reason after ` -- `.',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      details:
        'Reported by the engine, not by a phrase. Every `onemessage-disable-next-line`, `onemessage-disable-line` and `onemessage-disable` directive must say why after ` -- ` (`<!-- onemessage-disable-next-line claim/forbidden -- approved by legal, LEGAL-112 -->`): a compliance reviewer reads that reason beside the waived finding in the json, SARIF and HTML reports. The directive still suppresses what it names, so the writer sees one finding, at the directive, instead of two. `onemessage-enable` needs no reason. See docs/suppressions.md.',
      bad: {
        spec: 'claims:\n  - id: best-in-industry\n    says: ["best in the industry"]\n    status: forbidden',
        text: 'Our new pack:\n\n<!-- onemessage-disable-next-line claim/forbidden -->\nRated the best in the industry by Trail Weekly.\n',
      },
      good: {
        spec: 'claims:\n  - id: best-in-industry\n    says: ["best in the industry"]\n    status: forbidden',
        text: 'Our new pack:\n\n<!-- onemessage-disable-next-line claim/forbidden -- quoting the Trail Weekly award, approved by legal (LEGAL-112) -->\nRated the best in the industry by Trail Weekly.\n',
      },
    },
  },
  check() {
    // The engine reports directives itself, once every rule has run (src/engine/directives.ts).
  },
};
