/** The interface every format module implements: source text in, documents out. */
import type { Document, LineModel, ReadResult } from '../model/document.js';
import type { PlaceStart } from '../model/positions.js';
import type { EscapeAt } from './escape.js';

/** What a format needs from the spec to read a file. */
export interface FormatOptions {
  /** front matter fields that are customer-visible text (`title`, `description` and the spec's `formats.markdown.fields`) */
  markdownFields: string[];
  /** column names of a generic CSV of macros (`formats.csv`) */
  csv?: { title?: string; text?: string; id?: string; channel?: string };
  /** where a JSON macro export of another shape keeps its macros and their keys (`formats.json`) */
  json?: { items?: string; title?: string; text?: string; id?: string; channel?: string };
  /** component name (or `*`) -> the JSX props read as text (`formats.mdx.props`); absent: props whose values read as prose */
  mdxProps?: Record<string, string[]>;
  /** whether `.md` files are read as MDX (`formats.markdown.mdx`); absent: `auto` */
  markdownMdx?: 'auto' | boolean;
}

export interface ReadInput {
  /** path relative to the working folder, `/` separators; goes into every Document */
  path: string;
  /** the decoded source text (BOM removed); every offset is into this string */
  text: string;
  options: FormatOptions;
  /**
   * The file was found by a folder walk outside every channel, so it may be no content at all: a
   * reader whose format says so (`mayNotBeContent`) reads only a shape it is sure of, and guesses at none.
   */
  mayPassOver?: boolean;
}

export interface FormatModule {
  /** `markdown`, `mdx`, `html`, `text`, `zendesk`, `helpscout`, `freshdesk`, `intercom`, `csv` */
  name: string;
  /** lower-case extensions with the dot, e.g. `.md` */
  extensions: string[];
  /**
   * For extensions several modules share (`.json`, `.csv`): whether this content is this
   * module's. Modules are asked in registry order; the first that says yes reads the file.
   */
  sniff?(text: string): boolean;
  /** how a writer's lines are counted for `disable-next-line` directives */
  lines: LineModel;
  /**
   * An inline directive written as this format's comment, around `body` (`onemessage-disable-line
   * term/use -- reason`), for an editor's "disable" action. Absent: the format has no comment a
   * writer can add (a macro export is re-exported by its help desk; JSON has no comments), so a
   * waiver goes in the spec's `exceptions`. `source` is the file's text, for a format whose
   * comment depends on how the file is written (a Markdown page written as MDX).
   */
  directiveComment?(body: string, source?: string): string;
  /**
   * Whether reading this text could give nothing but one document with no error and no metadata
   * that changes its record (a declared channel), so that a file the prefilter proved free of
   * phrases may go unread. Absent: always read.
   */
  readsQuietly?(text: string): boolean;
  /**
   * For the prefilter: a cheap view of the text in which every phrase match the reader could find
   * shows as consecutive words (with at most markup between them), or undefined when it cannot
   * tell for this text. Absent: the prefilter looks for single words only.
   */
  phraseView?(text: string): string | undefined;
  /**
   * A file of this format that a folder walk finds outside every channel may be no content at all
   * (`package.json`): when the reader cannot read it, it is passed over instead of reported.
   */
  mayNotBeContent?: boolean;
  /** Reads the file; throws `FormatError` (with an offset where known) for a file it cannot read. */
  read(input: ReadInput): ReadResult;
  /**
   * A reader for the successive versions of one file (an editor's buffer as it is typed): it
   * gives exactly what `read` gives, and keeps what it parsed of one version to read the next
   * faster. Absent: every version is read with `read`.
   */
  editReader?(): (input: ReadInput) => ReadResult;
  /**
   * Escapes `--fix` replacement text for where it lands in this format's source (a JSON string, HTML
   * text); undefined when it cannot be written there safely. Absent: the text is written as is.
   */
  escapeReplacement?(text: string, at: EscapeAt): string | undefined;
}

/** What a container format is given: the file's bytes, never decoded as text. */
export interface BytesInput {
  /** path relative to the working folder, `/` separators; goes into every Document */
  path: string;
  bytes: Uint8Array;
  options: FormatOptions;
}

/** Where one paragraph of a container's extracted text sits, from `start` to the next mark. */
export type PlaceMark = PlaceStart;

/** What a container format reads out of a file: its text, the documents over it, and where each paragraph sits. */
export interface Extraction {
  /** the visible text, one paragraph (or table row) a line: every offset of the documents is into it */
  text: string;
  documents: Document[];
  /** in text order */
  places: PlaceMark[];
}

/**
 * A format whose files are containers (Office documents, PDF): read from bytes, asynchronously,
 * into text onemessage extracts. onemessage never writes these files, so findings in them carry no
 * fix; their directives are not read (spec exceptions cover them).
 */
export interface ContainerModule {
  /** `docx`, `pptx`, `odf`, `pdf` */
  name: string;
  /** lower-case extensions with the dot */
  extensions: string[];
  /** Reads the file; throws `FormatError` with a reason a person can act on (password-protected, corrupt...). */
  extract(input: BytesInput): Promise<Extraction>;
}
