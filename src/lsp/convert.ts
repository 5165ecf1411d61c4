/**
 * Findings and spec problems as LSP values. A finding's line and column are 1-based UTF-16 code
 * units, which is LSP's default position encoding once 1 is taken off; a spec problem has only a
 * start, so its range runs to the end of the token or line it names.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation, type Location, type Range } from 'vscode-languageserver/node';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding, Position, RelatedLocation, Severity, SpecItemRef } from '../model/finding.js';
import { builtinPackDir, packageRoot } from '../package-root.js';
import { formatPlace } from '../report/text.js';

export const SOURCE = 'onemessage';

/** What a diagnostic carries back to the server in a code action request. */
export interface DiagnosticData {
  fingerprint?: string;
}

export function fileUri(abs: string): string {
  return pathToFileURL(abs).href;
}

/** The file a `file:` URI names; undefined for any other scheme (an untitled buffer has no place on disk). */
export function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * An LSP range from a finding's positions. `bom`: the editor's text still starts with a byte
 * order mark, which the engine read past, so the first line's columns are one further on.
 */
export function toRange(start: Position, end: Position, bom = false): Range {
  // A point in an Office document or a PDF counts in the text extracted from it, which no editor
  // shows: the start of the file, with the place (slide 4 ¶2:15) written into the message.
  if (start.place) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const at = (position: Position) => ({ line: position.line - 1, character: position.column - 1 + (bom && position.line === 1 ? 1 : 0) });
  return { start: at(start), end: at(end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

/** Where the spec defines an item: its spec file (or built-in pack) by absolute path; undefined for the built-in vocabulary. */
export function specItemFile(item: Pick<SpecItemRef, 'file'>, cwd: string): string | undefined {
  const pack = /^pack:(.+)$/.exec(item.file);
  if (pack) {
    const candidates = ['yaml', 'yml'].map((ext) => path.join(builtinPackDir(), `${pack[1]}.${ext}`));
    return candidates.find((candidate) => existsSync(candidate));
  }
  if (/^[a-z]+:/.test(item.file)) return undefined; // `builtin:promises`: no file to show
  return path.resolve(cwd, item.file);
}

/** The spec item's place, as a location an editor can open (the start of its line to the item's column). */
export function specItemLocation(item: SpecItemRef, cwd: string): Location | undefined {
  const file = specItemFile(item, cwd);
  if (!file) return undefined;
  const start = { line: item.line - 1, character: item.column - 1 };
  return { uri: fileUri(file), range: { start, end: start } };
}

/** The rule's documentation page shipped in the package, as a link from the diagnostic's code. */
export function ruleDocsUri(ruleId: string): string | undefined {
  const file = path.join(packageRoot(), 'docs', 'rules', ...ruleId.split('/')) + '.md';
  return existsSync(file) ? fileUri(file) : undefined;
}

export interface FindingDiagnosticOptions {
  /** the folder the finding's paths are relative to */
  cwd: string;
  /** the open text starts with a byte order mark */
  bom?: boolean;
  /** the client shows related information; otherwise it is written into the message */
  relatedInformation: boolean;
}

/** A finding as an LSP diagnostic: the other side of a contradiction and the spec item as related information. */
export function findingDiagnostic(finding: Finding, options: FindingDiagnosticOptions): LspDiagnostic {
  const { cwd } = options;
  const related: DiagnosticRelatedInformation[] = finding.related.map((place) => ({
    location: { uri: fileUri(path.resolve(cwd, place.path)), range: toRange(place.start, place.end) },
    message: relatedMessage(place),
  }));
  const spec = finding.item ? specItemLocation(finding.item, cwd) : undefined;
  if (finding.item && spec) related.push({ location: spec, message: `the spec: ${finding.item.kind} ${finding.item.id}` });
  const docs = ruleDocsUri(finding.ruleId);
  const data: DiagnosticData = finding.fingerprint ? { fingerprint: finding.fingerprint } : {};
  const diagnostic: LspDiagnostic = {
    range: toRange(finding.start, finding.end, options.bom),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(docs ? { codeDescription: { href: docs } } : {}),
    source: SOURCE,
    message: finding.start.place ? `${formatPlace(finding.start.place)}: ${finding.message}` : finding.message,
    data,
  };
  if (related.length > 0) {
    if (options.relatedInformation) diagnostic.relatedInformation = related;
    // A client that cannot show related places still tells the writer where the other side is.
    else diagnostic.message += related.map((entry) => `\n↳ ${displayPlace(entry.location, cwd)} ${entry.message}`).join('');
  }
  return diagnostic;
}

function relatedMessage(place: RelatedLocation): string {
  const within = place.documentTitle !== undefined ? ` (in "${place.documentTitle}")` : place.start.place ? ` (at ${formatPlace(place.start.place)})` : '';
  return `${place.message}${within}`;
}

function displayPlace(location: Location, cwd: string): string {
  const file = uriPath(location.uri);
  const name = file ? path.relative(cwd, file).split(path.sep).join('/') : location.uri;
  return `${name}:${location.range.start.line + 1}:${location.range.start.character + 1}`;
}

/**
 * A spec problem as an LSP diagnostic. It names a line and column only; the range runs from there
 * to the end of the line, short of a trailing comment and of the colon of a bare key.
 */
export function specDiagnostic(problem: Diagnostic, lineText: (line: number) => string | undefined): LspDiagnostic {
  const line = (problem.line ?? 1) - 1;
  const character = problem.line === undefined ? 0 : (problem.column ?? 1) - 1;
  const text = problem.line === undefined ? undefined : lineText(line);
  let end = character;
  if (text !== undefined && character < text.length) {
    const span = text.slice(character).replace(/\s+#.*$/, '').trimEnd().replace(/:$/, '');
    end = character + Math.max(1, span.length);
  }
  return {
    range: { start: { line, character }, end: { line, character: end } },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'spec',
    message: problem.reason,
  };
}
