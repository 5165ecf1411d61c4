/**
 * The baseline: today's findings recorded in a file so that a repo can turn onemessage on in CI
 * and be told only about new ones. Entries match findings by fingerprint (rule, spec item, file,
 * and the matched text with its line neighbourhood), never by line number, and as a multiset:
 * two identical findings are two entries. Entries nothing matches any more are the fixed ones.
 */
import type { Finding } from '../model/finding.js';
import type { RunResult } from '../model/result.js';
import { cmp } from '../model/finding.js';

export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_FILE = '.onemessage-baseline.json';

export interface BaselineEntry {
  path: string;
  ruleId: string;
  item?: string;
  /** the finding's fingerprint without the `:2` a repeat gets (repeats are separate entries) */
  fingerprint: string;
  excerpt: string;
  message: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

export type BaselineSummary = NonNullable<RunResult['baseline']>;

function baseFingerprint(fingerprint: string): string {
  return fingerprint.replace(/:\d+$/, '');
}

function entryOf(finding: Finding): BaselineEntry {
  return {
    path: finding.path,
    ruleId: finding.ruleId,
    ...(finding.item ? { item: finding.item.id } : {}),
    fingerprint: baseFingerprint(finding.fingerprint!),
    excerpt: finding.excerpt,
    message: finding.message,
  };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.item ?? '', b.item ?? '') || cmp(a.fingerprint, b.fingerprint) || cmp(a.excerpt, b.excerpt) || cmp(a.message, b.message);
}

/** The baseline of a run: every finding no directive or exception waives already. */
export function baselineOf(findings: Finding[]): Baseline {
  const entries = findings.filter((f) => !f.suppression && f.fingerprint).map(entryOf);
  return { version: BASELINE_VERSION, entries: entries.sort(compareEntries) };
}

/** Deterministic text: sorted entries, keys in one order, so an unchanged baseline rewrites byte for byte. */
export function serializeBaseline(baseline: Baseline): string {
  const entries = [...baseline.entries].sort(compareEntries).map((e) => ({
    path: e.path,
    ruleId: e.ruleId,
    ...(e.item !== undefined ? { item: e.item } : {}),
    fingerprint: e.fingerprint,
    excerpt: e.excerpt,
    message: e.message,
  }));
  return `${JSON.stringify({ version: BASELINE_VERSION, tool: 'onemessage', entries }, null, 2)}\n`;
}

/** Reads a baseline file's text; a message (not an exception) when it is not one. */
export function parseBaseline(text: string): { ok: true; baseline: Baseline } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message})` };
  }
  const root = data as { version?: unknown; entries?: unknown };
  if (typeof root !== 'object' || root === null || !Array.isArray(root.entries)) return { ok: false, message: 'not a onemessage baseline (expected {"version": 1, "entries": [...]})' };
  if (root.version !== BASELINE_VERSION) return { ok: false, message: `baseline version ${JSON.stringify(root.version)} is not supported (expected ${BASELINE_VERSION}); write it again with --write-baseline` };
  const entries: BaselineEntry[] = [];
  for (const [index, raw] of (root.entries as unknown[]).entries()) {
    const e = raw as Record<string, unknown>;
    const strings = ['path', 'ruleId', 'fingerprint', 'excerpt', 'message'].every((key) => typeof e?.[key] === 'string');
    if (!strings || (e.item !== undefined && typeof e.item !== 'string')) return { ok: false, message: `entries[${index}] needs path, ruleId, fingerprint, excerpt and message as strings` };
    entries.push({
      path: e.path as string,
      ruleId: e.ruleId as string,
      ...(typeof e.item === 'string' ? { item: e.item } : {}),
      fingerprint: e.fingerprint as string,
      excerpt: e.excerpt as string,
      message: e.message as string,
    });
  }
  return { ok: true, baseline: { version: BASELINE_VERSION, entries } };
}

/**
 * Marks the active findings the baseline records as suppressed (kind `baseline`), one entry per
 * finding, and returns the entries that matched and the ones no finding matches any more.
 */
export function applyBaseline(options: { findings: Finding[]; baseline: Baseline; file: string }): { matched: BaselineEntry[]; fixed: BaselineEntry[] } {
  const pending = new Map<string, BaselineEntry[]>();
  const key = (e: { path: string; ruleId: string; item?: string; fingerprint: string }) => [e.path, e.ruleId, e.item ?? '', e.fingerprint].join('\u0000');
  for (const entry of options.baseline.entries) {
    const list = pending.get(key(entry));
    if (list) list.push(entry);
    else pending.set(key(entry), [entry]);
  }
  const matched: BaselineEntry[] = [];
  for (const finding of options.findings) {
    if (finding.suppression || !finding.fingerprint) continue;
    const entry = pending.get(key({ path: finding.path, ruleId: finding.ruleId, item: finding.item?.id, fingerprint: baseFingerprint(finding.fingerprint) }))?.shift();
    if (!entry) continue;
    matched.push(entry);
    finding.suppression = { kind: 'baseline', reason: `existing finding, recorded in the baseline ${options.file}`, path: options.file };
  }
  const fixed = [...pending.values()].flat().sort(compareEntries);
  return { matched: matched.sort(compareEntries), fixed };
}
