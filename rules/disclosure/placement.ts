/** disclosure/placement: a disclosure is within scope of its trigger but after it, where it must come before. */
import type { Match } from '../../src/match/types.js';
import type { DocumentRule } from '../../src/lint/rule.js';
import { itemRef, said } from '../helpers.js';
import { judgeDisclosure, triggersOf } from './judge.js';

/** At most this many other late triggers are listed as related locations. */
const MAX_RELATED = 8;

const SPEC = 'disclosures:\n  material-connection:\n    when: ["affiliate link"]\n    include: ["#ad", "We earn a commission"]\n    within: paragraph\n    before: true';

export const disclosurePlacement: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'disclosure/placement',
    description: 'A disclosure with `before: true` is within scope of its trigger but comes after it.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      after: 'The {{disclosure}} disclosure "{{include}}" comes after "{{trigger}}"; put it before.',
    },
    // Only a disclosure that must come first can come too late.
    triggers: (spec) => [{ kind: 'disclosure-when', items: spec.disclosures.filter((disclosure) => disclosure.before).map((disclosure) => disclosure.id) }],
    docs: {
      details:
        'With `before: true`, a reader must meet the disclosure before the trigger: a "#ad" at the end of a caption, after the "use my code" and the link, is read too late (the FTC asks for disclosures that are hard to miss, not buried after the pitch). Reported at the trigger, with the misplaced disclosure as a related location. "Before" compares blocks first, then the offset within the block. A trigger with no disclosure in scope at all is `disclosure/missing` instead.',
      bad: { spec: SPEC, text: 'Grab the tent through my affiliate link and save 10%. #ad\n' },
      good: { spec: SPEC, text: '#ad Grab the tent through my affiliate link and save 10%.\n' },
    },
  },
  check({ doc, items, matches, report }) {
    for (const disclosure of items.disclosures.values()) {
      if (!disclosure.before) continue;
      const late: Array<{ match: Match; include: Match }> = [];
      for (const match of triggersOf({ doc, matches, disclosure })) {
        const verdict = judgeDisclosure({ doc, matches, disclosure, at: match });
        if (verdict.kind === 'after') late.push({ match, include: verdict.include });
      }
      // A document-wide disclosure moved to the top fixes every late trigger at once: one finding.
      const reported = disclosure.within === 'document' ? late.slice(0, 1) : late;
      for (const { match, include } of reported) {
        const trigger = said(doc, match);
        const others = disclosure.within === 'document' ? late.slice(1, 1 + MAX_RELATED) : [];
        report({
          messageId: 'after',
          data: { disclosure: disclosure.id, include: said(doc, include), trigger },
          start: match.start,
          end: match.end,
          item: itemRef('disclosure', disclosure),
          relatedHere: [
            { kind: 'context' as const, start: include.start, end: include.end, message: `the disclosure, after "${trigger}"` },
            ...others.map((o) => ({ kind: 'context' as const, start: o.match.start, end: o.match.end, message: `"${said(doc, o.match)}" also comes before it` })),
          ],
        });
      }
    }
  },
};
