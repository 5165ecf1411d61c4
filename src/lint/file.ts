/**
 * Lints one file's text: parse it into documents, match every phrase once, run the document rules
 * and collect the corpus rules' statements. Everything it returns is plain data with resolved
 * positions, so a file's outcome can come from a worker, a cache or another machine. It reads no
 * file: the runner, the library or an editor gives it the text.
 */
import { FormatError, INTERNAL_CHANNEL, NotContentError, toSourceRange, type Document, type FormatNote, type LineModel, type ReadResult } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { neighbourhood } from '../model/fingerprint.js';
import { locator, type Locator } from '../model/positions.js';
import type { FileRecord } from '../model/result.js';
import type { BlockMatchMemo } from '../match/matcher.js';
import type { FormatModule, ReadInput } from '../formats/format.js';
import { containerFor, formatFor } from '../formats/index.js';
import type { LintContext } from './context.js';
import { resolveDirectives, type DirectiveScope } from './directives.js';
import { readSource } from './read-documents.js';
import { documentFinding, problemFinding } from './findings.js';
import { sentenceAround } from './sentence.js';
import type { DiscoveredFile } from './paths.js';
import type { CorpusRule, DocumentContext, DocumentRule, FileProblem, Statement } from './rule.js';

export interface FileOutcome {
  record: FileRecord;
  findings: Finding[];
  /** corpus rule id -> statements collected from this file */
  statements: Record<string, Statement[]>;
  warnings: string[];
  /** the inline directives of the file's documents, resolved to the ranges they cover */
  directives?: DirectiveScope[];
  /**
   * What linting took this time, for `--debug` and the benchmark: whether the file was parsed, and
   * whether it held a match of a trigger phrase or a directive. Runners drop it before an outcome
   * is cached, sharded or kept, so it never changes a result.
   */
  work?: FileWork;
}

export interface FileWork {
  parsed: boolean;
  held: boolean;
}

export interface LintTextOptions {
  /** how to read the text with the format chosen for it, instead of its `read` (an editor's reader that keeps the last version) */
  readerFor?(format: FormatModule): ((input: ReadInput) => ReadResult) | undefined;
  /** what the blocks of this document's last version matched (an editor's buffer), kept for the next */
  matchMemo?: BlockMatchMemo;
}

/** What is known of the bytes a text came from. */
export interface SourceMeta {
  sha256: string;
  bytes: number;
}

/**
 * Lints text already in memory; `meta` describes the bytes it came from. Undefined when the file
 * turns out not to be content: a file of a format that says so (package.json), found in a folder
 * outside every channel, that its reader cannot read.
 */
export function lintText(file: DiscoveredFile, text: string, context: LintContext, meta: SourceMeta, options: LintTextOptions = {}): FileOutcome | undefined {
  const channel = context.channelOf(file.abs);
  const format = formatFor(file.rel, text, context.readerOf(file.abs));
  if (!format && containerFor(file.rel)) {
    // Text decoded from an Office file or a PDF is no longer the file: only its bytes can be read.
    return unreadableOutcome(file, context, { reason: 'an Office document or a PDF is read from its bytes, not from text: check the file itself (not through standard input or lintText)', meta, channel });
  }
  if (!format) {
    const ext = file.rel.includes('.') ? file.rel.slice(file.rel.lastIndexOf('.')) : '(no extension)';
    return unreadableOutcome(file, context, { reason: `no reader for ${ext} files`, meta, channel });
  }
  const { prefilter } = context.compiled;
  // Whether the file reads quietly is asked first: it is cheap, and a file that does not (a page whose
  // front matter is refused) is parsed whatever the prefilter would say of its text.
  if (prefilter && format.readsQuietly?.(text) && !prefilter.mayMatch(text, () => format.phraseView?.(text))) {
    // What the parse would have given: one document, no finding, no statement, no warning.
    const record: FileRecord = { path: file.rel, format: format.name, ...(channel !== undefined ? { channel } : {}), sha256: meta.sha256, documents: 1, bytes: meta.bytes };
    return { record, findings: [], statements: {}, warnings: [], work: { parsed: false, held: false } };
  }
  let documents: Document[];
  let notes: FormatNote[];
  // Found by a folder walk in a format that may be no content: outside every channel the reader
  // reads only a shape it is sure of; inside one, a file it found no content in (a config beside
  // the pages) is data too.
  const walked = Boolean(format.mayNotBeContent) && !file.explicit;
  const mayPassOver = walked && channel === undefined;
  try {
    const read = options.readerFor?.(format) ?? ((input: ReadInput) => format.read(input));
    const result = readSource(read, { path: file.rel, text, options: context.formatOptions, ...(mayPassOver ? { mayPassOver } : {}) });
    documents = result.documents;
    notes = result.notes ?? [];
  } catch (error) {
    if (error instanceof FormatError) {
      if (mayPassOver || (walked && error instanceof NotContentError)) return undefined;
      const outcome = unreadableOutcome(file, context, { reason: error.message, meta, channel, format: format.name, ...(error.offset !== undefined ? { at: { text, offset: error.offset } } : {}) });
      return { ...outcome, work: { parsed: true, held: false } };
    }
    // A bug in a reader or a parser it uses costs this file, never the run.
    const outcome: FileOutcome = { ...unreadableOutcome(file, context, { reason: `internal error reading this file: ${firstLine(error)}`, meta, channel, format: format.name }), work: { parsed: true, held: false } };
    if (context.debug && error instanceof Error && error.stack) outcome.warnings.push(`${file.rel}: ${error.stack}`);
    return outcome;
  }
  return lintDocuments({ file, text, documents, notes, format: { name: format.name, lines: format.lines }, locate: locator(text), context, meta, channel, ...(options.matchMemo ? { matchMemo: options.matchMemo } : {}) });
}

/** What the document pipeline needs of the format that read a file. */
export interface ReadBy {
  name: string;
  lines: LineModel;
  /** false: onemessage never writes this format (a container), so findings carry no fix */
  writable?: boolean;
}

/**
 * Runs the rules over documents read from a file's text (its source, or a container's extracted
 * text): channels, directives, matches, document rules and the corpus rules' statements.
 */
export function lintDocuments(options: {
  file: DiscoveredFile;
  text: string;
  documents: Document[];
  /** what the reader noticed in the file it read, for the file rules */
  notes?: FormatNote[];
  format: ReadBy;
  locate: Locator;
  context: LintContext;
  meta: SourceMeta;
  channel: string | undefined;
  /** what the blocks of this document's last version matched (an editor's buffer) */
  matchMemo?: BlockMatchMemo;
}): FileOutcome {
  const { file, text, documents, format, locate, context, meta, channel } = options;
  const notes = options.notes ?? [];
  const findings: Finding[] = [];
  const statements: Record<string, Statement[]> = {};
  const warnings: string[] = [];
  const directives: DirectiveScope[] = [];
  let fileChannel = channel;
  let held = false;
  options.matchMemo?.nextVersion();
  for (const doc of documents) {
    doc.channel = channel;
    if (doc.internal) {
      // Agents' own notes: customers never read them, so no rule judges them unless the spec asks.
      doc.channel = INTERNAL_CHANNEL;
      if (context.spec.internal !== 'check') continue;
    } else if (doc.declaredChannel !== undefined) {
      if (context.spec.channels.some((c) => c.name === doc.declaredChannel)) doc.channel = doc.declaredChannel;
      else warnings.push(`${file.rel}: declares channel "${doc.declaredChannel}", which the spec does not define; using ${channel ?? 'no channel'}`);
    }
    fileChannel = documents.length === 1 ? doc.channel : fileChannel;
    for (const scope of resolveDirectives({ doc, text, locate, lines: format.lines })) directives.push(scope);
    const matches = context.compiled.matcher.match(doc, options.matchMemo);
    held ||= doc.directives.length > 0 || matches.all.some((match) => context.compiled.isTrigger(match.kind, match.itemId));
    if (context.debug) {
      // why a claim or trigger that matched asserts nothing: the claim judgement's reason
      for (const match of matches.all) if (match.heldBack !== undefined) warnings.push(debugNote(file.rel, locate.at(match.start), `"${text.slice(match.start, match.end)}" (${match.itemId}) is not read as a ${match.kind === 'claim' ? 'claim' : 'trigger'}: ${match.heldBack}`));
    }
    let current: { rule: DocumentRule | CorpusRule; severity: Finding['severity'] } | undefined;
    const docContext: DocumentContext = {
      doc,
      spec: context.spec,
      items: context.compiled.items,
      matches,
      asOf: context.asOf,
      report: (report) => {
        const severity = report.variant === undefined ? current!.severity : context.rules.severity.get(`${current!.rule.meta.id}/${report.variant}`);
        // A file onemessage never writes gets no fix: the fix is made in the source document.
        const { fix, ...rest } = report;
        const kept = format.writable === false || fix === undefined ? rest : { ...rest, fix };
        // a variant the spec turns off is not reported, whatever the rule does
        if (severity !== undefined) findings.push(documentFinding({ rule: current!.rule, severity, doc, report: kept, text, locate }));
      },
      isOn: (variant) => context.rules.severity.has(`${current!.rule.meta.id}/${variant}`),
      ...(context.debug ? { explain: (at: { start: number; end: number }, why: string) => warnings.push(debugNote(file.rel, locate.at(at.start), why)) } : {}),
      sourceRange: (block, start, end) => toSourceRange(block, start, end),
    };
    for (const entry of context.rules.document) {
      current = entry;
      entry.rule.check(docContext);
    }
    for (const entry of context.rules.corpus) {
      current = entry;
      const list = (statements[entry.rule.meta.id] ??= []);
      for (const partial of entry.rule.collect(docContext)) {
        const context = sentenceAround(doc, partial.start, partial.end);
        list.push({
          ...partial,
          path: file.rel,
          ...(doc.channel !== undefined ? { channel: doc.channel } : {}),
          ...(doc.title !== undefined ? { documentTitle: doc.title } : {}),
          ...(doc.id !== undefined ? { documentId: doc.id } : {}),
          where: { start: locate.at(partial.start), end: locate.at(partial.end), excerpt: text.slice(partial.start, partial.end), neighbourhood: neighbourhood(text, partial.start, partial.end), ...(context ? { context } : {}) },
        });
      }
    }
  }
  for (const note of notes) {
    const problem: FileProblem = {
      path: file.rel,
      reason: '',
      note: { code: note.code, data: note.data },
      at: locate.at(note.start),
      end: locate.at(note.end),
      excerpt: text.slice(note.start, note.end),
      ...(fileChannel !== undefined ? { channel: fileChannel } : {}),
    };
    for (const { rule, severity } of context.rules.file) {
      rule.check({ problem, report: (report) => findings.push(problemFinding({ rule, severity, problem, report })) });
    }
  }
  return {
    record: { path: file.rel, format: format.name, ...(fileChannel !== undefined ? { channel: fileChannel } : {}), sha256: meta.sha256, documents: documents.length, bytes: meta.bytes },
    findings,
    statements,
    warnings,
    ...(directives.length > 0 ? { directives } : {}),
    work: { parsed: true, held },
  };
}

/** The outcome of a file that could not be read or parsed: what the file rules say of it. */
export function unreadableOutcome(
  file: DiscoveredFile,
  context: LintContext,
  options: { reason: string; meta?: SourceMeta; channel?: string | undefined; format?: string; at?: { text: string; offset: number } },
): FileOutcome {
  const { meta, channel, format, at } = options;
  const record: FileRecord = { path: file.rel, documents: 0, bytes: meta?.bytes ?? 0 };
  if (format) record.format = format;
  if (channel !== undefined) record.channel = channel;
  if (meta) record.sha256 = meta.sha256;
  const problem: FileProblem = { path: file.rel, reason: options.reason, ...(at ? { at: locator(at.text).at(at.offset) } : {}), ...(channel !== undefined ? { channel } : {}) };
  const findings: Finding[] = [];
  for (const { rule, severity } of context.rules.file) {
    rule.check({ problem, report: (report) => findings.push(problemFinding({ rule, severity, problem, report })) });
  }
  return { record, findings, statements: {}, warnings: [] };
}

/** One `--debug` line: where, and why what stands there is not a statement. */
function debugNote(rel: string, at: { line: number; column: number }, why: string): string {
  return `${rel}:${at.line}:${at.column}: debug: ${why}`;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return message.split(/\r?\n|\r/)[0]!.trim() || 'unknown error';
}
