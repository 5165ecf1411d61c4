/**
 * `--cache`: per-file outcomes kept in `.onemessage-cache` in the working folder, valid for one
 * cache format, one onemessage version, one spec (its sha256 covers extended packs) and one
 * `--as-of` date, each entry keyed by the file's path and content hash. The whole FileOutcome is
 * kept, statements included, so cross-document rules see unchanged files without parsing them.
 *
 * The file is validated, never trusted: its header by schema, each entry when it is used (its
 * shape, then every position, excerpt and fingerprint against the file's current text), and an
 * entry that fails is checked again from the text. An outcome with a fix is never kept, so a
 * fix always comes from the current text; a file that turned out not to be content is not kept
 * either (a forged "not content" would hide a file). An Office document's or a PDF's entry is
 * checked for shape and consistency only: its positions are in text extracted from it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LintContext } from '../lint/context.js';
import type { FileOutcome } from '../lint/file.js';
import type { DiscoveredFile } from '../lint/paths.js';
import { containerFor } from '../formats/index.js';
import { decode } from '../model/decode.js';
import { compileStateSchema, firstSchemaError, outcomeAgreementProblem, outcomeShapeProblem } from './outcome-check.js';
import { readRegularFile } from './read-regular.js';
import { writeOutput } from './write-atomic.js';

export const CACHE_FILE = '.onemessage-cache';
// 3: validated by schema, with the tool version, spec hash and each file's content hash (2 added
// sentences to findings and statements, and their kind to related locations)
const CACHE_FORMAT = 3;

interface Entry {
  sha256: string;
  explicit: boolean;
  outcome: unknown;
}

export interface CacheKey {
  version: string;
  specSha256: string;
  asOf: string;
}

const HEADER = {
  type: 'object',
  required: ['onemessageCache', 'version', 'specSha256', 'asOf', 'entries'],
  additionalProperties: false,
  properties: {
    onemessageCache: { type: 'integer' },
    version: { type: 'string' },
    specSha256: { type: 'string' },
    asOf: { type: 'string' },
    entries: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['sha256', 'explicit', 'outcome'],
        additionalProperties: false,
        properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, explicit: { type: 'boolean' }, outcome: {} },
      },
    },
  },
};
let validateHeader: ReturnType<typeof compileStateSchema> | undefined;

export class OutcomeCache {
  private readonly next = new Map<string, Entry>();
  hits = 0;
  /** entries that were there for an unchanged file but failed validation, and were checked again */
  invalid = 0;

  private constructor(
    readonly file: string,
    private readonly key: CacheKey,
    private readonly previous: Map<string, Entry>,
    /** false when the path is taken by something onemessage must not replace (a link, a folder) */
    private readonly writable: boolean,
    /** why the cache on disk was not used, when that is worth telling */
    readonly warning?: string,
  ) {}

  /** Opens the cache in `cwd` (or at `location`, --cache-location); a missing, unreadable, stale or broken cache starts empty, never fails the run. */
  static async open(cwd: string, key: CacheKey, location?: string): Promise<OutcomeCache> {
    const file = location ?? path.join(cwd, CACHE_FILE);
    const empty = (options: { writable: boolean; warning?: string }) => new OutcomeCache(file, key, new Map(), options.writable, options.warning);
    const link = await fs.lstat(file).catch(() => undefined);
    if (link?.isSymbolicLink()) return empty({ writable: false, warning: 'a symbolic link; running without the cache (onemessage never writes through a link)' });
    const read = await readRegularFile(file);
    if (!read.ok) return read.code === 'ENOENT' ? empty({ writable: true }) : empty({ writable: false, warning: `cannot use it (${read.reason}); running without the cache` });
    let data: unknown;
    const decoded = decode(read.bytes);
    try {
      data = decoded.ok ? JSON.parse(decoded.text) : undefined;
    } catch {
      data = undefined;
    }
    if (data === undefined) return empty({ writable: true, warning: 'not valid JSON; rebuilt from this run' });
    validateHeader ??= compileStateSchema(HEADER);
    if (!validateHeader(data)) {
      // An older cache format is simply stale; anything else is worth a word.
      const format = (data as { onemessageCache?: unknown; format?: unknown }).onemessageCache ?? (data as { format?: unknown }).format;
      const stale = typeof format === 'number' && format !== CACHE_FORMAT;
      return empty({ writable: true, ...(stale ? {} : { warning: `not a onemessage cache (${firstSchemaError(validateHeader)}); rebuilt from this run` }) });
    }
    const header = data as { onemessageCache: number; version: string; specSha256: string; asOf: string; entries: Record<string, Entry> };
    const fresh = header.onemessageCache === CACHE_FORMAT && header.version === key.version && header.specSha256 === key.specSha256 && header.asOf === key.asOf;
    return new OutcomeCache(file, key, fresh ? new Map(Object.entries(header.entries)) : new Map(), true);
  }

  /**
   * The cached outcome of an unchanged file, validated against its bytes; undefined on a miss or
   * when the entry fails validation (the file is then linted again, as on a miss).
   */
  get(file: DiscoveredFile, bytes: Uint8Array, sha256: string, context: LintContext): FileOutcome | undefined {
    const entry = this.previous.get(file.rel);
    if (!entry || entry.sha256 !== sha256 || entry.explicit !== (file.explicit ?? false)) return undefined;
    // An Office document's or a PDF's positions are in the text extracted from it, which only
    // extracting it again would give: its entry is checked for shape and consistency, not against text.
    let text: string | undefined;
    if (!containerFor(file.rel)) {
      const decoded = decode(bytes);
      if (!decoded.ok) return undefined;
      text = decoded.text;
    }
    const outcome = this.valid(entry.outcome, file.rel, sha256, text, context);
    if (!outcome) {
      this.invalid++;
      return undefined;
    }
    this.hits++;
    this.next.set(file.rel, entry);
    return outcome;
  }

  private valid(value: unknown, rel: string, sha256: string, text: string | undefined, context: LintContext): FileOutcome | undefined {
    if (outcomeShapeProblem(value, context.rules.corpus) !== undefined) return undefined;
    const outcome = value as FileOutcome;
    if (outcome.findings.some((finding) => finding.fix)) return undefined;
    if (outcomeAgreementProblem(outcome, { rel, sha256, ...(text !== undefined ? { text } : {}) }) !== undefined) return undefined;
    return outcome;
  }

  set(file: DiscoveredFile, sha256: string, outcome: FileOutcome | undefined): void {
    // Fixes are computed from the current text on every run; "not content" is cheap to find again.
    if (!outcome || outcome.findings.some((finding) => finding.fix)) return;
    this.next.set(file.rel, { sha256, explicit: file.explicit ?? false, outcome });
  }

  /** A word for the run's warnings (after the cache file's name) when the cache on disk could not be used as it was; undefined when all was well. */
  note(): string | undefined {
    if (this.warning) return this.warning;
    if (this.invalid > 0) return `${this.invalid} entr${this.invalid === 1 ? 'y' : 'ies'} did not match ${this.invalid === 1 ? 'its file' : 'their files'} and ${this.invalid === 1 ? 'was' : 'were'} checked again`;
    return undefined;
  }

  /** Writes the entries of this run (files no longer read drop out), atomically, never through a link. */
  async save(): Promise<void> {
    if (!this.writable) return;
    const entries = Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const { version, specSha256, asOf } = this.key;
    // A cache that cannot be written costs the next run its speed, never this run its result.
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeOutput(this.file, JSON.stringify({ onemessageCache: CACHE_FORMAT, version, specSha256, asOf, entries }));
  }
}
