/** claim/channel: an allowed claim is made in a channel it is not allowed in. */
import { asserts } from '../../src/match/types.js';
import type { DocumentRule } from '../../src/lint/rule.js';
import { itemRef, listWords, note, said } from '../helpers.js';

export const claimChannel: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'claim/channel',
    description: 'A claim limited to some channels is made in another channel.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      channel: '"{{quote}}" ({{claim}}) may only be said in {{channels}}, not in {{channel}}.{{note}}',
    },
    // Only claims limited to channels (and not forbidden) can be made in the wrong one.
    triggers: (spec) => [{ kind: 'claim', items: spec.claims.filter((claim) => claim.status !== 'forbidden' && claim.channels !== undefined).map((claim) => claim.id) }],
    docs: {
      details:
        'A claim with `channels: [...]` may only be made in documents of those channels. A document in no channel is not judged by this rule, since nothing says where it speaks.',
      bad: {
        spec: 'claims:\n  - id: lifetime-warranty\n    says: ["lifetime warranty"]\n    status: allowed\n    channels: [marketing, sales]',
        text: 'Every pack comes with a lifetime warranty.\n',
        channel: 'support',
      },
      good: {
        spec: 'claims:\n  - id: lifetime-warranty\n    says: ["lifetime warranty"]\n    status: allowed\n    channels: [marketing, sales]',
        text: 'Every pack comes with a lifetime warranty.\n',
        channel: 'marketing',
      },
    },
  },
  check({ doc, items, matches, report }) {
    if (!doc.channel) return;
    const claims = items.claims;
    for (const match of matches.of('claim')) {
      const claim = claims.get(match.itemId);
      if (!claim || claim.status === 'forbidden' || !claim.channels || !asserts(match)) continue;
      if (claim.channels.includes(doc.channel)) continue;
      report({
        messageId: 'channel',
        data: { quote: said(doc, match), claim: claim.id, channels: listWords(claim.channels), channel: doc.channel, note: note(claim.message) },
        start: match.start,
        end: match.end,
        item: itemRef('claim', claim),
      });
    }
  },
};
