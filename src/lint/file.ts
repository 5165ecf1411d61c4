/**
 * Lints one file: read, decode, parse into documents, match every phrase once, run the document
 * rules and collect the corpus rules' statements. Everything it returns is plain data with
 * resolved positions, so a file's outcome can come from a worker, a cache or another machine.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { FormatError, type Document } from '../model/document.js';
import type { FormatOptions } from '../formats/format.js';
import { formatFor } from '../formats/index.js';
import type { Matcher } from '../match/matcher.js';
import type { Spec } from '../spec/types.js';
import { decode } from '../runner/decode.js';
import { resolveDirectives, type DirectiveScope } from './directives.js';
import { fingerprintOf, neighbourhood } from '../model/fingerprint.js';
import type { DiscoveredFile } from '../runner/files.js';
import { reason } from '../runner/files.js';
import type { FileRecord, Finding, RelatedLocation, Severity } from '../model/finding.js';
import { locator, type Locator } from '../model/positions.js';
import type { Prefilter } from '../match/prefilter.js';
import { readsQuietly } from '../formats/quiet.js';
import type { CorpusRule, DocumentContext, DocumentRule, Report, Statement } from './rule.js';

/** The rules a run uses, with the severity the spec gives each. */
export interface ActiveRules {
  document: Array<{ rule: DocumentRule; severity: Severity }>;
  corpus: Array<{ rule: CorpusRule; severity: Severity }>;
  /** severity of file/unreadable, or undefined when the spec turns it off */
  unreadable?: Severity;
}

export interface LintContext {
  spec: Spec;
  matcher: Matcher;
  rules: ActiveRules;
  asOf: string;
  formatOptions: FormatOptions;
  /** the spec's channel for a file, by its globs */
  channelOf(abs: string): string | undefined;
  /** proves files free of phrases so they need no parse; absent: every file is parsed */
  prefilter?: Prefilter;
  /** keep the stack of an internal error in a reader (as a warning) for `--debug` */
  debug?: boolean;
}

export interface FileOutcome {
  record: FileRecord;
  findings: Finding[];
  /** corpus rule id -> statements collected from this file */
  statements: Record<string, Statement[]>;
  warnings: string[];
  /** the inline directives of the file's documents, resolved to the ranges they cover */
  directives?: DirectiveScope[];
}

/**
 * Lints a file; undefined when the file turns out not to be content: a JSON file found in a
 * folder, outside every channel, that is no macro export (package.json, tsconfig.json).
 */
export async function lintFile(file: DiscoveredFile, context: LintContext): Promise<FileOutcome | undefined> {
  let bytes: Buffer;
  try {
    // A pipe named `page.md` would block readFile forever, waiting for a writer.
    const stat = await fs.stat(file.abs);
    if (stat.isDirectory()) return unreadable(file, context, 'cannot read file: it is a folder');
    if (!stat.isFile()) return unreadable(file, context, 'cannot read file: not a regular file (a pipe, socket or device)');
    bytes = await fs.readFile(file.abs);
  } catch (error) {
    return unreadable(file, context, `cannot read file: ${await readFailure(file.abs, error)}`);
  }
  return lintBytes(file, bytes, sha256Of(bytes), context);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Lints a file already read (by a cache lookup or the main thread of a worker pool). */
export function lintBytes(file: DiscoveredFile, bytes: Uint8Array, sha256: string, context: LintContext): FileOutcome | undefined {
  const decoded = decode(bytes);
  if (!decoded.ok) return unreadable(file, context, decoded.reason, { sha256, bytes: bytes.length });
  return lintText(file, decoded.text, context, { sha256, bytes: bytes.length });
}

/** Lints text already in memory (stdin, tests); `meta` describes the bytes it came from. */
export function lintText(file: DiscoveredFile, text: string, context: LintContext, meta: { sha256: string; bytes: number }): FileOutcome | undefined {
  const channel = context.channelOf(file.abs);
  const format = formatFor(file.rel, text);
  if (!format) {
    const ext = file.rel.includes('.') ? file.rel.slice(file.rel.lastIndexOf('.')) : '(no extension)';
    return unreadable(file, context, `no reader for ${ext} files`, meta, channel);
  }
  if (context.prefilter && !context.prefilter.mayMatch(text) && readsQuietly(format.name, text)) {
    // What the parse would have given: one document, no finding, no statement, no warning.
    const record: FileRecord = { path: file.rel, format: format.name, ...(channel !== undefined ? { channel } : {}), sha256: meta.sha256, documents: 1, bytes: meta.bytes };
    return { record, findings: [], statements: {}, warnings: [] };
  }
  let documents: Document[];
  try {
    documents = format.read({ path: file.rel, text, options: context.formatOptions }).documents;
  } catch (error) {
    if (error instanceof FormatError) {
      if (format.name === 'json' && !file.explicit && channel === undefined) return undefined;
      return unreadable(file, context, error.message, meta, channel, { text, offset: error.offset }, format.name);
    }
    // A bug in a reader or a parser it uses costs this file, never the run.
    const outcome = unreadable(file, context, `internal error reading this file: ${firstLine(error)}`, meta, channel, undefined, format.name);
    if (context.debug && error instanceof Error && error.stack) outcome.warnings.push(`${file.rel}: ${error.stack}`);
    return outcome;
  }
  const locate = locator(text);
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
    directives.push(...resolveDirectives({ doc, text, locate }));
    const matches = context.matcher.match(doc);
    let current: { rule: DocumentRule | CorpusRule; severity: Severity } | undefined;
    const docContext: DocumentContext = {
      doc,
      spec: context.spec,
      matches,
      asOf: context.asOf,
      report: (report) => findings.push(toFinding(current!.rule.meta.id, report.severity ?? current!.severity, doc, report, text, locate)),
    };
    for (const entry of context.rules.document) {
      current = entry;
      entry.rule.check(docContext);
    }
    for (const entry of context.rules.corpus) {
      current = entry;
      const list = (statements[entry.rule.meta.id] ??= []);
      for (const partial of entry.rule.collect(docContext)) {
        list.push({
          ...partial,
          path: file.rel,
          ...(doc.channel !== undefined ? { channel: doc.channel } : {}),
          ...(doc.title !== undefined ? { documentTitle: doc.title } : {}),
          ...(doc.id !== undefined ? { documentId: doc.id } : {}),
          where: { start: locate.at(partial.start), end: locate.at(partial.end), excerpt: text.slice(partial.start, partial.end), neighbourhood: neighbourhood(text, partial.start, partial.end) },
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

export function toFinding(ruleId: string, severity: Severity, doc: Document, report: Report, text: string, locate: Locator): Finding {
  const finding: Finding = {
    ruleId,
    severity,
    message: report.message,
    path: doc.path,
    start: locate.at(report.start),
    end: locate.at(report.end),
    excerpt: text.slice(report.start, report.end),
    related: [...(report.related ?? []), ...(report.relatedHere ?? []).map((place) => relatedHere(doc, place, text, locate))],
  };
  if (doc.channel !== undefined) finding.channel = doc.channel;
  if (doc.title !== undefined) finding.documentTitle = doc.title;
  if (doc.id !== undefined) finding.documentId = doc.id;
  if (doc.inactive) finding.documentInactive = true;
  if (report.item) finding.item = { kind: report.item.kind, id: report.item.id, file: report.item.pos.file, line: report.item.pos.line, column: report.item.pos.column };
  if (report.fix) finding.fix = report.fix;
  finding.fingerprint = fingerprintOf({ ruleId, itemId: report.item?.id, path: doc.path, documentId: doc.id, neighbourhood: neighbourhood(text, report.start, report.end) });
  return finding;
}

function relatedHere(doc: Document, place: { start: number; end: number; message: string }, text: string, locate: Locator): RelatedLocation {
  const related: RelatedLocation = { path: doc.path, start: locate.at(place.start), end: locate.at(place.end), message: place.message, excerpt: text.slice(place.start, place.end) };
  if (doc.channel !== undefined) related.channel = doc.channel;
  if (doc.title !== undefined) related.documentTitle = doc.title;
  if (doc.id !== undefined) related.documentId = doc.id;
  return related;
}

function unreadable(
  file: DiscoveredFile,
  context: LintContext,
  message: string,
  meta?: { sha256: string; bytes: number },
  channel?: string,
  at?: { text: string; offset: number | undefined },
  format?: string,
): FileOutcome {
  const record: FileRecord = { path: file.rel, documents: 0, bytes: meta?.bytes ?? 0 };
  if (format) record.format = format;
  if (channel !== undefined) record.channel = channel;
  if (meta) record.sha256 = meta.sha256;
  const findings: Finding[] = [];
  if (context.rules.unreadable) {
    const position = at && at.offset !== undefined ? locator(at.text).at(at.offset) : { line: 1, column: 1, offset: 0 };
    findings.push({
      ruleId: 'file/unreadable',
      severity: context.rules.unreadable,
      message,
      path: file.rel,
      start: position,
      end: position,
      excerpt: '',
      related: [],
      ...(channel !== undefined ? { channel } : {}),
      fingerprint: fingerprintOf({ ruleId: 'file/unreadable', path: file.rel, neighbourhood: message }),
    });
  }
  return { record, findings, statements: {}, warnings: [] };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return message.split(/\r?\n|\r/)[0]!.trim() || 'unknown error';
}

/** Why reading failed; a link to nothing says so rather than "it no longer exists". */
async function readFailure(abs: string, error: unknown): Promise<string> {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    const link = await fs.lstat(abs).catch(() => undefined);
    if (link?.isSymbolicLink()) return 'broken symbolic link (it points at nothing)';
  }
  return reason(error);
}
