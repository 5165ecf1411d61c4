/**
 * What the fact rules collect from each document: every statement of a fact with the quantity
 * it states, normalised, so that documents read in parallel, from a cache or on other machines
 * can be compared afterwards.
 */
import type { DocumentContext, Statement } from '../../src/lint/rule.js';
import type { RelatedLocation } from '../../src/model/finding.js';
import { kindName, quantityKey } from '../../src/match/quantity.js';
import type { Spec } from '../../src/spec/types.js';
import { said } from '../helpers.js';

export interface FactStatement {
  fact: string;
  /** canonical key of the stated quantity (`duration:day:30`): equal keys state the same value */
  key: string;
  /** the value as written ("60-day") */
  value: string;
  /** the whole phrase as a reader sees it ("60-day money-back guarantee") */
  phrase: string;
}

/** The shape of FactStatement, for statements read back from a cache or a shard. */
export const FACT_STATEMENT_SCHEMA = {
  type: 'object',
  required: ['fact', 'key', 'value', 'phrase'],
  additionalProperties: false,
  properties: { fact: { type: 'string' }, key: { type: 'string' }, value: { type: 'string' }, phrase: { type: 'string' } },
};

/** Statements of facts that have (or have not) a `value` in the spec; negated ones assert nothing. */
export function collectFactStatements(context: DocumentContext, options: { withValue: boolean }): Array<Pick<Statement, 'start' | 'end' | 'data' | 'item'>> {
  const facts = context.items.facts;
  const out: Array<Pick<Statement, 'start' | 'end' | 'data' | 'item'>> = [];
  for (const match of context.matches.of('fact')) {
    const fact = facts.get(match.itemId);
    if (!fact || !match.value || match.negated || (fact.value !== undefined) !== options.withValue) continue;
    const stated = match.value.quantity;
    if (fact.kind !== undefined && stated.kind !== fact.kind) {
      // "$10 of trial credit" is money, not the length of a trial: no statement of the fact at all
      context.explain?.(match.value, `"${stated.text}" is ${kindName(stated.kind)}, not a statement of ${fact.id}, which is ${kindName(fact.kind)}`);
      continue;
    }
    const data: FactStatement = { fact: fact.id, key: quantityKey(match.value.quantity), value: match.value.quantity.text, phrase: said(context.doc, match) };
    out.push({ start: match.value.start, end: match.value.end, data: { ...data }, item: { kind: 'fact', id: fact.id } });
  }
  return out;
}

export function factData(statement: Statement): FactStatement {
  return statement.data as unknown as FactStatement;
}

/** Where a statement stands, as the other side of a contradiction. */
export function relatedFrom(statement: Statement, message: string): RelatedLocation {
  const related: RelatedLocation = { kind: 'contradiction', path: statement.path, start: statement.where.start, end: statement.where.end, message, excerpt: statement.where.excerpt };
  if (statement.where.context) related.context = statement.where.context;
  if (statement.channel !== undefined) related.channel = statement.channel;
  if (statement.documentTitle !== undefined) related.documentTitle = statement.documentTitle;
  if (statement.documentId !== undefined) related.documentId = statement.documentId;
  return related;
}

/** Position of a channel in the spec's order; documents in no channel come last. */
export function channelRank(spec: Spec, channel: string | undefined): number {
  const index = channel === undefined ? -1 : spec.channels.findIndex((c) => c.name === channel);
  return index < 0 ? spec.channels.length : index;
}

/** Statements by fact id, in the order given. */
export function byFact(statements: Statement[]): Map<string, Statement[]> {
  const out = new Map<string, Statement[]>();
  for (const statement of statements) {
    const id = factData(statement).fact;
    const list = out.get(id);
    if (list) list.push(statement);
    else out.set(id, [statement]);
  }
  return out;
}

/** At most this many other-side locations per finding; a reader needs both sides, not every copy. */
export const MAX_RELATED = 8;
