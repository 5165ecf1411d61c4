/** claim/evidence: a claim that needs evidence is made without a citation in its paragraph. */
import { asserts } from '../../src/match/types.js';
import type { DocumentRule } from '../../src/lint/rule.js';
import { itemRef, note, said } from '../helpers.js';

/** Citations a reader sees in the text itself: `[1]`, `(Source: ...)`, `according to`. */
const TEXTUAL_CITATION = /\[\d{1,3}\]|\(\s*(?:source|sources|see|ref)\b|\bsource:|\baccording to\b|\bhttps?:\/\//i;

export const claimEvidence: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'claim/evidence',
    description: 'A `needs-evidence` claim has no citation (link, footnote) in its paragraph.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      evidence: '"{{quote}}" ({{claim}}) needs evidence: add a citation (a link or a footnote) in the same paragraph.{{note}}',
    },
    // Only claims that need evidence can lack it.
    triggers: (spec) => [{ kind: 'claim', items: spec.claims.filter((claim) => claim.status === 'needs-evidence').map((claim) => claim.id) }],
    docs: {
      details:
        'A claim with `status: needs-evidence` must be backed in the same paragraph by a citation: a link, a footnote reference, or a textual citation such as `[1]` or `(Source: ...)`.',
      bad: {
        spec: 'claims:\n  - id: clinically-tested\n    says: ["clinically tested", "lab tested"]\n    status: needs-evidence',
        text: 'Our insoles are clinically tested for all-day comfort.\n',
      },
      good: {
        spec: 'claims:\n  - id: clinically-tested\n    says: ["clinically tested", "lab tested"]\n    status: needs-evidence',
        text: 'Our insoles are clinically tested for all-day comfort ([study](https://example.com/insole-study)).\n',
      },
    },
  },
  check({ doc, items, matches, report }) {
    const claims = items.claims;
    for (const match of matches.of('claim')) {
      const claim = claims.get(match.itemId);
      if (!claim || claim.status !== 'needs-evidence' || !asserts(match)) continue;
      const block = doc.blocks[match.block]!;
      if ((block.citations ?? 0) > 0 || TEXTUAL_CITATION.test(block.text)) continue;
      report({
        messageId: 'evidence',
        data: { quote: said(doc, match), claim: claim.id, note: note(claim.message) },
        start: match.start,
        end: match.end,
        item: itemRef('claim', claim),
      });
    }
  },
};
