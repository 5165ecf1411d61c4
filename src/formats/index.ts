/**
 * The registry of format modules, and the choice of one for a file: by extension, then by
 * content. Modules are loaded on demand, by the extensions a run meets, so that a one-file
 * Markdown check never pays for the MDX, HTML and export parsers.
 */
import type { ContainerModule, FormatModule } from './format.js';

interface FormatGroup {
  extensions: readonly string[];
  /** the names of the group's modules, known before they are loaded (a spec may map files to any of them) */
  readers: readonly string[];
  /** the group's modules, asked in this order; for a shared extension the first whose `sniff` says yes reads the file */
  load(): Promise<FormatModule[]>;
}

const groups: FormatGroup[] = [
  { extensions: ['.md', '.markdown'], readers: ['markdown'], load: async () => [(await import('./markdown.js')).markdown] },
  { extensions: ['.mdx'], readers: ['mdx'], load: async () => [(await import('./mdx.js')).mdx] },
  { extensions: ['.txt'], readers: ['text'], load: async () => [(await import('./text.js')).text] },
  { extensions: ['.html', '.htm'], readers: ['html'], load: async () => [(await import('./html.js')).htmlFormat] },
  {
    // .json: the four vendors sniff their own shapes; the last reads any other macro shape, or reports the file.
    // Mapped to `json`, a file is sniffed the same way; mapped to a vendor, that vendor reads it.
    extensions: ['.json'],
    readers: ['zendesk', 'helpscout', 'freshdesk', 'intercom', 'json'],
    load: async () => [
      (await import('./zendesk.js')).zendeskFormat,
      (await import('./helpscout.js')).helpscoutFormat,
      (await import('./freshdesk.js')).freshdeskFormat,
      (await import('./intercom.js')).intercomFormat,
      (await import('./json-generic.js')).genericJsonFormat,
    ],
  },
  { extensions: ['.csv'], readers: ['csv'], load: async () => [(await import('./csv.js')).csvFormat] },
];

/** Every reader a spec's `formats.extensions` may name. */
export const READER_NAMES: readonly string[] = groups.flatMap((group) => group.readers);

/** Formats read from bytes (Office documents, PDF): one module per extension, loaded only when a run meets one. */
const containerGroups: Array<{ extensions: readonly string[]; load(): Promise<ContainerModule> }> = [
  { extensions: ['.docx'], load: async () => (await import('./office/docx.js')).docxFormat },
  { extensions: ['.pptx'], load: async () => (await import('./office/pptx.js')).pptxFormat },
  { extensions: ['.odt', '.odp'], load: async () => (await import('./office/odf.js')).odfFormat },
  { extensions: ['.pdf'], load: async () => (await import('./office/pdf.js')).pdfFormat },
];

const loaded = new Map<FormatGroup, FormatModule[]>();
const loadedContainers = new Map<string, ContainerModule>();

function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot).toLowerCase() : '';
}

function groupOf(ext: string): FormatGroup | undefined {
  return groups.find((group) => group.extensions.includes(ext));
}

function groupOfReader(reader: string): FormatGroup | undefined {
  return groups.find((group) => group.readers.includes(reader));
}

/** Every extension some format reads, for file discovery. */
export function knownExtensions(): Set<string> {
  return new Set([...groups, ...containerGroups].flatMap((group) => group.extensions));
}

/**
 * Loads the format modules the given paths need by their extension, and those of the readers the
 * spec maps files to; `formatFor` may then be asked about them.
 */
export async function loadFormatsFor(paths: Iterable<string>, readers: Iterable<string> = []): Promise<void> {
  const needed = new Set<FormatGroup>();
  for (const path of paths) {
    const group = groupOf(extensionOf(path));
    if (group && !loaded.has(group)) needed.add(group);
  }
  for (const reader of readers) {
    const group = groupOfReader(reader);
    if (group && !loaded.has(group)) needed.add(group);
  }
  const containers = new Set<(typeof containerGroups)[number]>();
  for (const path of paths) {
    const group = containerGroups.find((candidate) => candidate.extensions.includes(extensionOf(path)));
    if (group && !group.extensions.every((ext) => loadedContainers.has(ext))) containers.add(group);
  }
  await Promise.all([
    ...[...needed].map(async (group) => loaded.set(group, await group.load())),
    ...[...containers].map(async (group) => {
      const module = await group.load();
      for (const ext of group.extensions) loadedContainers.set(ext, module);
    }),
  ]);
}

/**
 * The container format (read from bytes, not text) for a file, or undefined when its extension
 * is no container's. Its module must have been loaded.
 */
/** Whether a file is read from its bytes (an Office document, a PDF), never as text; no module is loaded to tell. */
export function readFromBytes(path: string): boolean {
  const ext = extensionOf(path);
  return containerGroups.some((group) => group.extensions.includes(ext));
}

export function containerFor(path: string): ContainerModule | undefined {
  const ext = extensionOf(path);
  if (!containerGroups.some((group) => group.extensions.includes(ext))) return undefined;
  const module = loadedContainers.get(ext);
  if (!module) throw new Error(`format modules for ${path} were not loaded (call loadFormatsFor first)`);
  return module;
}

/** Every format module, loaded: for tests and tools that list them. */
export async function allFormats(): Promise<FormatModule[]> {
  await loadFormatsFor(groups.map((group) => `x${group.extensions[0]}`));
  return groups.flatMap((group) => loaded.get(group) ?? []);
}

/**
 * The format for a file, or undefined when no format reads it: the `reader` the spec maps it to,
 * else the one its extension has. Its group must have been loaded.
 */
export function formatFor(path: string, text: string, reader?: string): FormatModule | undefined {
  const group = reader !== undefined ? groupOfReader(reader) : groupOf(extensionOf(path));
  if (!group) return undefined;
  const candidates = loaded.get(group);
  // A missing load is a bug in the caller, never a file without a reader: fail loudly.
  if (!candidates) throw new Error(`format modules for ${path} were not loaded (call loadFormatsFor first)`);
  // A vendor named in the spec reads the file whatever its shape; `json` (or an extension) sniffs.
  const named = reader !== undefined && reader !== 'json' ? candidates.find((format) => format.name === reader) : undefined;
  if (named) return named;
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((format) => format.sniff?.(text) ?? true);
}
