/**
 * fact/mismatch: a document states a fact with a value other than the spec's. The finding
 * points at the spec line, and at where other channels state the fact correctly, so a reader
 * sees both sides of the contradiction.
 */
import type { CorpusRule } from '../../src/lint/rule.js';
import { quantityKey } from '../../src/match/quantity.js';
import { note } from '../helpers.js';
import { channelRank, byFact, collectFactStatements, FACT_STATEMENT_SCHEMA, factData, HOW, INFERRED, MAX_RELATED, relatedFrom, statesValue } from './statements.js';

export const factMismatch: CorpusRule = {
  kind: 'corpus',
  meta: {
    id: 'fact/mismatch',
    description: "A fact is stated with a value other than the spec's `value`.",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      mismatch: '"{{phrase}}" states {{fact}} as {{value}}, but the spec says {{expected}}.{{note}}',
      inferred: '"{{phrase}}" states {{fact}} as {{value}}, but the spec says {{expected}}. Inferred: "{{topic}}", {{source}}, {{how}}; no template of the fact matched.{{note}}',
    },
    variants: {
      [INFERRED]: {
        description: 'A statement found beyond the templates: a quantity of the fact\'s kind beside one of its `about:` words (or its templates\' words).',
        defaultSeverity: 'warning',
        phrases: ['topic'],
      },
    },
    // Statements of facts with a value, and their topic words (compiled only while the inferred
    // variant is on), since an inferred statement needs no template; the message map reads them too.
    triggers: (spec) => {
      const items = spec.facts.filter((fact) => fact.value !== undefined).map((fact) => fact.id);
      return [{ kind: 'fact', items }, { kind: 'topic', items }];
    },
    docs: {
      details:
        'Every `says` template of a fact with a `value` is matched with `{value}` standing for a quantity; the stated quantity is normalised (`30-day` = `thirty days` = `30 days`, `$50` = `$50.00`) and compared with the spec\'s value. Different units never compare equal: `1 month` is not `30 days`, and the message shows both as written. The finding lists the spec line and, as related locations, where other channels state the fact correctly.\n\nBeyond the templates, a quantity of the fact\'s kind that stands with one of its topic words (`about:`, or the words of its templates when the spec declares none) in the same sentence, table row or label/value pair is an inferred statement: "Refunds are accepted for 14 days", "Returns | 60 days", "Return window: 30 days". Its mismatch is reported with the message id `inferred`, which says which word it was inferred from, and with its own severity, `fact/mismatch/inferred` (warning by default). Templates stay exact and win where both apply. See docs/inference.md.',
      bad: {
        spec: 'facts:\n  return-window:\n    value: 30 days\n    says: ["{value} return", "return (it|them)? within {value}"]',
        text: 'Changed your mind? Enjoy hassle-free 60-day returns on every order.\n',
      },
      good: {
        spec: 'facts:\n  return-window:\n    value: 30 days\n    says: ["{value} return", "return (it|them)? within {value}"]',
        text: 'Changed your mind? Enjoy hassle-free 30-day returns on every order.\n',
      },
    },
  },
  statementData: FACT_STATEMENT_SCHEMA,
  collect: (context) => collectFactStatements(context, { withValue: true }),
  check({ spec, items, statements, report }) {
    for (const [factId, list] of byFact(statements)) {
      const fact = items.facts.get(factId);
      const expected = fact?.quantity;
      if (!fact || !expected) continue;
      const expectedKey = quantityKey(expected);
      const correct = list.filter((s) => statesValue(factData(s), expectedKey));
      correct.sort((a, b) => channelRank(spec, a.channel) - channelRank(spec, b.channel));
      for (const statement of list) {
        const data = factData(statement);
        if (statesValue(data, expectedKey)) continue;
        const inferred = data.inferred;
        // The item points at the spec's `value:` line; reporters show it as the spec's side.
        report(statement, {
          ...(inferred
            ? {
                messageId: 'inferred',
                variant: INFERRED,
                data: {
                  phrase: data.phrase, fact: fact.id, value: data.value, expected: fact.value ?? '', topic: inferred.topic,
                  source: inferred.from === 'about' ? 'one of its about: words' : 'a word of its templates', how: HOW[inferred.structure], note: note(fact.message),
                },
              }
            : { messageId: 'mismatch', data: { phrase: data.phrase, fact: fact.id, value: data.value, expected: fact.value ?? '', note: note(fact.message) } }),
          item: { kind: 'fact', id: fact.id, pos: fact.valuePos ?? fact.pos },
          related: correct
            .filter((s) => s.channel !== statement.channel)
            .slice(0, MAX_RELATED)
            .map((s) => relatedFrom(s, `${s.channel ?? 'a document in no channel'} says "${factData(s).phrase}"`)),
        });
      }
    }
  },
};
