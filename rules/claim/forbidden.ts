/** claim/forbidden: a claim the spec forbids is made (a superiority claim nobody can substantiate). */
import { asserts } from '../../src/match/types.js';
import type { DocumentRule } from '../../src/lint/rule.js';
import { toSourceRange } from '../../src/model/document.js';
import { itemRef, note, said } from '../helpers.js';

export const claimForbidden: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'claim/forbidden',
    description: 'A claim the spec marks `forbidden` is made.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      forbidden: '"{{quote}}" is a forbidden claim ({{claim}}).{{note}}',
      forbiddenSuggest: '"{{quote}}" is a forbidden claim ({{claim}}).{{note}} Say "{{suggest}}" instead.',
    },
    // Only forbidden claims can be reported here.
    triggers: (spec) => [{ kind: 'claim', items: spec.claims.filter((claim) => claim.status === 'forbidden').map((claim) => claim.id) }],
    docs: {
      details:
        'Fires on every phrase of a claim with `status: forbidden`, unless the phrase sits in a negated clause ("we never claim to be the best in the industry"). The message gives the claim\'s `message` and its `suggest` wording. With `fix: true` on the claim, `--fix` replaces the phrase with `suggest`.',
      bad: {
        spec: 'claims:\n  - id: best-in-industry\n    says: ["best in the industry", "#1 rated"]\n    status: forbidden\n    suggest: highly rated by our customers',
        text: 'The TrailPack 45 is the best in the industry.\n',
      },
      good: {
        spec: 'claims:\n  - id: best-in-industry\n    says: ["best in the industry", "#1 rated"]\n    status: forbidden\n    suggest: highly rated by our customers',
        text: 'The TrailPack 45 is highly rated by our customers.\n',
      },
    },
  },
  check({ doc, items, matches, report }) {
    const claims = items.claims;
    for (const match of matches.of('claim')) {
      const claim = claims.get(match.itemId);
      if (!claim || claim.status !== 'forbidden' || !asserts(match)) continue;
      const block = doc.blocks[match.block]!;
      const verbatim = toSourceRange(block, match.textStart, match.textEnd);
      report({
        ...(claim.suggest
          ? { messageId: 'forbiddenSuggest', data: { quote: said(doc, match), claim: claim.id, note: note(claim.message), suggest: claim.suggest } }
          : { messageId: 'forbidden', data: { quote: said(doc, match), claim: claim.id, note: note(claim.message) } }),
        start: match.start,
        end: match.end,
        item: itemRef('claim', claim),
        ...(claim.fix && claim.suggest && verbatim.end - verbatim.start === match.textEnd - match.textStart
          ? { fix: { start: match.start, end: match.end, text: claim.suggest } }
          : {}),
      });
    }
  },
};
