/**
 * fact/conflict: a fact with no `value` in the spec is stated with different values. The value
 * most documents state is the reference; every other statement is reported with the reference
 * statements as its other side. A tie has no reference: every statement is reported.
 */
import type { CorpusRule, Statement } from '../../src/lint/rule.js';
import { itemRef, listWords, note } from '../helpers.js';
import { byFact, channelRank, collectFactStatements, FACT_STATEMENT_SCHEMA, factData, MAX_RELATED, relatedFrom } from './statements.js';

export const factConflict: CorpusRule = {
  kind: 'corpus',
  meta: {
    id: 'fact/conflict',
    description: 'A fact with no `value` is stated with different values across documents.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      conflictOne: '"{{phrase}}" states {{fact}} as {{value}}, but 1 document states {{reference}}.{{note}}',
      conflictMany: '"{{phrase}}" states {{fact}} as {{value}}, but {{documents}} documents state {{reference}}.{{note}}',
      conflictTie: '"{{phrase}}" states {{fact}} as {{value}}, but as many documents state {{others}}: a tie, so no value is the reference. Give the fact a value in the spec.{{note}}',
    },
    // Statements of facts without a value; the message map reads them too.
    triggers: (spec) => [{ kind: 'fact', items: spec.facts.filter((fact) => fact.value === undefined).map((fact) => fact.id) }],
    docs: {
      details:
        'For a fact without `value`, every statement across all documents of the run is collected. The value stated by the most documents is the reference; every statement of another value is reported, with the reference statements as related locations. When two or more values are stated by the most documents, that is a tie: no value is the reference, and every statement is reported, with the statements of the other values as related locations. Give the fact a `value` once the company has decided, and `fact/mismatch` takes over.',
      bad: {
        spec: 'facts:\n  annual-discount:\n    says: ["save {value} with annual billing"]',
        text: '# Pricing\n\nSave 20% with annual billing.\n\n## Teams\n\nTeams save 25% with annual billing.\n',
      },
      good: {
        spec: 'facts:\n  annual-discount:\n    says: ["save {value} with annual billing"]',
        text: '# Pricing\n\nSave 20% with annual billing.\n\n## Teams\n\nTeams save 20% with annual billing, too.\n',
      },
    },
  },
  statementData: FACT_STATEMENT_SCHEMA,
  collect: (context) => collectFactStatements(context, { withValue: false }),
  check({ spec, items, statements, report }) {
    for (const [factId, list] of byFact(statements)) {
      const fact = items.facts.get(factId);
      if (!fact) continue;
      const judged = judgeValues(list, (channel) => channelRank(spec, channel));
      if (judged.kind === 'agree') continue;
      if (judged.kind === 'tie') {
        for (const statement of list) {
          const data = factData(statement);
          const others = list.filter((s) => factData(s).key !== data.key && judged.keys.includes(factData(s).key));
          const otherValues = [...new Map(others.map((s) => [factData(s).key, factData(s).value])).values()];
          report(statement, {
            messageId: 'conflictTie',
            data: { phrase: data.phrase, fact: fact.id, value: data.value, others: listWords(otherValues), note: note(fact.message) },
            item: itemRef('fact', fact),
            related: others.slice(0, MAX_RELATED).map((s) => relatedFrom(s, `${s.channel ?? 'a document in no channel'} says "${factData(s).phrase}"`)),
          });
        }
        continue;
      }
      const reference = judged.key;
      const referenceStatements = list.filter((s) => factData(s).key === reference);
      const documents = new Set(referenceStatements.map(documentKey)).size;
      for (const statement of list) {
        const data = factData(statement);
        if (data.key === reference) continue;
        const first = factData(referenceStatements[0]!);
        report(statement, {
          messageId: documents === 1 ? 'conflictOne' : 'conflictMany',
          data: { phrase: data.phrase, fact: fact.id, value: data.value, documents, reference: first.value, note: note(fact.message) },
          item: itemRef('fact', fact),
          related: referenceStatements.slice(0, MAX_RELATED).map((s) => relatedFrom(s, `${s.channel ?? 'a document in no channel'} says "${factData(s).phrase}"`)),
        });
      }
    }
  },
};

function documentKey(statement: Statement): string {
  return `${statement.path}\u0000${statement.documentId ?? ''}`;
}

/**
 * What the statements of an agree-only fact say together: they agree; one value is stated by the
 * most documents (the reference); or several are, a tie, with their keys in order of their first
 * statement (earliest channel, then path), and none is the reference.
 */
export type Judged = { kind: 'agree' } | { kind: 'reference'; key: string } | { kind: 'tie'; keys: string[] };

export function judgeValues(statements: Statement[], rank: (channel: string | undefined) => number): Judged {
  const byKey = new Map<string, { documents: Set<string>; best: [number, string, number] }>();
  for (const statement of statements) {
    const key = factData(statement).key;
    const place: [number, string, number] = [rank(statement.channel), statement.path, statement.start];
    const entry = byKey.get(key);
    if (!entry) byKey.set(key, { documents: new Set([documentKey(statement)]), best: place });
    else {
      entry.documents.add(documentKey(statement));
      if (comparePlace(place, entry.best) < 0) entry.best = place;
    }
  }
  if (byKey.size < 2) return { kind: 'agree' };
  const ranked = [...byKey.entries()].sort((a, b) => b[1].documents.size - a[1].documents.size || comparePlace(a[1].best, b[1].best));
  const most = ranked[0]![1].documents.size;
  const top = ranked.filter(([, entry]) => entry.documents.size === most).map(([key]) => key);
  return top.length > 1 ? { kind: 'tie', keys: top } : { kind: 'reference', key: top[0]! };
}

function comparePlace(a: [number, string, number], b: [number, string, number]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2];
}
