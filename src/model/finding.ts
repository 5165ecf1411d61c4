/**
 * The finding: what a rule reports, carried unchanged from rule to reporter (where, what, which
 * spec item, the other side of a contradiction), built by one factory so that every finding has
 * the same shape and a fingerprint computed the same way.
 */
import { fingerprintOf } from './fingerprint.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A point in a source file: 1-based line and column (UTF-16 code units), 0-based offset. For a
 * container (an Office document, a PDF) they count in the text onemessage extracted from it, one
 * paragraph a line, and `place` says where that is in terms a person can follow.
 */
export interface Position {
  line: number;
  column: number;
  offset: number;
  place?: Place;
}

/** Where a point of a container's extracted text sits: `slide 4 ¶2:15`, `page 2 notes ¶1:3`. */
export interface Place {
  /** what a person pages through; absent for a document without recorded pages */
  unit?: 'slide' | 'page';
  /** 1-based number of the slide or page */
  number?: number;
  /** a part that is not the unit's body: `notes`, `header`, `footer` */
  part?: string;
  /** 1-based paragraph (a table row counts as one) among those with text in the unit or part */
  paragraph: number;
  /** 1-based character within the paragraph, in UTF-16 code units */
  character: number;
}

/** Where something is written in a spec file (or a built-in pack). */
export interface SpecPos {
  /** spec file path relative to the working folder, or `pack:NAME` for a built-in pack */
  file: string;
  line: number;
  column: number;
}

/** The spec item a finding is about, and where the spec defines it. */
export interface SpecItemRef {
  /** `fact`, `claim`, `product`, `promise`, `disclosure`, `term`, `exception` */
  kind: string;
  id: string;
  /** spec file that defines it (relative to the working folder), a pack name for built-in packs */
  file: string;
  line: number;
  column: number;
}

/**
 * The sentence a reader sees around a match, with the match's range in it, so that a report can
 * quote the sentence and highlight the words without the document (which reporters never have).
 */
export interface SentenceContext {
  /** the sentence as a reader sees it: markup gone, runs of white space as one space, long ones cut with `…` */
  text: string;
  /** the match's range in `text`, in UTF-16 code units */
  start: number;
  end: number;
}

/**
 * What a related location is to the finding, set by the rule that reports it: the other side of a
 * contradiction (another channel's statement of the fact), or context that explains the finding
 * (the product a section is about, a disclosure placed after its trigger).
 */
export type RelatedKind = 'contradiction' | 'context';

/** Another place that explains the finding: the other side of a contradiction, or context. */
export interface RelatedLocation {
  kind: RelatedKind;
  path: string;
  start: Position;
  end: Position;
  message: string;
  excerpt?: string;
  /** the sentence around the excerpt, when the place is text a reader sees */
  context?: SentenceContext;
  channel?: string;
  /** for a place inside a multi-document file (a macro export) */
  documentTitle?: string;
  documentId?: string;
}

/** A replacement of source[start, end) by `text`, in source offsets. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export interface Finding {
  ruleId: string;
  /** the key of the message in the rule's `meta.messages` (ESLint's messageId) */
  messageId?: string;
  severity: Severity;
  message: string;
  path: string;
  start: Position;
  end: Position;
  /** the source text at [start, end) */
  excerpt: string;
  /** the sentence around the excerpt as a reader sees it, when the finding is about text */
  context?: SentenceContext;
  channel?: string;
  /** the document inside a multi-document file (a macro's title and id) */
  documentTitle?: string;
  documentId?: string;
  documentInactive?: boolean;
  item?: SpecItemRef;
  related: RelatedLocation[];
  fix?: Fix;
  /**
   * A kind of finding its rule reports apart, with its own severity: `inferred` for a fact
   * statement found beyond the fact's templates (its `about:` words beside a quantity).
   */
  variant?: string;
  /** stable across edits elsewhere in the file: rule, item, file, matched text and its neighbourhood */
  fingerprint?: string;
  /** a waived finding still appears in reports, marked, with who waived it and why */
  suppression?: Suppression;
}

export interface Suppression {
  kind: 'directive' | 'exception' | 'baseline';
  reason: string;
  approvedBy?: string;
  until?: string;
  /** where the directive or exception is written */
  path?: string;
  line?: number;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The one order of findings, so output never depends on file order or scheduling. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.path, b.path) ||
    a.start.offset - b.start.offset ||
    a.end.offset - b.end.offset ||
    cmp(a.ruleId, b.ruleId) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    cmp(a.item?.id ?? '', b.item?.id ?? '') ||
    cmp(a.message, b.message)
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a finding is made of; the factory gives every finding the same shape and its fingerprint. */
export interface FindingInput {
  ruleId: string;
  messageId?: string;
  severity: Severity;
  message: string;
  path: string;
  start: Position;
  end: Position;
  excerpt: string;
  context?: SentenceContext;
  related?: RelatedLocation[];
  /** the document inside the file that the finding is in (a macro of an export), and its channel */
  document?: { channel?: string | undefined; title?: string | undefined; id?: string | undefined; inactive?: boolean | undefined };
  item?: SpecItemRef;
  fix?: Fix;
  variant?: string;
  /**
   * The text the fingerprint follows: the matched text with its line neighbourhood (see
   * `neighbourhood()`), or whatever identifies a finding that matches no text (a file's problem).
   */
  neighbourhood: string;
}

/** The one place a Finding is built. */
export function createFinding(input: FindingInput): Finding {
  const { document } = input;
  const finding: Finding = {
    ruleId: input.ruleId,
    ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
    severity: input.severity,
    message: input.message,
    path: input.path,
    start: input.start,
    end: input.end,
    excerpt: input.excerpt,
    ...(input.context ? { context: input.context } : {}),
    related: input.related ?? [],
  };
  if (document?.channel !== undefined) finding.channel = document.channel;
  if (document?.title !== undefined) finding.documentTitle = document.title;
  if (document?.id !== undefined) finding.documentId = document.id;
  if (document?.inactive) finding.documentInactive = true;
  if (input.item) finding.item = input.item;
  if (input.fix) finding.fix = input.fix;
  if (input.variant !== undefined) finding.variant = input.variant;
  finding.fingerprint = fingerprintOf({ ruleId: input.ruleId, itemId: input.item?.id, path: input.path, documentId: document?.id, neighbourhood: input.neighbourhood });
  return finding;
}
