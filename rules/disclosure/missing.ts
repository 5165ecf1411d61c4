/** disclosure/missing: a disclosure's trigger appears with none of its texts within its scope. */
import type { DocumentRule } from '../../src/lint/rule.js';
import { appliesIn } from '../../src/spec/lookup.js';
import { itemRef, said } from '../helpers.js';
import { disclosureWanted, insideInclude, judgeDisclosure } from './judge.js';

const SPEC = 'disclosures:\n  material-connection:\n    when: ["affiliate link", "sponsored"]\n    include: ["#ad", "Paid partnership"]\n    within: paragraph';

export const disclosureMissing: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'disclosure/missing',
    description: "A disclosure's trigger (`when`) appears without any of its `include` texts within its scope.",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      missing: '"{{trigger}}" needs {{wanted}}.',
    },
    triggers: () => [{ kind: 'disclosure-when' }],
    docs: {
      details:
        'For each trigger phrase of a disclosure, one of its `include` phrases must appear within `within` of it: the same `sentence`, the same `paragraph` (block), the same `section` (from the nearest heading before it to the next heading of the same or a higher level; a page without headings is one section) or anywhere in the `document`. A negated trigger ("this post is not sponsored") needs nothing, and neither does a trigger that is part of an include text ("Sponsored by" when `sponsored` triggers). A disclosure with `channels` is checked only there. When the disclosure is present but after the trigger and `before: true`, `disclosure/placement` reports it instead.',
      bad: { spec: SPEC, text: 'This trip was sponsored by Acme Outdoor, who sent me the tent.\n' },
      good: { spec: SPEC, text: '#ad This trip was sponsored by Acme Outdoor, who sent me the tent.\n' },
    },
  },
  check({ doc, items, matches, report }) {
    const disclosures = items.disclosures;
    for (const match of matches.of('disclosure-when')) {
      const disclosure = disclosures.get(match.itemId);
      if (!disclosure || match.negated || !appliesIn(disclosure.channels, doc.channel)) continue;
      if (insideInclude(matches, disclosure, match)) continue;
      if (judgeDisclosure({ doc, matches, disclosure, at: match }).kind !== 'missing') continue;
      report({
        messageId: 'missing',
        data: { trigger: said(doc, match), wanted: disclosureWanted(disclosure, 'a') },
        start: match.start,
        end: match.end,
        item: itemRef('disclosure', disclosure),
      });
    }
  },
};
