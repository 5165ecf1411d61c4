/** claim/requires: a claim is made without a disclosure it requires within that disclosure's scope. */
import { asserts } from '../../src/match/types.js';
import type { DocumentRule } from '../../src/lint/rule.js';
import { appliesIn } from '../../src/spec/lookup.js';
import { itemRef, said } from '../helpers.js';
import { disclosureWanted, judgeDisclosure } from '../disclosure/judge.js';

const SPEC = 'claims:\n  - id: waterproof\n    says: ["waterproof"]\n    status: allowed\n    requires: [ip-rating]\ndisclosures:\n  ip-rating:\n    include: ["IPX4", "IPX7"]\n    within: paragraph';

export const claimRequires: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'claim/requires',
    description: "A claim is made without a disclosure its `requires` names within that disclosure's scope.",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      missing: '"{{quote}}" ({{claim}}) needs {{wanted}}.',
      after: 'The {{disclosure}} disclosure "{{include}}" comes after "{{quote}}" ({{claim}}); put it before.',
    },
    // Only claims that require a disclosure can miss one.
    triggers: (spec) => [{ kind: 'claim', items: spec.claims.filter((claim) => claim.requires.length > 0).map((claim) => claim.id) }],
    docs: {
      details:
        "The same check as `disclosure/missing` and `disclosure/placement`, started by a claim instead of a trigger: every disclosure in the claim's `requires` must have one of its `include` phrases within its `within` scope of the claim, and before it when `before: true`. A negated claim needs nothing; a disclosure with `channels` is required only there.",
      bad: { spec: SPEC, text: 'The roll-top dry bag is waterproof from top to bottom.\n' },
      good: { spec: SPEC, text: 'The roll-top dry bag is waterproof from top to bottom (rated IPX7).\n' },
    },
  },
  check({ doc, items, matches, report }) {
    const { claims, disclosures } = items;
    for (const match of matches.of('claim')) {
      const claim = claims.get(match.itemId);
      if (!claim || claim.requires.length === 0 || !asserts(match)) continue;
      const quote = said(doc, match);
      for (const id of claim.requires) {
        const disclosure = disclosures.get(id);
        if (!disclosure || !appliesIn(disclosure.channels, doc.channel)) continue;
        const verdict = judgeDisclosure({ doc, matches, disclosure, at: match });
        if (verdict.kind === 'missing') {
          report({ messageId: 'missing', data: { quote, claim: claim.id, wanted: disclosureWanted(disclosure, 'the') }, start: match.start, end: match.end, item: itemRef('claim', claim) });
        } else if (verdict.kind === 'after') {
          report({
            messageId: 'after',
            data: { disclosure: disclosure.id, include: said(doc, verdict.include), quote, claim: claim.id },
            start: match.start,
            end: match.end,
            item: itemRef('claim', claim),
            relatedHere: [{ kind: 'context', start: verdict.include.start, end: verdict.include.end, message: `the disclosure, after "${quote}"` }],
          });
        }
      }
    }
  },
};
