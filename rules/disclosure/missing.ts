/** disclosure/missing: a disclosure's trigger appears with none of its texts within its scope. */
import type { DocumentRule } from '../../src/lint/rule.js';
import type { Match } from '../../src/match/types.js';
import { itemRef, said } from '../helpers.js';
import { disclosureWanted, judgeDisclosure, triggersOf } from './judge.js';

const SPEC = 'disclosures:\n  material-connection:\n    when: ["affiliate link", "sponsored"]\n    include: ["#ad", "Paid partnership"]\n    within: paragraph';

/** At most this many other triggers are listed as related locations of one finding. */
const MAX_RELATED = 8;

export const disclosureMissing: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'disclosure/missing',
    description: "A disclosure's trigger (`when`) appears without any of its `include` texts within its scope.",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      missing: '"{{trigger}}" needs {{wanted}}.',
      missingMany: '"{{trigger}}" needs {{wanted}}; {{others}}.',
    },
    triggers: () => [{ kind: 'disclosure-when' }],
    docs: {
      details:
        'For each trigger phrase of a disclosure, one of its `include` phrases must appear within `within` of it: the same `sentence`, the same `paragraph` (block), the same `section` (from the nearest heading before it to the next heading of the same or a higher level; a page without headings is one section) or anywhere in the `document`. With `within: document` the document is reported once, at its first trigger, with the others as related locations. A negated trigger ("this post is not sponsored") needs nothing, nor does one the claim judgement holds back (an `unless` phrase, an idiom such as "employer-sponsored"), nor a trigger that is part of an include text ("Sponsored by" when `sponsored` triggers). With `endorsement: true`, a trigger asks for a disclosure only where it is framed as an endorsement ("my affiliate link", "links in this post", "if you buy through them"), so a page about how affiliate links are tracked needs none. A disclosure with `channels` is checked only there. When the disclosure is present but after the trigger and `before: true`, `disclosure/placement` reports it instead.',
      bad: { spec: SPEC, text: 'This trip was sponsored by Acme Outdoor, who sent me the tent.\n' },
      good: { spec: SPEC, text: '#ad This trip was sponsored by Acme Outdoor, who sent me the tent.\n' },
    },
  },
  check({ doc, items, matches, report }) {
    for (const disclosure of items.disclosures.values()) {
      const missing = triggersOf({ doc, matches, disclosure }).filter((m) => judgeDisclosure({ doc, matches, disclosure, at: m }).kind === 'missing');
      const reportAt = (first: Match, others: Match[]) =>
        report({
          ...(others.length === 0
            ? { messageId: 'missing', data: { trigger: said(doc, first), wanted: disclosureWanted(disclosure, 'a') } }
            : { messageId: 'missingMany', data: { trigger: said(doc, first), wanted: disclosureWanted(disclosure, 'a'), others: others.length === 1 ? 'so does 1 other trigger in this document' : `so do ${others.length} other triggers in this document` } }),
          start: first.start,
          end: first.end,
          item: itemRef('disclosure', disclosure),
          ...(others.length > 0 ? { relatedHere: others.slice(0, MAX_RELATED).map((m) => ({ kind: 'context' as const, start: m.start, end: m.end, message: `"${said(doc, m)}" needs it too` })) } : {}),
        });
      // One finding per document for a document-wide disclosure: one fix (a disclosure at the top) answers them all.
      if (disclosure.within === 'document' && missing.length > 0) reportAt(missing[0]!, missing.slice(1));
      else for (const match of missing) reportAt(match, []);
    }
  },
};
