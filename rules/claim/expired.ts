/** claim/expired: a claim with validity dates is made outside them (judged at --as-of, default today). */
import { asserts } from '../../src/match/types.js';
import type { DocumentRule } from '../../src/lint/rule.js';
import { itemRef, said } from '../helpers.js';

export const claimExpired: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'claim/expired',
    description: 'A claim with `valid` dates is made before or after them.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      notStarted: '"{{quote}}" ({{claim}}) is only valid {{window}}; as of {{asOf}} it has not started.',
      expired: '"{{quote}}" ({{claim}}) is only valid {{window}}; as of {{asOf}} it has expired.',
    },
    // Only claims with `valid` dates can be made outside them.
    triggers: (spec) => [{ kind: 'claim', items: spec.claims.filter((claim) => claim.valid !== undefined).map((claim) => claim.id) }],
    docs: {
      details:
        'A claim with `valid: { from, until }` (both dates inclusive, either may be left out) may only be made between them. The date checked is `--as-of YYYY-MM-DD`, today by default, so a CI run the day after a sale ends flags every page still announcing it.',
      bad: {
        spec: 'claims:\n  - id: black-friday-40\n    says: ["40% off everything"]\n    status: allowed\n    valid: { from: 2020-11-27, until: 2020-11-30 }',
        text: 'This weekend only: 40% off everything!\n',
      },
      good: {
        spec: 'claims:\n  - id: black-friday-40\n    says: ["40% off everything"]\n    status: allowed\n    valid: { from: 2020-11-27, until: 2999-11-30 }',
        text: 'This weekend only: 40% off everything!\n',
      },
    },
  },
  check({ doc, items, matches, asOf, report }) {
    const claims = items.claims;
    for (const match of matches.of('claim')) {
      const claim = claims.get(match.itemId);
      if (!claim?.valid || !asserts(match)) continue;
      const { from, until } = claim.valid;
      const early = from !== undefined && asOf < from;
      const late = until !== undefined && asOf > until;
      if (!early && !late) continue;
      const window = from && until ? `from ${from} until ${until}` : from ? `from ${from}` : `until ${until}`;
      report({
        messageId: early ? 'notStarted' : 'expired',
        data: { quote: said(doc, match), claim: claim.id, window, asOf },
        start: match.start,
        end: match.end,
        item: itemRef('claim', claim),
      });
    }
  },
};
