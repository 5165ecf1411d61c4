/**
 * Why a file no reader takes by its extension is not copy, or could be: so that a run can say
 * what it passed over in words that help (an image is not copy; a Nunjucks template is, and one
 * line in the spec maps it to the HTML reader).
 */

import type { NotRead, NotReadReason } from '../model/result.js';

const MAPPABLE = [
  // HTML templates: the HTML reader reads their markup and leaves `{{ }}` and `{% %}` as text.
  '.njk', '.nunjucks', '.liquid', '.hbs', '.handlebars', '.mustache', '.ejs', '.erb', '.haml', '.slim', '.pug', '.jade',
  '.twig', '.jinja', '.jinja2', '.j2', '.tmpl', '.tpl', '.gohtml', '.shtml', '.xhtml', '.cshtml', '.razor',
  // Markdown under other names.
  '.mdown', '.mkd', '.mkdn', '.mdwn', '.mdtxt', '.mdtext', '.markerb', '.rmd', '.qmd', '.mdoc', '.ronn',
  // Plain text and lightweight markup the text reader reads word for word; subtitles are a video's copy.
  '.text', '.rst', '.adoc', '.asciidoc', '.asc', '.textile', '.org', '.srt', '.vtt',
];

const NOT_COPY = [
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.ico', '.bmp', '.tif', '.tiff', '.heic', '.psd', '.ai', '.eps', '.sketch', '.fig',
  '.woff', '.woff2', '.ttf', '.otf', '.eot',
  '.mp4', '.webm', '.mov', '.avi', '.mkv', '.m4v', '.mp3', '.wav', '.ogg', '.oga', '.m4a', '.flac', '.aac', '.opus',
  '.zip', '.gz', '.tgz', '.tar', '.rar', '.7z', '.bz2', '.xz', '.zst', '.jar', '.war',
  '.exe', '.dll', '.so', '.dylib', '.wasm', '.bin', '.dmg', '.iso', '.class', '.pyc', '.o', '.a', '.db', '.sqlite',
];

const CODE = [
  '.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.vue', '.svelte', '.astro',
  '.css', '.scss', '.sass', '.less', '.styl', '.pcss',
  '.py', '.rb', '.go', '.rs', '.java', '.kt', '.kts', '.swift', '.c', '.h', '.cc', '.cpp', '.hpp', '.cs', '.php', '.pl', '.lua', '.r',
  '.ex', '.exs', '.erl', '.clj', '.scala', '.dart', '.elm', '.hs', '.ml', '.fs', '.sh', '.bash', '.zsh', '.fish', '.ps1', '.bat', '.cmd',
  '.sql', '.graphql', '.gql', '.proto', '.ipynb',
  '.yml', '.yaml', '.toml', '.ini', '.cfg', '.conf', '.env', '.properties', '.xml', '.xsl', '.json5', '.jsonc', '.jsonl', '.ndjson',
  // JSON is read in a channel; outside every channel, only a file of a macro export's shape is.
  '.json',
  '.lock', '.map', '.webmanifest', '.tsv', '.csproj', '.sln', '.gradle', '.mk', '.cmake', '.dockerfile', '.tf', '.hcl', '.nix',
];

const reasons = new Map<string, NotReadReason>([
  ...MAPPABLE.map((ext) => [ext, 'mappable'] as const),
  ...NOT_COPY.map((ext) => [ext, 'not-copy'] as const),
  ...CODE.map((ext) => [ext, 'code'] as const),
]);

/** Why files with this extension (lower case with its dot, `''` for none) are not copy onemessage reads. */
export function notReadReason(extension: string): NotReadReason {
  return reasons.get(extension) ?? 'other';
}

const REASON_ORDER: readonly NotReadReason[] = ['mappable', 'other', 'not-copy', 'code'];

/**
 * Counts passed-over files (one each, or `files` of an earlier count) by extension, with why each
 * is not read: files that may be copy first, then by count (most first), then by extension, so
 * the same files always give the same list.
 */
export function countNotRead(entries: Iterable<{ extension: string; files?: number }>): NotRead[] {
  const counts = new Map<string, number>();
  for (const { extension, files } of entries) counts.set(extension, (counts.get(extension) ?? 0) + (files ?? 1));
  return [...counts]
    .map(([extension, files]) => ({ extension, files, reason: notReadReason(extension) }))
    .sort((a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason) || b.files - a.files || (a.extension < b.extension ? -1 : a.extension > b.extension ? 1 : 0));
}
