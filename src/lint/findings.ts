/**
 * Turns what rules report into findings: the one place a rule's message is filled from its
 * `meta.messages` and a Finding is built (through the model's one factory), whatever kind of rule
 * reported and wherever it reported: in a document, at a collected statement, at a waiver, or
 * for a file that could not be read.
 */
import type { Document } from '../model/document.js';
import { createFinding, type Finding, type RelatedKind, type RelatedLocation, type Severity } from '../model/finding.js';
import { neighbourhood } from '../model/fingerprint.js';
import { fillMessage } from '../model/message.js';
import type { Locator } from '../model/positions.js';
import type { FileProblem, ItemRef, MessageRef, Report, Rule, Statement, WaiverPlace } from './rule.js';
import { sentenceAround } from './sentence.js';

/** The rule's message for a reference, filled. An unknown message id is a bug in the rule. */
export function messageOf(rule: Rule, ref: MessageRef): string {
  const template = rule.meta.messages[ref.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${ref.messageId}"`);
  return fillMessage(template, ref.data);
}

function itemOf(item: ItemRef | undefined) {
  return item ? { kind: item.kind, id: item.id, file: item.pos.file, line: item.pos.line, column: item.pos.column } : undefined;
}

/** A finding a document rule reported, in source offsets of the document's file. */
export function documentFinding(options: { rule: Rule; severity: Severity; doc: Document; report: Report; text: string; locate: Locator }): Finding {
  const { rule, doc, report, text, locate } = options;
  const item = itemOf(report.item);
  const context = sentenceAround(doc, report.start, report.end);
  return createFinding({
    ruleId: rule.meta.id,
    messageId: report.messageId,
    severity: report.severity ?? options.severity,
    message: messageOf(rule, report),
    path: doc.path,
    start: locate.at(report.start),
    end: locate.at(report.end),
    excerpt: text.slice(report.start, report.end),
    ...(context ? { context } : {}),
    related: [...(report.related ?? []), ...(report.relatedHere ?? []).map((place) => relatedHere(doc, place, text, locate))],
    document: { channel: doc.channel, title: doc.title, id: doc.id, inactive: doc.inactive },
    ...(item ? { item } : {}),
    ...(report.fix ? { fix: report.fix } : {}),
    ...(report.variant !== undefined ? { variant: report.variant } : {}),
    neighbourhood: neighbourhood(text, report.start, report.end),
  });
}

function relatedHere(doc: Document, place: { kind: RelatedKind; start: number; end: number; message: string }, text: string, locate: Locator): RelatedLocation {
  const related: RelatedLocation = { kind: place.kind, path: doc.path, start: locate.at(place.start), end: locate.at(place.end), message: place.message, excerpt: text.slice(place.start, place.end) };
  const context = sentenceAround(doc, place.start, place.end);
  if (context) related.context = context;
  if (doc.channel !== undefined) related.channel = doc.channel;
  if (doc.title !== undefined) related.documentTitle = doc.title;
  if (doc.id !== undefined) related.documentId = doc.id;
  return related;
}

/** A finding a corpus rule reported at one of its statements. */
export function statementFinding(options: { rule: Rule; severity: Severity; statement: Statement; report: Omit<Report, 'start' | 'end'> }): Finding {
  const { rule, statement, report } = options;
  const item = itemOf(report.item);
  return createFinding({
    ruleId: rule.meta.id,
    messageId: report.messageId,
    severity: report.severity ?? options.severity,
    message: messageOf(rule, report),
    path: statement.path,
    start: statement.where.start,
    end: statement.where.end,
    excerpt: statement.where.excerpt,
    ...(statement.where.context ? { context: statement.where.context } : {}),
    related: report.related ?? [],
    document: { channel: statement.channel, title: statement.documentTitle, id: statement.documentId },
    ...(item ? { item } : {}),
    ...(report.fix ? { fix: report.fix } : {}),
    ...(report.variant !== undefined ? { variant: report.variant } : {}),
    neighbourhood: statement.where.neighbourhood,
  });
}

/** A finding a waiver rule reported at a directive or an exception. */
export function waiverFinding(options: { rule: Rule; severity: Severity; place: WaiverPlace; report: MessageRef & { item?: ItemRef; identity: string } }): Finding {
  const { rule, place, report } = options;
  const item = itemOf(report.item);
  return createFinding({
    ruleId: rule.meta.id,
    messageId: report.messageId,
    severity: options.severity,
    message: messageOf(rule, report),
    path: place.path,
    start: place.start,
    end: place.end,
    excerpt: place.excerpt,
    ...(place.document ? { document: place.document } : {}),
    ...(item ? { item } : {}),
    neighbourhood: report.identity,
  });
}

/** A finding a file rule reported about a file that could not be read, or about a reader's note. */
export function problemFinding(options: { rule: Rule; severity: Severity; problem: FileProblem; report: MessageRef }): Finding {
  const { rule, problem, report } = options;
  const message = messageOf(rule, report);
  const at = problem.at ?? { line: 1, column: 1, offset: 0 };
  return createFinding({
    ruleId: rule.meta.id,
    messageId: report.messageId,
    severity: options.severity,
    message,
    path: problem.path,
    start: at,
    end: problem.end ?? at,
    excerpt: problem.excerpt ?? '',
    document: { channel: problem.channel },
    // A file's problem matches no phrase: the problem itself is what a baseline follows.
    neighbourhood: message,
  });
}
