/**
 * Text helpers shared by the reporters: escaping for HTML, Markdown and CSV, stripping terminal
 * control sequences, and the counts every summary shows.
 */
import type { Finding, Place, Position, Severity } from '../model/finding.js';
import type { NotRead, NotReadReason } from '../model/result.js';

export const severities: readonly Severity[] = ['error', 'warning', 'info'];

/** Escapes the five characters that can end a text node or an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// CSI (ESC [ or the 8-bit 0x9B, parameters, one final byte), OSC (ESC ] ... BEL or ST), and
// two-byte escapes: a terminal would act on any of them, so none may reach a log or a file.
const ansiPattern = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-Z\\-_]/g;

export interface StripOptions {
  /** control characters to keep, e.g. `"\n\t"` (the default) */
  keep?: string;
}

/** Removes ANSI escape sequences and C0/C1 control characters (DEL too), except those in `keep`. */
export function stripControl(text: string, options: StripOptions = {}): string {
  const keep = options.keep ?? '\n\t';
  return text
    .replace(ansiPattern, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (keep.includes(c) ? c : ''));
}

/**
 * Prefixes a quote to a cell that a spreadsheet would read as a formula (OWASP's CSV injection
 * advice), so that opening the export never runs anything.
 */
export function neutraliseCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Collapses line breaks (and the runs of spaces around them) for one-line contexts. */
export function oneLine(text: string): string {
  return text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ');
}

/** Escapes user text for Markdown prose and table cells, on one line. */
export function escapeMarkdown(text: string): string {
  return (
    oneLine(stripControl(text))
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // every ASCII punctuation character may be backslash-escaped in CommonMark; these are the
      // ones that start emphasis, links, code, tables, headings or strikethrough
      .replace(/[\\`*_[\]|#~!]/g, '\\$&')
      // a zero-width space after `@` keeps GitHub from notifying a user or team named in the text
      .replace(/@/g, '@&#8203;')
  );
}

/** A Markdown code span holding `text` literally, whatever backticks it contains. */
export function markdownCode(text: string, options: { inTable?: boolean } = {}): string {
  const flat = oneLine(stripControl(text));
  const longestRun = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  // in a table a pipe ends the cell even inside a code span (GFM), so there it is escaped
  const body = options.inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

/**
 * The one way reports show a position: `line:column`, or for a point in an Office document or a
 * PDF the place a person can find it, `slide 4 ¶2:15` (paragraph 2, character 15).
 */
export function formatPosition(position: Pick<Position, 'line' | 'column' | 'place'>): string {
  return position.place ? formatPlace(position.place) : `${position.line}:${position.column}`;
}

/** `slide 4 ¶2:15`, `slide 4 notes ¶1:3`, `page 2 ¶3:1`, `footer ¶1:1`, `¶7:12`. */
export function formatPlace(place: Place): string {
  const unit = place.unit !== undefined && place.number !== undefined ? `${place.unit} ${place.number}` : undefined;
  return [unit, place.part, `¶${place.paragraph}:${place.character}`].filter((part) => part !== undefined).join(' ');
}

/** A position with its file: `site/index.md:9:23`, or `sales/pitch.pptx slide 4 ¶2:15`. */
export function formatLocation(path: string, position: Pick<Position, 'line' | 'column' | 'place'>): string {
  return position.place ? `${path} ${formatPlace(position.place)}` : `${path}:${formatPosition(position)}`;
}

/** `Title (id)` of the document inside a multi-document file, or undefined. */
export function documentLabel(place: { documentTitle?: string; documentId?: string }): string | undefined {
  const { documentTitle: title, documentId: id } = place;
  if (title !== undefined && id !== undefined) return `${title} (${id})`;
  return title ?? (id !== undefined ? `(${id})` : undefined);
}

/** The channel a summary files a finding under. */
export function channelOf(finding: Pick<Finding, 'channel'>): string {
  return finding.channel ?? '(none)';
}

/** The words in which reports describe a suppression: reason, approver, expiry. */
export function describeSuppression(suppression: NonNullable<Finding['suppression']>): string {
  const parts: string[] = [];
  if (suppression.approvedBy !== undefined) parts.push(`approved by ${suppression.approvedBy}`);
  if (suppression.until !== undefined) parts.push(`until ${suppression.until}`);
  return parts.length > 0 ? `${suppression.reason} (${parts.join('; ')})` : suppression.reason;
}

export interface NameCount {
  name: string;
  count: number;
  suppressed: number;
}

export interface Summary {
  active: Finding[];
  suppressed: Finding[];
  bySeverity: Record<Severity, number>;
  /** by name, ascending */
  byRule: NameCount[];
  /** by name, ascending; findings outside every channel count under `(none)` */
  byChannel: NameCount[];
  /** `fail` with an unsuppressed error, `warn` with an unsuppressed warning, else `pass` */
  verdict: 'fail' | 'warn' | 'pass';
}

/** Counts the findings of a run, keeping suppressed ones apart. */
export function summarise(findings: readonly Finding[]): Summary {
  const active = findings.filter((f) => f.suppression === undefined);
  const suppressed = findings.filter((f) => f.suppression !== undefined);
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of active) bySeverity[finding.severity] += 1;
  const verdict = bySeverity.error > 0 ? 'fail' : bySeverity.warning > 0 ? 'warn' : 'pass';
  return {
    active,
    suppressed,
    bySeverity,
    byRule: countBy(findings, (f) => f.ruleId),
    byChannel: countBy(findings, channelOf),
    verdict,
  };
}

function countBy(findings: readonly Finding[], key: (finding: Finding) => string): NameCount[] {
  const counts = new Map<string, NameCount>();
  for (const finding of findings) {
    const name = key(finding);
    const entry = counts.get(name) ?? { name, count: 0, suppressed: 0 };
    if (finding.suppression === undefined) entry.count += 1;
    else entry.suppressed += 1;
    counts.set(name, entry);
  }
  // code-unit order, not localeCompare, so the output is the same on every machine
  return [...counts.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The command line as a POSIX shell would need it typed, for audit blocks. */
export function formatCommand(argv: readonly string[]): string {
  return argv
    .map((argument) => (/^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

/** How many extensions of a group the summary names before "and N more". */
const NOT_READ_SHOWN = 5;

/**
 * The one line every text reporter prints about files a run passed over, by extension, said so
 * that it helps: those no reader reads (naming the ones `formats.extensions` could map to a
 * reader), then those that are not copy, then code and data. Undefined when nothing was passed over.
 */
export function notReadSummary(notRead: readonly NotRead[] | undefined): string | undefined {
  if (!notRead || notRead.length === 0) return undefined;
  const total = notRead.reduce((sum, entry) => sum + entry.files, 0);
  const group = (reasons: readonly NotReadReason[]) => notRead.filter((entry) => reasons.includes(entry.reason));
  const list = (entries: readonly NotRead[]) => {
    const shown = entries.slice(0, NOT_READ_SHOWN).map((entry) => `${entry.extension || 'no extension'} (${entry.files})`);
    const more = entries.length - NOT_READ_SHOWN;
    return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
  };
  const parts: string[] = [];
  const noReader = group(['mappable', 'other']);
  if (noReader.length > 0) {
    const mappable = noReader.filter((entry) => entry.reason === 'mappable');
    const which = mappable.length === noReader.length ? 'them' : mappable.map((entry) => entry.extension).join(', ');
    parts.push(`No reader: ${list(noReader)}${mappable.length > 0 ? `; map ${which} with formats.extensions` : ''}.`);
  }
  const notCopy = group(['not-copy']);
  if (notCopy.length > 0) parts.push(`Not copy: ${list(notCopy)}.`);
  const code = group(['code']);
  if (code.length > 0) parts.push(`Code or data: ${list(code)}.`);
  return `${plural(total, 'file')} not read. ${parts.join(' ')}`;
}
