/**
 * The rule interface. A rule is a module with `meta` (its documentation, read by `explain`,
 * the docs generator and the example checker) and a check. Document rules see one document;
 * corpus rules collect serialisable statements from each document and then judge them all
 * together, which is what lets them compare one channel's document with another's even when
 * documents are read in parallel, from a cache, or on other machines.
 */
import type { Document } from '../model/document.js';
import type { Spec, SpecPos } from '../spec/types.js';
import type { Fix, Position, RelatedLocation, Severity } from '../model/finding.js';
import type { DocumentMatches } from '../match/matcher.js';

/** A documented example for a rule: a spec snippet and a document, as a user would write them. */
export interface RuleExample {
  /** YAML added to a minimal spec (`version: 1` and the acme channels) */
  spec: string;
  /** Markdown content of the example document */
  text: string;
  /** channel the example document is in (default `marketing`) */
  channel?: string;
}

export interface RuleMeta {
  id: string;
  /** one line, shown by `onemessage rules` */
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /**
   * The rule can report in a document that holds no phrase match of the spec (a rule about
   * directives or layout). The prefilter skips parsing files without matches, so when an active
   * rule sets this, every file is parsed.
   */
  reportsWithoutMatches?: boolean;
  docs: {
    /** a paragraph or two: when it fires, and why it matters */
    details: string;
    /** must report at least one finding (checked by a test, as ESLint's check-rule-examples does) */
    bad: RuleExample;
    /** must report nothing */
    good: RuleExample;
  };
}

/** What a rule reports; the engine fills in path, channel, line:col, excerpt and severity. */
export interface Report {
  message: string;
  /** source offsets of the reported range in the document's file */
  start: number;
  end: number;
  item?: { kind: string; id: string; pos: SpecPos };
  related?: RelatedLocation[];
  /** related places in the same document, in source offsets; the engine resolves their positions */
  relatedHere?: Array<{ start: number; end: number; message: string }>;
  fix?: Fix;
  /** overrides the rule's severity for this one finding */
  severity?: Severity;
}

export interface DocumentContext {
  doc: Document;
  spec: Spec;
  /** every phrase match in the document, computed once for all rules */
  matches: DocumentMatches;
  /** the date claims are judged at, `YYYY-MM-DD` */
  asOf: string;
  report(report: Report): void;
}

export interface DocumentRule {
  kind: 'document';
  meta: RuleMeta;
  check(context: DocumentContext): void;
}

/** A statement a corpus rule collected from one document; must survive JSON (cache, shards). */
export interface Statement {
  path: string;
  channel?: string;
  documentTitle?: string;
  documentId?: string;
  /** source offsets in the file */
  start: number;
  end: number;
  /** rule-specific payload */
  data: Record<string, unknown>;
  /** resolved by the engine when collected, so corpus rules never need the file again */
  where: { start: Position; end: Position; excerpt: string; neighbourhood: string };
}

export interface CorpusContext {
  spec: Spec;
  asOf: string;
  /** this rule's statements from every document, in a deterministic order: by path, then offset */
  statements: Statement[];
  /** reports a finding at a statement's place */
  report(statement: Statement, report: Omit<Report, 'start' | 'end'>): void;
}

export interface CorpusRule {
  kind: 'corpus';
  meta: RuleMeta;
  collect(context: DocumentContext): Array<Pick<Statement, 'start' | 'end' | 'data'>>;
  check(context: CorpusContext): void;
}

export type Rule = DocumentRule | CorpusRule;
