/** term/use: a term's `not` form is used where the spec says which form to use; fixable. */
import type { DocumentRule } from '../../src/lint/rule.js';
import { toSourceRange } from '../../src/model/document.js';
import { appliesIn } from '../../src/spec/lookup.js';
import { tokenize } from '../../src/match/tokens.js';
import { itemRef, note, said } from '../helpers.js';

/**
 * A `not` form that ends in a preposition ("login to") names the context, not the term: the
 * fix keeps it ("login to" -> "sign in to"), unless `use` already ends with it.
 */
const CONTEXT_WORDS = new Set(['to', 'for', 'with', 'into', 'on', 'in', 'at', 'of', 'from', 'by']);

export const termUse: DocumentRule = {
  kind: 'document',
  meta: {
    id: 'term/use',
    description: 'A term is written in a form the spec says not to use.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      use: 'Use "{{use}}" instead of "{{quote}}".{{note}}',
    },
    triggers: () => [{ kind: 'term' }],
    docs: {
      details:
        'Each `terms` entry names the form to `use` and the forms it replaces (`not`). Matching is case-insensitive and tolerant of hyphens and plurals, so `Trail-Packs` is caught by `Trail Pack`. A term with `channels` applies only there. `--fix` replaces the form with `use`, keeping a plural ending and a trailing preposition of the `not` form.',
      bad: {
        spec: 'terms:\n  - use: TrailPack\n    not: ["Trail Pack", "Trailpack"]',
        text: 'Pack light with the Trail Pack 45.\n',
      },
      good: {
        spec: 'terms:\n  - use: TrailPack\n    not: ["Trail Pack", "Trailpack"]',
        text: 'Pack light with the TrailPack 45.\n',
      },
    },
  },
  check({ doc, items, matches, report }) {
    const terms = items.terms;
    for (const match of matches.of('term')) {
      const term = terms.get(match.itemId);
      if (!term || !appliesIn(term.channels, doc.channel)) continue;
      const quote = said(doc, match);
      // The exact spelling of `use` itself is not a misuse ("TrailPack" when `not` says "Trailpack").
      if (quote === term.use) continue;
      const replacement = replacementFor(quote, match.phrase.source, term.use);
      const block = doc.blocks[match.block]!;
      const range = toSourceRange(block, match.textStart, match.textEnd);
      // Only offer a fix where the source spells the match verbatim: no markup or escape inside.
      const verbatim = range.end - range.start === match.textEnd - match.textStart && !/\s{2,}|\n/.test(block.text.slice(match.textStart, match.textEnd));
      report({
        messageId: 'use',
        data: { use: term.use, quote, note: note(term.message) },
        start: match.start,
        end: match.end,
        item: itemRef('term', term),
        ...(verbatim ? { fix: { start: match.start, end: match.end, text: replacement } } : {}),
      });
    }
  },
};

/**
 * `use`, with the plural ending and trailing preposition the matched text carried, and a
 * capital first letter where the matched text had one and `use` starts in lower case
 * ("Login to your account" -> "Sign in to your account"; "TrailPack" keeps its spelling).
 */
export function replacementFor(quote: string, notForm: string, use: string): string {
  const replaced = replacementWords(quote, notForm, use);
  const first = quote.charAt(0);
  const capitalised = first !== first.toLowerCase() && use.charAt(0) === use.charAt(0).toLowerCase();
  return capitalised ? replaced.charAt(0).toUpperCase() + replaced.slice(1) : replaced;
}

function replacementWords(quote: string, notForm: string, use: string): string {
  const notWords = tokenize(notForm).words;
  const saidWords = tokenize(quote).words;
  const lastNot = notWords[notWords.length - 1] ?? '';
  const lastSaid = saidWords[saidWords.length - 1] ?? '';
  const useWords = tokenize(use).words;
  let out = use;
  if (notWords.length > 1 && CONTEXT_WORDS.has(lastNot) && useWords[useWords.length - 1] !== lastNot) {
    out = `${use} ${quote.slice(quote.length - lastSaid.length)}`;
    return out;
  }
  if (lastSaid !== lastNot && lastSaid.startsWith(lastNot)) out += quote.slice(quote.length - (lastSaid.length - lastNot.length));
  return out;
}
