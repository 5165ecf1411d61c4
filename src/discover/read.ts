/**
 * Reads the corpus as `check` does (same discovery, decoding and format readers) and hands
 * each document to a visitor with its channel: from an existing spec's globs, or, with no
 * spec, from folder names (site/blog/marketing -> marketing, sales/scripts -> sales,
 * support/macros/help -> support).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { channelResolver } from '../lint/channels.js';
import { formatOptionsFor } from '../lint/context.js';
import { readerResolver } from '../lint/readers.js';
import { decode } from '../runner/decode.js';
import { discoverFiles, reason, toPosix } from '../runner/files.js';
import { FormatError, type Document } from '../model/document.js';
import type { Extraction, FormatOptions } from '../formats/format.js';
import { containerFor, formatFor, knownExtensions, loadFormatsFor } from '../formats/index.js';
import { locator, placeLocator, type Locator } from '../model/positions.js';
import type { Spec } from '../spec/types.js';

/** Folder names that say which channel a folder speaks for, when there is no spec to say it. */
const FOLDER_CHANNELS: Record<string, string> = {
  site: 'marketing', www: 'marketing', web: 'marketing', website: 'marketing', blog: 'marketing', marketing: 'marketing', landing: 'marketing', pages: 'marketing',
  sales: 'sales', scripts: 'sales', script: 'sales', decks: 'sales', playbooks: 'sales', outreach: 'sales',
  support: 'support', macros: 'support', help: 'support', helpdesk: 'support', 'help-center': 'support', kb: 'support', faq: 'support', faqs: 'support',
};
const DEFAULT_CHANNELS = ['marketing', 'sales', 'support'];

/** Speakers whose lines are not ours when no spec names them. */
export const DEFAULT_IGNORED_SPEAKERS = ['Prospect', 'Customer', 'Caller', 'Client', 'Lead'];

export interface ReadCorpusOptions {
  cwd: string;
  paths: string[];
  /** an existing spec: its channels, ignores, speakers and format options are used */
  spec?: Spec;
  /** the folder the draft will live in: folder-name channel globs are relative to it */
  draftDir: string;
}

export interface CorpusDocument {
  doc: Document;
  /** the source text of the file, and its offset-to-line:column locator */
  text: string;
  locate: Locator;
}

export interface ReadCorpusResult {
  files: Array<{ path: string; channel?: string; format?: string }>;
  /** channel -> globs relative to the draft's folder, in first-seen order */
  channels: Array<{ name: string; globs: string[] }>;
  warnings: string[];
}

export async function readCorpus(options: ReadCorpusOptions, visit: (document: CorpusDocument) => void): Promise<ReadCorpusResult> {
  const { spec } = options;
  const readerOf = spec ? readerResolver(spec) : () => undefined;
  const { files, problems } = await discoverFiles({
    cwd: options.cwd,
    paths: options.paths,
    specDir: spec?.dir ?? options.cwd,
    ignoreGlobs: spec?.ignore ?? [],
    extensions: knownExtensions(),
    readerOf,
  });
  const warnings = problems.map((problem) => `${problem.rel}: ${problem.message}`);
  const formatOptions: FormatOptions = spec ? formatOptionsFor(spec) : { markdownFields: ['title', 'description'] };
  const bySpec = spec ? channelResolver(spec) : undefined;
  const known = new Set(spec ? spec.channels.map((c) => c.name) : DEFAULT_CHANNELS);
  const folderGlobs = new Map<string, Set<string>>();
  const channelOf = (abs: string): string | undefined => {
    if (bySpec) return bySpec.byPath(abs);
    const guess = channelByFolder(path.relative(options.draftDir, abs));
    if (!guess) return undefined;
    let globs = folderGlobs.get(guess.channel);
    if (!globs) folderGlobs.set(guess.channel, (globs = new Set()));
    globs.add(guess.glob);
    return guess.channel;
  };

  const out: ReadCorpusResult['files'] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file.abs);
    } catch (error) {
      warnings.push(`${file.rel}: cannot read file: ${reason(error)}`);
      continue;
    }
    await loadFormatsFor([file.rel]);
    const container = containerFor(file.rel);
    if (container) {
      // Decks and one-pagers say things too: read from their bytes, positions with their places.
      let extraction: Extraction;
      try {
        extraction = await container.extract({ path: file.rel, bytes, options: formatOptions });
      } catch (error) {
        if (!(error instanceof FormatError)) throw error;
        warnings.push(`${file.rel}: ${error.message}`);
        continue;
      }
      const channel = channelOf(file.abs);
      const locate = placeLocator(extraction.text, extraction.places);
      for (const doc of extraction.documents) {
        doc.channel = channel;
        visit({ doc, text: extraction.text, locate });
      }
      out.push({ path: file.rel, ...(channel !== undefined ? { channel } : {}), format: container.name });
      continue;
    }
    const decoded = decode(bytes);
    if (!decoded.ok) {
      warnings.push(`${file.rel}: ${decoded.reason}`);
      continue;
    }
    const reader = readerOf(file.abs);
    await loadFormatsFor([file.rel], reader ? [reader] : []);
    const format = formatFor(file.rel, decoded.text, reader);
    if (!format) continue;
    const channel = channelOf(file.abs);
    let documents: Document[];
    try {
      documents = format.read({ path: file.rel, text: decoded.text, options: formatOptions }).documents;
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      // Any JSON that is no macro export (package.json) is not content, as in check.
      if (!(format.name === 'json' && !file.explicit)) warnings.push(`${file.rel}: ${error.message}`);
      continue;
    }
    const locate = locator(decoded.text);
    for (const doc of documents) {
      doc.channel = doc.declaredChannel !== undefined && known.has(doc.declaredChannel) ? doc.declaredChannel : channel;
      visit({ doc, text: decoded.text, locate });
    }
    out.push({ path: file.rel, ...(channel !== undefined ? { channel } : {}), format: format.name });
  }
  return { files: out, channels: channelsFor(spec, folderGlobs, options.draftDir), warnings };
}

/** The channel a path's folders name, and the glob of the folder that names it. */
export function channelByFolder(relative: string): { channel: string; glob: string } | undefined {
  const parts = toPosix(relative).split('/');
  if (parts[0] === '..') return undefined;
  for (let i = 0; i < parts.length - 1; i++) {
    const channel = FOLDER_CHANNELS[parts[i]!.toLowerCase()];
    if (channel) return { channel, glob: `${parts.slice(0, i + 1).join('/')}/**` };
  }
  return undefined;
}

/** The draft's channels: the spec's, its globs moved to the draft's folder; else the folders seen. */
function channelsFor(spec: Spec | undefined, folderGlobs: Map<string, Set<string>>, draftDir: string): ReadCorpusResult['channels'] {
  if (spec) {
    const prefix = toPosix(path.relative(draftDir, spec.dir));
    return spec.channels.map((channel) => ({ name: channel.name, globs: channel.globs.map((glob) => (prefix ? `${prefix}/${glob}` : glob)) }));
  }
  return DEFAULT_CHANNELS.filter((name) => folderGlobs.has(name)).map((name) => ({ name, globs: [...folderGlobs.get(name)!].sort() }));
}
