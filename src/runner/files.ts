/**
 * Finds the files a run reads: walks the given paths, skips what `.gitignore` files (at every
 * level) and the spec's `ignore:` globs exclude, follows symbolic links but never a loop, and
 * keeps only files some format reads, by their extension or the spec's mapping; the others are
 * listed, so that the run can say what it passed over. The result is sorted, so nothing
 * downstream depends on the order the file system lists folders in.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

import { toPosix, type DiscoveredFile } from '../lint/paths.js';
import { SPEC_FILE_NAMES } from '../spec/find.js';

export { toPosix, type DiscoveredFile } from '../lint/paths.js';

export interface DiscoveryProblem {
  rel: string;
  message: string;
  /** a path named on the command line that does not exist: a usage error, not a finding */
  missing?: boolean;
  /** the missing path was a glob that matched no file */
  glob?: boolean;
}

/** Ignore patterns in .gitignore syntax, relative to `base` (--ignore-path FILE's folder, or the working folder for --ignore-pattern). */
export interface IgnoreSource {
  base: string;
  patterns: string[];
}

export interface DiscoveryOptions {
  cwd: string;
  paths: string[];
  /** folder the spec's `ignore` globs are relative to */
  specDir: string;
  ignoreGlobs: string[];
  extensions: Set<string>;
  /** the reader the spec maps a file to (`formats.extensions`), which makes it read whatever its extension */
  readerOf?: (abs: string) => string | undefined;
  /** absolute paths of files this run writes (its --output files): never read back as content */
  skip?: Set<string>;
  /** more ignore patterns, applied like a .gitignore at their base, to named files too */
  ignore?: IgnoreSource[];
}

/** A file a folder walk found and passed over because no reader reads it. */
export interface PassedOver {
  rel: string;
  /** lower case, with its dot; `''` for a file without one */
  extension: string;
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.onemessage-cache']);
const SPEC_NAMES = new Set<string>(SPEC_FILE_NAMES);
/** `onemessage report`'s default files, written in the working folder: onemessage's own output is not content. */
export const OWN_REPORT = /^onemessage-report\.[a-z]+$/;
/**
 * What a walk never reads: those reports, and onemessage's own state (`.onemessage-baseline.json`,
 * temporary files of an atomic write).
 */
const OWN_FILES = /^onemessage-report\.[a-z]+$|^\.onemessage-|\.onemessage-\d+-[0-9a-f]+\.tmp$/;

export async function discoverFiles(options: DiscoveryOptions): Promise<{ files: DiscoveredFile[]; problems: DiscoveryProblem[]; passedOver: PassedOver[] }> {
  const specIgnored = options.ignoreGlobs.length > 0 ? picomatch(options.ignoreGlobs, { dot: true }) : () => false;
  const files = new Map<string, DiscoveredFile>();
  const problems: DiscoveryProblem[] = [];
  const visitedDirs = new Set<string>();
  const rel = (abs: string) => toPosix(path.relative(options.cwd, abs)) || '.';
  const ignoredBySpec = (abs: string) => {
    const fromSpec = toPosix(path.relative(options.specDir, abs));
    return !fromSpec.startsWith('../') && specIgnored(fromSpec);
  };
  const passedOver = new Map<string, PassedOver>();
  const read = (abs: string) => options.extensions.has(path.extname(abs).toLowerCase()) || options.readerOf?.(abs) !== undefined;
  const extra = (options.ignore ?? []).filter((source) => source.patterns.length > 0).map((source) => ({ base: path.resolve(options.cwd, source.base), ig: ignore().add(source.patterns) }));
  /** while a glob is walked: the files it selects */
  let selects: ((abs: string) => boolean) | undefined;

  async function walk(dir: string, rules: Array<{ base: string; ig: Ignore }>): Promise<void> {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (error) {
      problems.push({ rel: rel(dir), message: `cannot open folder: ${reason(error)}` });
      return;
    }
    if (visitedDirs.has(real)) return; // a symlink loop, or a folder reached twice
    visitedDirs.add(real);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ rel: rel(dir), message: `cannot read folder: ${reason(error)}` });
      return;
    }
    const here = await gitignoreAt(dir);
    const active = here ? [...rules, { base: dir, ig: here }] : rules;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const abs = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = (await fs.stat(abs)).isDirectory();
        } catch {
          // A link to nothing, or one that loops on itself: read as a file, so that a page.md
          // that cannot be read is reported as unreadable rather than silently left out.
          isDir = false;
        }
      }
      if (gitIgnored(active, abs, isDir) || ignoredBySpec(abs)) continue;
      if (isDir) await walk(abs, active);
      else if (OWN_FILES.test(entry.name) || options.skip?.has(abs)) continue;
      // Pipes and devices too: the linter reports them as unreadable instead of hiding them.
      // A glob walks its base folder: files it does not select were not asked for, read or not.
      else if (selects && !selects(abs)) continue;
      else if (read(abs)) files.set(abs, { abs, rel: rel(abs) });
      // Dotfiles and the spec are configuration, never copy, and not worth a word.
      else if (!entry.name.startsWith('.') && !SPEC_NAMES.has(entry.name)) passedOver.set(abs, { rel: rel(abs), extension: path.extname(entry.name).toLowerCase() });
    }
  }

  for (const given of options.paths) {
    const abs = path.resolve(options.cwd, given);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (error) {
      const missing = codeOf(error) === 'ENOENT';
      if (missing && isGlob(given)) {
        // A quoted glob ('site/**/*.md'), as every peer takes them and Windows shells never expand them.
        if (!(await walkGlob(given))) problems.push({ rel: given, message: 'no files match the pattern', missing: true, glob: true });
        continue;
      }
      problems.push({ rel: rel(abs), message: `no such file or folder${missing ? '' : `: ${reason(error)}`}`, ...(missing ? { missing } : {}) });
      continue;
    }
    if (stat.isDirectory()) {
      await walk(abs, [...extra, ...(await gitignoresAbove(abs, options.cwd))]);
    } else if (!ignoredBySpec(abs) && !gitIgnored(extra, abs, false)) {
      // A file named on the command line is read whatever its extension; the reader says if it can't.
      files.set(abs, { abs, rel: rel(abs), explicit: true });
    }
  }
  /** Walks a glob's fixed base folder, keeping the files the glob matches; false when it matched none. */
  async function walkGlob(pattern: string): Promise<boolean> {
    const scan = picomatch.scan(toPosix(pattern));
    const base = path.resolve(options.cwd, scan.base || '.');
    const matches = picomatch(toPosix(path.isAbsolute(pattern) ? pattern : path.join(options.cwd, pattern)), { dot: false });
    let globMatchedAny = false;
    selects = (abs) => {
      const yes = matches(toPosix(abs));
      if (yes) globMatchedAny = true;
      return yes;
    };
    try {
      const stat = await fs.stat(base).catch(() => undefined);
      if (stat?.isDirectory()) await walk(base, [...extra, ...(await gitignoresAbove(base, options.cwd))]);
    } finally {
      selects = undefined;
    }
    return globMatchedAny;
  }

  const byPath = <T extends { rel: string }>(a: T, b: T) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);
  return { files: [...files.values()].sort(byPath), problems, passedOver: [...passedOver.values()].sort(byPath) };
}

/**
 * Why a walk of `root` (as `check` walks the spec's folder) would pass over this file, or
 * undefined when it would read it: a skipped folder on the way, a `.gitignore` at any level, the
 * spec's `ignore` globs, onemessage's own report, an extension no format reads. An editor checks
 * the files it has open by the same measure as the files it indexes.
 */
export async function excludedFromWalk(options: { abs: string; root: string; specDir: string; ignoreGlobs: string[]; extensions: Set<string> }): Promise<string | undefined> {
  const { abs, root } = options;
  const relative = toPosix(path.relative(root, abs));
  if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative)) return 'outside the folder checked';
  const parts = relative.split('/');
  const name = parts[parts.length - 1]!;
  if (!options.extensions.has(path.extname(name).toLowerCase())) return 'no format reads it';
  if (OWN_REPORT.test(name)) return "onemessage's own report";
  const skipped = parts.find((part) => ALWAYS_SKIPPED.has(part));
  if (skipped) return `inside ${skipped}`;
  const fromSpec = toPosix(path.relative(options.specDir, abs));
  if (options.ignoreGlobs.length > 0 && !fromSpec.startsWith('../') && picomatch(options.ignoreGlobs, { dot: true })(fromSpec)) return "ignored by the spec's ignore globs";
  const rules: Array<{ base: string; ig: Ignore }> = [];
  let dir = root;
  for (let i = 0; i < parts.length; i++) {
    const here = await gitignoreAt(dir);
    if (here) rules.push({ base: dir, ig: here });
    const next = path.join(dir, parts[i]!);
    if (gitIgnored(rules, next, i < parts.length - 1)) return 'ignored by .gitignore';
    dir = next;
  }
  return undefined;
}

/** A path with glob syntax in it (`*`, `?`, `[...]`, `{a,b}`). */
export function isGlob(given: string): boolean {
  return picomatch.scan(toPosix(given)).isGlob;
}

async function gitignoreAt(dir: string): Promise<Ignore | undefined> {
  try {
    const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8');
    return ignore().add(text);
  } catch {
    return undefined;
  }
}

/** `.gitignore` files in the folders between the working folder and a given folder. */
async function gitignoresAbove(dir: string, cwd: string): Promise<Array<{ base: string; ig: Ignore }>> {
  const chain: string[] = [];
  let current = path.dirname(dir);
  const stop = path.resolve(cwd);
  while (current.startsWith(stop) && current !== dir) {
    chain.unshift(current);
    if (current === stop) break;
    current = path.dirname(current);
  }
  const out: Array<{ base: string; ig: Ignore }> = [];
  for (const base of chain) {
    const ig = await gitignoreAt(base);
    if (ig) out.push({ base, ig });
  }
  return out;
}

function gitIgnored(rules: Array<{ base: string; ig: Ignore }>, abs: string, isDir: boolean): boolean {
  for (const { base, ig } of rules) {
    const relative = toPosix(path.relative(base, abs));
    if (!relative || relative.startsWith('../')) continue;
    if (ig.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export function reason(error: unknown): string {
  const code = codeOf(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it no longer exists';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}
