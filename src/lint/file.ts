/**
 * Lints one file's text: parse it into documents, match every phrase once, run the document rules
 * and collect the corpus rules' statements. Everything it returns is plain data with resolved
 * positions, so a file's outcome can come from a worker, a cache or another machine. It reads no
 * file: the runner, the library or an editor gives it the text.
 */
import { FormatError, toSourceRange, type Document, type LineModel } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { neighbourhood } from '../model/fingerprint.js';
import { locator, type Locator } from '../model/positions.js';
import type { FileRecord } from '../model/result.js';
import { containerFor, formatFor } from '../formats/index.js';
import type { LintContext } from './context.js';
import { resolveDirectives, type DirectiveScope } from './directives.js';
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
export function lintText(file: DiscoveredFile, text: string, context: LintContext, meta: SourceMeta): FileOutcome | undefined {
  const channel = context.channelOf(file.abs);
  const format = formatFor(file.rel, text);
  if (!format && containerFor(file.rel)) {
    // Text decoded from an Office file or a PDF is no longer the file: only its bytes can be read.
    return unreadableOutcome(file, context, { reason: 'an Office document or a PDF is read from its bytes, not from text: check the file itself (not through standard input or lintText)', meta, channel });
  }
  if (!format) {
    const ext = file.rel.includes('.') ? file.rel.slice(file.rel.lastIndexOf('.')) : '(no extension)';
    return unreadableOutcome(file, context, { reason: `no reader for ${ext} files`, meta, channel });
  }
  const { prefilter } = context.compiled;
  if (prefilter && !prefilter.mayMatch(text) && format.readsQuietly?.(text)) {
    // What the parse would have given: one document, no finding, no statement, no warning.
    const record: FileRecord = { path: file.rel, format: format.name, ...(channel !== undefined ? { channel } : {}), sha256: meta.sha256, documents: 1, bytes: meta.bytes };
    return { record, findings: [], statements: {}, warnings: [] };
  }
  let documents: Document[];
  try {
    documents = format.read({ path: file.rel, text, options: context.formatOptions }).documents;
  } catch (error) {
    if (error instanceof FormatError) {
      if (format.mayNotBeContent && !file.explicit && channel === undefined) return undefined;
      return unreadableOutcome(file, context, { reason: error.message, meta, channel, format: format.name, ...(error.offset !== undefined ? { at: { text, offset: error.offset } } : {}) });
    }
    // A bug in a reader or a parser it uses costs this file, never the run.
    const outcome = unreadableOutcome(file, context, { reason: `internal error reading this file: ${firstLine(error)}`, meta, channel, format: format.name });
    if (context.debug && error instanceof Error && error.stack) outcome.warnings.push(`${file.rel}: ${error.stack}`);
    return outcome;
  }
  return lintDocuments({ file, text, documents, format: { name: format.name, lines: format.lines }, locate: locator(text), context, meta, channel });
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
export function lintDocuments(options: { file: DiscoveredFile; text: string; documents: Document[]; format: ReadBy; locate: Locator; context: LintContext; meta: SourceMeta; channel: string | undefined }): FileOutcome {
  const { file, text, documents, format, locate, context, meta, channel } = options;
  const findings: Finding[] = [];
  const statements: Record<string, Statement[]> = {};
  const warnings: string[] = [];
  const directives: DirectiveScope[] = [];
  let fileChannel = channel;
  for (const doc of documents) {
    doc.channel = channel;
    if (doc.declaredChannel !== undefined) {
      if (context.spec.channels.some((c) => c.name === doc.declaredChannel)) doc.channel = doc.declaredChannel;
      else warnings.push(`${file.rel}: declares channel "${doc.declaredChannel}", which the spec does not define; using ${channel ?? 'no channel'}`);
    }
    fileChannel = documents.length === 1 ? doc.channel : fileChannel;
    for (const scope of resolveDirectives({ doc, text, locate, lines: format.lines })) directives.push(scope);
    const matches = context.compiled.matcher.match(doc);
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
  return {
    record: { path: file.rel, format: format.name, ...(fileChannel !== undefined ? { channel: fileChannel } : {}), sha256: meta.sha256, documents: documents.length, bytes: meta.bytes },
    findings,
    statements,
    warnings,
    ...(directives.length > 0 ? { directives } : {}),
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
