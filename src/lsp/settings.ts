/**
 * The server's settings, from the client's `initializationOptions`: checked like any input, a
 * bad value is named in a warning and its default used, never a crash.
 */
import { isIsoDate } from '../session.js';

export interface ServerSettings {
  /** the date claims and exceptions are judged at, `YYYY-MM-DD` (default: today) */
  asOf?: string;
  /** checks start at most this often while changes keep coming, in ms */
  delayMs: number;
  /** after a spec edit, how long without edits before the workspace is indexed again, in ms */
  indexDelayMs: number;
  /** `.onemessage-cache`: true uses (and writes) it, false never; absent: used when it exists */
  cache?: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { delayMs: 100, indexDelayMs: 1000 };

export function readSettings(options: unknown): { settings: ServerSettings; problems: string[] } {
  const settings: ServerSettings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  if (options === undefined || options === null) return { settings, problems };
  if (typeof options !== 'object' || Array.isArray(options)) return { settings, problems: ['initializationOptions should be an object; using the defaults'] };
  const given = options as Record<string, unknown>;
  const duration = (key: 'delayMs' | 'indexDelayMs') => {
    const value = given[key];
    if (value === undefined) return;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 60_000) settings[key] = value;
    else problems.push(`${key} should be a number of milliseconds from 0 to 60000, found ${JSON.stringify(value)}; using ${settings[key]}`);
  };
  duration('delayMs');
  duration('indexDelayMs');
  if (given.asOf !== undefined) {
    if (typeof given.asOf === 'string' && isIsoDate(given.asOf)) settings.asOf = given.asOf;
    else problems.push(`asOf should be a date as YYYY-MM-DD, found ${JSON.stringify(given.asOf)}; using today`);
  }
  if (given.cache !== undefined) {
    if (typeof given.cache === 'boolean') settings.cache = given.cache;
    else problems.push(`cache should be true or false, found ${JSON.stringify(given.cache)}; using the cache when it exists`);
  }
  const known = new Set(['asOf', 'delayMs', 'indexDelayMs', 'cache']);
  for (const key of Object.keys(given)) if (!known.has(key)) problems.push(`unknown setting "${key}" (known: ${[...known].join(', ')})`);
  return { settings, problems };
}
