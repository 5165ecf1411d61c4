/** directive/unused: an inline directive suppresses nothing (or names a rule that does not exist); reported by the engine. */
import type { DocumentRule } from '../../src/lint/rule.js';

export const directiveUnused: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'directive/unused',
    description: 'An inline `onemessage-disable…` directive suppresses nothing, or names an unknown rule.',
    defaultSeverity: 'warning',
    fixable: false,
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
  check() {
    // The engine reports directives itself, once every rule has run (src/engine/directives.ts).
  },
};
