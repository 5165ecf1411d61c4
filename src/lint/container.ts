/**
 * Lints a container file (an Office document, a PDF) from its bytes: the format extracts its text
 * and documents, and the same document pipeline as for text runs over them, with positions that
 * also say the slide or page, the paragraph and the character. The prefilter cannot see words in
 * compressed bytes, so it judges the extracted text: a file with no phrase skips the matcher and
 * the rules, and its outcome, cached by content hash, spares a second extraction.
 */
import { FormatError } from '../model/document.js';
import { placeLocator } from '../model/positions.js';
import type { FileRecord } from '../model/result.js';
import type { ContainerModule, Extraction } from '../formats/format.js';
import type { LintContext } from './context.js';
import { lintDocuments, unreadableOutcome, type FileOutcome, type SourceMeta } from './file.js';
import type { DiscoveredFile } from './paths.js';

export async function lintContainer(options: { file: DiscoveredFile; bytes: Uint8Array; format: ContainerModule; context: LintContext; meta: SourceMeta }): Promise<FileOutcome> {
  const { file, bytes, format, context, meta } = options;
  const channel = context.channelOf(file.abs);
  let extraction: Extraction;
  try {
    extraction = await format.extract({ path: file.rel, bytes, options: context.formatOptions });
  } catch (error) {
    if (error instanceof FormatError) return unreadableOutcome(file, context, { reason: error.message, meta, channel, format: format.name });
    const outcome = unreadableOutcome(file, context, { reason: `internal error reading this file: ${firstLine(error)}`, meta, channel, format: format.name });
    if (context.debug && error instanceof Error && error.stack) outcome.warnings.push(`${file.rel}: ${error.stack}`);
    return outcome;
  }
  const { text, documents, places } = extraction;
  const { prefilter } = context.compiled;
  // Containers carry no directives and declare no channel: with no phrase in the text, no rule can report.
  if (prefilter && !prefilter.mayMatch(text)) {
    const record: FileRecord = { path: file.rel, format: format.name, ...(channel !== undefined ? { channel } : {}), sha256: meta.sha256, documents: documents.length, bytes: meta.bytes };
    return { record, findings: [], statements: {}, warnings: [] };
  }
  return lintDocuments({ file, text, documents, format: { name: format.name, lines: 'embedded', writable: false }, locate: placeLocator(text, places), context, meta, channel });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\r?\n|\r/)[0]!.trim() || 'unknown error';
}
