/**
 * Parses a spec: the YAML, then the schema, then normalisation, then what it extends (built-in
 * packs or other spec files, read through a host so that this module touches no file), merged,
 * then the checks that need the merged whole. Pure: every problem comes back as a Diagnostic at
 * file:line:col, never thrown; phrase templates and spec values are compiled once, here.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { checkReferences, findWarnings } from './checks.js';
import { compileBuiltinPhrases } from './compile.js';
import { quote } from './describe.js';
import { specError } from './errors.js';
import { mergeParts } from './merge.js';
import { normaliseSpec } from './normalise.js';
import type { RawSpec, SpecPart } from './normalise.js';
import { DEFAULT_IMMEDIATE_PROMISES } from './promises.js';
import { checkSchema } from './schema-check.js';
import { didYouMean } from './suggest.js';
import type { PluginRef, Spec, SpecPos } from './types.js';
import { parseSpecYaml } from './yaml-source.js';

/**
 * What the parser may ask of the world: the files a spec extends and the built-in packs. The
 * Node host (load.ts) reads them from disk; an editor or a browser may serve them from memory, or
 * give none (then `extends` of a file is an error that says so).
 */
export interface SpecHost {
  /** the text of a spec file, or why it cannot be read */
  read(absPath: string): { text: string } | { error: string };
  /** built-in packs: name -> absolute path (to `read`) */
  packs(): ReadonlyMap<string, string>;
  /** the name of a file in messages and positions (relative to the working folder, `/` separators) */
  display(absPath: string): string;
  /** one name per file whatever the path to it (symbolic links resolved), to find loops */
  canonical(absPath: string): string;
}

/** A host with no files: a spec given as text that extends nothing. */
export const NO_FILES: SpecHost = {
  read: () => ({ error: 'no file access here (give the spec as text without extends of files)' }),
  packs: () => new Map(),
  display: (absPath) => path.basename(absPath),
  canonical: (absPath) => absPath,
};

export interface ParseSpecOptions {
  /** absolute path the text stands for: `extends` and channel globs are relative to its folder */
  absPath: string;
  /** rule ids that `severity` and `exceptions[].rule` may name */
  knownRuleIds: readonly string[];
  host?: SpecHost;
  /**
   * Loads the merged spec's `plugins:` and says which rule ids they define (or what is wrong
   * with them, at the plugin's line). Without it, a spec naming plugins is an error: a spec
   * given as text where no code may be loaded.
   */
  pluginRuleIds?(plugins: readonly PluginRef[]): { ids: readonly string[]; errors: Diagnostic[] };
}

export interface ParsedSpec {
  /** absent when there is an error */
  spec?: Spec;
  /** errors and warnings, errors first in source order */
  diagnostics: Diagnostic[];
}

/** SpecPos.file of the built-in promise vocabulary (line = index in the list + 1). */
export const BUILTIN_PROMISES_FILE = 'builtin:promises';

/** Parses, validates and normalises a spec from its text; every problem is a value. */
export function parseSpec(text: string, file: string, options: ParseSpecOptions): ParsedSpec {
  const host = options.host ?? NO_FILES;
  const loader = new Loader({ host, knownRuleIds: options.knownRuleIds });
  const top = loader.load({ absPath: options.absPath, file, chain: [], text });
  if (top && loader.complete) {
    const plugins = pluginRefs(top);
    let ruleIds = options.knownRuleIds;
    if (plugins.length > 0) {
      if (options.pluginRuleIds) {
        const loaded = options.pluginRuleIds(plugins);
        loader.errors.push(...loaded.errors);
        ruleIds = [...ruleIds, ...loaded.ids];
      } else {
        const first = plugins[0]!.pos;
        loader.errors.push(specError('plugins run code, and this spec is read where none may be loaded (a spec given as text without file access)', first.file, first.line, first.column));
      }
    }
    loader.errors.push(...checkReferences(top, ruleIds));
  }
  if (!top || loader.errors.length > 0) return { diagnostics: loader.sortedErrors() };
  return { spec: toSpec({ part: top, absPath: options.absPath, sha256: loader.hash.digest('hex') }), diagnostics: findWarnings(top) };
}

interface LoadTarget {
  absPath: string;
  /** name in messages and positions */
  file: string;
  /** the files (absolute paths and names) that led here, outermost first */
  chain: Array<{ absPath: string; file: string }>;
  /** the `extends` entry that asked for this file */
  from?: { entry: string; pos: SpecPos };
}

class Loader {
  readonly errors: Diagnostic[] = [];
  readonly hash = createHash('sha256');
  /** false when some file could not be read or validated, so the merged whole is partial */
  complete = true;
  private readonly fileOrder: string[] = [];

  constructor(private readonly options: { host: SpecHost; knownRuleIds: readonly string[] }) {}

  sortedErrors(): Diagnostic[] {
    return sortDiagnostics(this.errors, this.fileOrder);
  }

  private fail(message: string, where: { file: string; pos?: SpecPos }): void {
    this.complete = false;
    const pos = where.pos;
    this.errors.push(pos ? specError(message, pos.file, pos.line, pos.column) : specError(message, where.file));
  }

  /** Reads one extended file through the host, then parses it; undefined when it could not be read or validated. */
  loadExtended(target: LoadTarget & { from: NonNullable<LoadTarget['from']> }): SpecPart | undefined {
    const { absPath, file, from } = target;
    if (!this.fileOrder.includes(file)) this.fileOrder.push(file);
    const read = this.options.host.read(absPath);
    if ('error' in read) {
      this.fail(`cannot read ${quote(from.entry)}, extended here: ${read.error}`, { file, pos: from.pos });
      return undefined;
    }
    return this.load({ ...target, text: read.text });
  }

  /** Parses one file's text and loads what it extends, merged; undefined when it could not be validated. */
  load(target: LoadTarget & { text: string }): SpecPart | undefined {
    const { absPath, file, text } = target;
    if (!this.fileOrder.includes(file)) this.fileOrder.push(file);
    this.hash.update(text, 'utf8');

    const parsed = parseSpecYaml({ file, text });
    if ('errors' in parsed) {
      this.complete = false;
      this.errors.push(...parsed.errors);
      return undefined;
    }
    const schemaErrors = checkSchema(parsed.source, parsed.data);
    if (schemaErrors.length > 0) {
      this.complete = false;
      this.errors.push(...schemaErrors);
      return undefined;
    }
    const { part, errors } = normaliseSpec({ source: parsed.source, data: parsed.data as RawSpec });
    this.errors.push(...errors);
    for (const plugin of part.plugins) {
      const resolved = this.resolvePlugin({ entry: plugin.entry, pos: plugin.pos, fromPath: absPath });
      if (resolved !== undefined) plugin.absPath = resolved;
    }

    const bases: SpecPart[] = [];
    const host = this.options.host;
    const chain = [...target.chain, { absPath: host.canonical(absPath), file }];
    for (const { entry, pos } of part.extends) {
      const next = this.resolveExtends({ entry, pos, fromPath: absPath });
      if (!next) continue;
      const key = host.canonical(next.absPath);
      if (key === host.canonical(absPath)) {
        this.fail(`${quote(entry)} is this spec itself: a spec cannot extend itself`, { file, pos });
        continue;
      }
      const loop = chain.findIndex((link) => link.absPath === key);
      if (loop >= 0) {
        const names = [...chain.slice(loop).map((link) => link.file), next.file];
        this.fail(`extends cycle: ${names.join(' -> ')}`, { file, pos });
        continue;
      }
      const base = this.loadExtended({ absPath: next.absPath, file: next.file, chain, from: { entry, pos } });
      if (base) bases.push(base);
    }
    const merged = mergeParts([...bases, part]);
    // When an extended file failed, its facts are unknown: its own error says what to fix.
    if (bases.length === part.extends.length) this.checkPartialFacts({ part, merged, bases });
    return merged;
  }

  /** A fact without `says` must complete one of the same id in a spec this one extends. */
  private checkPartialFacts(options: { part: SpecPart; merged: SpecPart; bases: SpecPart[] }): void {
    const { part, merged, bases } = options;
    for (const [id, entry] of part.facts) {
      if (!entry.partial || !merged.facts.get(id)?.partial) continue;
      const where = { file: part.file, pos: entry.item.pos };
      if (part.extends.length === 0) {
        this.fail(`facts.${id} has no "says": list how documents state it (e.g. says: ["{value} return"]); only a spec that extends another may leave it out, to change the value of a fact it extends`, where);
      } else {
        const known = new Set(bases.flatMap((base) => [...base.facts.keys()]));
        const hint = didYouMean(id, known) || '; list how documents state it, or use the id of a fact an extended spec defines';
        this.fail(`facts.${id} has no "says", and no spec it extends defines "${id}"${hint}`, where);
      }
    }
  }

  /**
   * A plugin is code: a JavaScript module by a path relative to the spec that names it, never a URL,
   * an absolute path or a package name (whether it stays inside the repository is checked where it
   * is loaded, with the file system).
   */
  private resolvePlugin(options: { entry: string; pos: SpecPos; fromPath: string }): string | undefined {
    const { entry, pos, fromPath } = options;
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(entry) && !/^[A-Za-z]:[\\/]/.test(entry)) {
      this.fail(`plugin ${quote(entry)} is a URL: onemessage never fetches code; put the module in the repository and name it by a relative path`, { file: pos.file, pos });
      return undefined;
    }
    if (path.isAbsolute(entry) || /^[A-Za-z]:[\\/]/.test(entry) || entry.startsWith('\\')) {
      this.fail(`plugin ${quote(entry)} is an absolute path: name a module in the repository by a path relative to this spec`, { file: pos.file, pos });
      return undefined;
    }
    if (!/\.(js|mjs|cjs)$/.test(entry)) {
      this.fail(`plugin ${quote(entry)} is not a JavaScript module: name a local .js, .mjs or .cjs file by a path relative to this spec (e.g. "./onemessage-rules/index.js")`, { file: pos.file, pos });
      return undefined;
    }
    return path.resolve(path.dirname(fromPath), entry);
  }

  /** A pack name (letters, digits, `-`, `_`) or a path relative to the extending file. */
  private resolveExtends(options: { entry: string; pos: SpecPos; fromPath: string }): { absPath: string; file: string } | undefined {
    const { entry, pos, fromPath } = options;
    // A spec is data from the repository: never fetched, never read from elsewhere on the machine.
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(entry) && !/^[A-Za-z]:[\\/]/.test(entry)) {
      this.fail(`${quote(entry)} is a URL: onemessage never fetches a spec; copy it into the repository and extend it by a relative path`, { file: pos.file, pos });
      return undefined;
    }
    if (path.isAbsolute(entry) || /^[A-Za-z]:[\\/]/.test(entry) || entry.startsWith('\\')) {
      this.fail(`${quote(entry)} is an absolute path: extend a built-in pack by name or a file by a path relative to this spec`, { file: pos.file, pos });
      return undefined;
    }
    if (!/^[A-Za-z0-9][\w-]*$/.test(entry)) {
      const absPath = path.resolve(path.dirname(fromPath), entry);
      return { absPath, file: this.options.host.display(absPath) };
    }
    const packs = this.availablePacks();
    const found = packs.get(entry);
    if (found) return { absPath: found, file: `pack:${entry}` };
    const names = [...packs.keys()];
    const hint = didYouMean(entry, names) || (names.length > 0 ? ` (built-in packs: ${names.join(', ')})` : ' (there are no built-in packs)');
    this.fail(`unknown pack ${quote(entry)}${hint}`, { file: pos.file, pos });
    return undefined;
  }

  private packs: ReadonlyMap<string, string> | undefined;

  private availablePacks(): ReadonlyMap<string, string> {
    this.packs ??= this.options.host.packs();
    return this.packs;
  }
}

function pluginRefs(part: SpecPart): PluginRef[] {
  return part.plugins.flatMap((plugin) => (plugin.absPath !== undefined ? [{ entry: plugin.entry, absPath: plugin.absPath, pos: plugin.pos }] : []));
}

function toSpec(options: { part: SpecPart; absPath: string; sha256: string }): Spec {
  const { part, absPath, sha256 } = options;
  const items = <T>(map: Map<string, { item: T }>): T[] => [...map.values()].map((entry) => entry.item);
  const builtin = compileBuiltinPhrases(DEFAULT_IMMEDIATE_PROMISES, BUILTIN_PROMISES_FILE);
  const spec: Spec = {
    path: part.file,
    dir: path.dirname(absPath),
    sha256,
    version: 1,
    extends: part.extends.map(({ entry }) => entry),
    channels: [...part.channels].map(([name, { globs, pos }]) => ({ name, globs, pos })),
    facts: items(part.facts),
    claims: items(part.claims),
    products: items(part.products),
    promises: part.promises ? { immediate: part.promises, fromSpec: true } : { immediate: builtin, fromSpec: false },
    disclosures: items(part.disclosures),
    terms: items(part.terms),
    speakers: { ignore: part.speakersIgnore },
    severity: Object.fromEntries(part.severity),
    ignore: part.ignore,
    formats: { markdown: { fields: part.formats.markdown?.fields ?? [], ...(part.formats.markdown?.mdx !== undefined ? { mdx: part.formats.markdown.mdx } : {}) } },
    exceptions: part.exceptions,
    plugins: pluginRefs(part),
  };
  if (part.formats.csv) spec.formats.csv = part.formats.csv;
  if (part.formats.mdx) spec.formats.mdx = part.formats.mdx;
  if (part.formats.json) spec.formats.json = part.formats.json;
  if (part.formats.extensions) spec.formats.extensions = part.formats.extensions;
  if (part.brand !== undefined) spec.brand = part.brand;
  if (part.internal !== undefined) spec.internal = part.internal;
  if (part.owner !== undefined) spec.owner = part.owner;
  if (part.revision !== undefined) spec.revision = part.revision;
  return spec;
}
