/**
 * The rule interface. A rule is a module with `meta` (its documentation and every message it can
 * say, read by `explain`, the docs generator, the example checker and reporters) and a check.
 * Rules own their behaviour; the engine only decides when each kind runs:
 * - document rules see one document and its phrase matches;
 * - corpus rules collect serialisable statements from each document and then judge them all
 *   together, which is what lets them compare one channel's document with another's even when
 *   documents are read in parallel, from a cache, or on other machines;
 * - file rules hear of a file that could not be read;
 * - waiver rules judge the waivers themselves (inline directives, spec exceptions) once the
 *   engine has applied them to every finding.
 */
import type { Directive, Document, TextBlock } from '../model/document.js';
import type { Fix, Position, RelatedKind, RelatedLocation, SentenceContext, Severity, SpecPos } from '../model/finding.js';
import type { DocumentMatches } from '../match/matcher.js';
import type { PhraseKind, PhraseSelection } from '../match/types.js';
import type { SpecIndex } from '../spec/compile.js';
import type { Exception, Spec } from '../spec/types.js';

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
   * Every message the rule can say, keyed by message id (ESLint's `messages`): `{{name}}` is
   * filled from the report's `data`. Data, so that tests, reporters and the docs can list them.
   */
  messages: Record<string, string>;
  /**
   * The rule can report in a document that holds no phrase match of the spec (a rule about
   * layout). The prefilter skips parsing files without matches, so when an active rule sets
   * this, every file is parsed.
   */
  reportsWithoutMatches?: boolean;
  /**
   * Kinds of finding the rule reports apart, each with its own severity: the spec sets one with
   * the key `RULE/VARIANT` in `severity:` (`fact/mismatch/inferred: error`), and `off` stops the
   * rule reporting it. A finding of a variant carries its name (`Finding.variant`).
   */
  variants?: Record<string, RuleVariant>;
  /**
   * The phrases whose matches can make the rule report, or collect a statement, under a spec: its
   * triggers. A file in which no trigger of an active rule may match gives no finding and no
   * statement, so the prefilter need not parse it. Absent: every phrase of the spec (a rule that
   * does not say is taken to read them all). Empty: nothing can set the rule off under this spec
   * (the stock rules, where no product's stock makes them fire).
   */
  triggers?(spec: Spec): PhraseSelection[];
  docs: {
    /** a paragraph or two: when it fires, and why it matters */
    details: string;
    /** must report at least one finding (checked by a test, as ESLint's check-rule-examples does) */
    bad: RuleExample;
    /** must report nothing */
    good: RuleExample;
  };
}

/** A kind of finding a rule reports apart, with its own severity. */
export interface RuleVariant {
  description: string;
  defaultSeverity: Severity;
  /** phrase kinds the spec compiles only while this variant is on (a fact's topics) */
  phrases?: PhraseKind[];
}

/** Every key the spec's `severity:` may name: rule ids, and `RULE/VARIANT` for each rule's variants. */
export function severityKeys(rules: readonly Rule[]): string[] {
  return rules.flatMap((rule) => [rule.meta.id, ...Object.keys(rule.meta.variants ?? {}).map((variant) => `${rule.meta.id}/${variant}`)]);
}

/** What every report names: which message, filled with what. */
export interface MessageRef {
  messageId: string;
  data?: Record<string, string | number>;
}

/** The spec item a report is about, with where the spec defines it. */
export interface ItemRef {
  kind: string;
  id: string;
  pos: SpecPos;
}

/** What a rule reports; the engine fills in path, channel, line:col, excerpt and severity. */
export interface Report extends MessageRef {
  /** source offsets of the reported range in the document's file */
  start: number;
  end: number;
  item?: ItemRef;
  related?: RelatedLocation[];
  /** related places in the same document, in source offsets; the engine resolves their positions and sentences */
  relatedHere?: Array<{ kind: RelatedKind; start: number; end: number; message: string }>;
  fix?: Fix;
  /** overrides the rule's severity for this one finding */
  severity?: Severity;
  /** one of the rule's `meta.variants`: the finding takes that variant's severity */
  variant?: string;
}

export interface DocumentContext {
  doc: Document;
  spec: Spec;
  /** the spec's items by id */
  items: SpecIndex;
  /** every phrase match in the document, computed once for all rules */
  matches: DocumentMatches;
  /** the date claims are judged at, `YYYY-MM-DD` */
  asOf: string;
  report(report: Report): void;
  /** whether one of the current rule's variants is on (the spec does not turn it `off`) */
  isOn(variant: string): boolean;
  /**
   * Under `--debug` only: says why something that looked like a statement is not one (a quantity
   * of another kind, a held-back claim), at a source range of the document.
   */
  explain?(at: { start: number; end: number }, why: string): void;
  /**
   * The source offsets of a range of a block's visible text (`block.text.slice(start, end)`): what
   * `report` takes. For rules that scan the text themselves (plugins), since markup, escapes and
   * line breaks make text offsets and source offsets differ.
   */
  sourceRange(block: TextBlock, start: number, end: number): { start: number; end: number };
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
  /**
   * The spec item the statement is about (`{ kind: 'fact', id: 'return-window' }`). With nested
   * specs, statements are compared only with statements about the same definition of that item.
   */
  item?: { kind: string; id: string };
  /** resolved by the engine when collected, so corpus rules never need the file again */
  where: { start: Position; end: Position; excerpt: string; neighbourhood: string; context?: SentenceContext };
}

export interface CorpusContext {
  spec: Spec;
  items: SpecIndex;
  asOf: string;
  /** this rule's statements from every document, in a deterministic order: by path, then offset */
  statements: Statement[];
  /** reports a finding at a statement's place */
  report(statement: Statement, report: Omit<Report, 'start' | 'end'>): void;
}

export interface CorpusRule {
  kind: 'corpus';
  meta: RuleMeta;
  /**
   * The JSON schema of its statements' `data`: statements that come back from a cache or a shard
   * file are validated against it before `check` reads them.
   */
  statementData?: object;
  collect(context: DocumentContext): Array<Pick<Statement, 'start' | 'end' | 'data' | 'item'>>;
  check(context: CorpusContext): void;
}

/**
 * A file the run could not read or parse, and why; or, with `note`, something its reader noticed
 * in a file it did read (a key set twice), for the file rules that report such notes.
 */
export interface FileProblem {
  path: string;
  /** one line: why the file could not be read (empty for a note) */
  reason: string;
  /** what the reader noticed (`duplicate-key`) and the facts a message is filled from; absent when the file could not be read */
  note?: { code: string; data: Record<string, string | number> };
  /** where in the file the problem is, when the reader knows */
  at?: Position;
  /** where the noted place ends, and its text */
  end?: Position;
  excerpt?: string;
  channel?: string;
}

export interface FileContext {
  problem: FileProblem;
  report(report: MessageRef): void;
}

export interface FileRule {
  kind: 'file';
  meta: RuleMeta;
  check(context: FileContext): void;
}

/** A place a waiver rule reports at: a directive comment, or an exception in the spec. */
export interface WaiverPlace {
  path: string;
  start: Position;
  end: Position;
  excerpt: string;
  document?: { channel?: string | undefined; title?: string | undefined; id?: string | undefined };
}

/** One directive, resolved to the source ranges it covers; serialisable like a Statement. */
export interface DirectiveScope {
  kind: Directive['kind'];
  /** rule ids or `rule:item` ids; empty = every rule */
  selectors: string[];
  reason?: string;
  /** the approver the reason names */
  approvedBy?: string;
  documentId?: string;
  documentTitle?: string;
  channel?: string;
  /** source offset ranges [start, end) a finding's start must fall in; `except` lists selectors an `enable` took back */
  ranges: Array<{ start: number; end: number; except?: string[] }>;
  /** where the directive comment is written */
  where: { start: Position; end: Position; excerpt: string; neighbourhood: string };
}

/** An inline directive of a file, after the engine applied it: the selectors that suppressed something. */
export interface AppliedDirective {
  path: string;
  scope: DirectiveScope;
  /** selectors (or `*` for a directive naming no rule) that suppressed at least one finding */
  used: ReadonlySet<string>;
}

/** A spec exception, and whether it is past its `until` date (then it waived nothing). */
export interface JudgedException {
  exception: Exception;
  expired: boolean;
}

export interface WaiverContext {
  spec: Spec;
  asOf: string;
  directives: readonly AppliedDirective[];
  exceptions: readonly JudgedException[];
  /** every rule id onemessage knows, and the ones this run has on */
  knownRuleIds: readonly string[];
  activeRuleIds: ReadonlySet<string>;
  /** The rule's message filled from a reference, as the finding will show it. */
  message(ref: MessageRef): string;
  /**
   * Reports at a place. `identity` is what the finding's fingerprint follows (the directive's
   * neighbourhood and message, or the exception's date), since a waiver matches no phrase.
   */
  report(place: WaiverPlace, report: MessageRef & { item?: ItemRef; identity: string }): void;
}

export interface WaiverRule {
  kind: 'waiver';
  meta: RuleMeta;
  /**
   * When it runs: `directives` after inline directives are applied (its findings can still be
   * waived by a spec exception), `exceptions` after spec exceptions are applied.
   */
  stage: 'directives' | 'exceptions';
  check(context: WaiverContext): void;
}

export type Rule = DocumentRule | CorpusRule | FileRule | WaiverRule;

/** A summary a run's result carries, built from corpus rules' statements (the fact rules' message map). */
export interface RunView<T> {
  /** the corpus rules whose statements it reads */
  rules: readonly string[];
  build(spec: Spec, statements: Statement[]): T;
}
