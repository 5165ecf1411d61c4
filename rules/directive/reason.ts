/** directive/reason: an inline `onemessage-disable…` directive gives no reason. */
import { REASON_PLACEHOLDER } from '../../src/lint/directives.js';
import type { MessageRef, WaiverRule } from '../../src/lint/rule.js';
import { directivePlace } from './place.js';

export const directiveReason: WaiverRule = {
  kind: 'waiver',
  stage: 'directives',
  meta: {
    id: 'directive/reason',
    description: 'An inline `onemessage-disable…` directive gives no reason after ` -- `.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      reason: 'This {{directive}} directive gives no reason; write one after " -- " (e.g. "-- approved by legal, LEGAL-112").',
      placeholder: 'This {{directive}} directive\'s reason is still the placeholder "{{placeholder}}"; replace it with why (e.g. "approved by legal, LEGAL-112").',
    },
    docs: {
      details:
        'Reported by the engine, not by a phrase. Every `onemessage-disable-next-line`, `onemessage-disable-line` and `onemessage-disable` directive must say why after ` -- ` (`<!-- onemessage-disable-next-line claim/forbidden -- approved by legal, LEGAL-112 -->`): a compliance reviewer reads that reason beside the waived finding in the json, SARIF and HTML reports. The directive still suppresses what it names, so the writer sees one finding, at the directive, instead of two. `onemessage-enable` needs no reason. The placeholder `<reason>`, which an editor\'s "disable" action writes for the writer to replace, counts as no reason. See docs/suppressions.md.',
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
  check({ directives, message, report }) {
    for (const { path, scope } of directives) {
      if (scope.kind === 'enable' || (scope.reason !== undefined && scope.reason !== REASON_PLACEHOLDER)) continue;
      // The placeholder an editor's "disable" action writes is no reason either, said in its own words.
      const directive = `onemessage-${scope.kind}`;
      const ref: MessageRef = scope.reason === undefined ? { messageId: 'reason', data: { directive } } : { messageId: 'placeholder', data: { directive, placeholder: REASON_PLACEHOLDER } };
      report(directivePlace(path, scope), { ...ref, identity: `${scope.where.neighbourhood}\u0000${message(ref)}` });
    }
  },
};
