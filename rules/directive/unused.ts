/** directive/unused: an inline directive suppresses nothing (or names a rule that does not exist). */
import type { MessageRef, WaiverRule } from '../../src/lint/rule.js';
import { closest } from '../../src/spec/suggest.js';
import { directivePlace } from './place.js';

export const directiveUnused: WaiverRule = {
  kind: 'waiver',
  stage: 'directives',
  meta: {
    id: 'directive/unused',
    description: 'An inline `onemessage-disable…` directive suppresses nothing, or names an unknown rule.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      unused: 'Unused {{directive}} directive: no finding here to suppress.',
      unusedRule: 'Unused {{directive}} directive: no {{selector}} finding here to suppress.',
      unknownRule: 'Unknown rule "{{rule}}" in this {{directive}} directive; it suppresses nothing.',
      unknownRuleHint: 'Unknown rule "{{rule}}" in this {{directive}} directive (did you mean "{{hint}}"?); it suppresses nothing.',
    },
    docs: {
      details:
        'Reported by the engine once every rule has run, as ESLint reports unused `eslint-disable` comments: a directive left behind after the copy was corrected would silently waive the next mistake written there. Each rule a directive names is checked on its own (`claim/forbidden, term/use` with only a term finding reports the unused `claim/forbidden`). A directive for a rule the spec turns off is not unused. A rule id onemessage does not know (`claim/forbiden`) is reported here too, with the closest known id. `onemessage-enable` is never reported.',
      bad: {
        spec: 'terms:\n  - use: TrailPack\n    not: ["Trail Pack"]',
        text: '<!-- onemessage-disable-next-line term/use -- product name in a customer quote -->\nPack light with the TrailPack 45.\n',
      },
      good: {
        spec: 'terms:\n  - use: TrailPack\n    not: ["Trail Pack"]',
        text: '<!-- onemessage-disable-next-line term/use -- product name in a customer quote -->\n"I love my Trail Pack," writes Dana from Denver.\n',
      },
    },
  },
  check({ directives, knownRuleIds, activeRuleIds, message, report }) {
    for (const { path, scope, used } of directives) {
      if (scope.kind === 'enable') continue;
      const directive = `onemessage-${scope.kind}`;
      const refs: MessageRef[] = [];
      if (scope.selectors.length === 0) {
        if (used.size === 0) refs.push({ messageId: 'unused', data: { directive } });
      }
      for (const selector of scope.selectors) {
        const rule = selector.includes(':') ? selector.slice(0, selector.indexOf(':')) : selector;
        if (!knownRuleIds.includes(rule)) {
          const hint = closest(rule, knownRuleIds);
          refs.push(hint ? { messageId: 'unknownRuleHint', data: { rule, directive, hint } } : { messageId: 'unknownRule', data: { rule, directive } });
        } else if (activeRuleIds.has(rule) && !used.has(selector)) {
          // A directive for a rule the spec turns off is not unused: the rule may come back.
          refs.push({ messageId: 'unusedRule', data: { directive, selector } });
        }
      }
      for (const ref of refs) report(directivePlace(path, scope), { ...ref, identity: `${scope.where.neighbourhood}\u0000${message(ref)}` });
    }
  },
};
