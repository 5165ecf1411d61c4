/**
 * Loads the spec: reads the file, parses the YAML, checks it against the schema, normalises
 * it, loads what it extends (built-in packs or other spec files) and merges them, then checks
 * what needs the merged whole. Every problem is a SpecError at file:line:col; all of them are
 * thrown together as SpecErrors, in source order.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { checkReferences, findWarnings } from './checks.js';
import { quote } from './describe.js';
import { SpecError, SpecErrors } from './errors.js';
import { mergeParts } from './merge.js';
import { normaliseSpec } from './normalise.js';
import type { RawSpec, SpecPart } from './normalise.js';
import { builtinPackDir } from '../package-root.js';
import { DEFAULT_IMMEDIATE_PROMISES } from './promises.js';
import { checkSchema } from './schema-check.js';
import { didYouMean } from './suggest.js';
import type { Phrase, Spec, SpecPos } from './types.js';
import { parseSpecYaml } from './yaml-source.js';

export interface LoadSpecOptions {
  /** the spec file (absolute, or relative to cwd) */
  specPath: string;
  /** the working folder: positions name files relative to it */
  cwd: string;
  /** rule ids that `severity` and `exceptions[].rule` may name */
  knownRuleIds: readonly string[];
  /** folders holding packs as NAME.yaml, searched in order; default the package's rules/packs/ */
  packDirs?: readonly string[];
}

export interface LoadedSpec {
  spec: Spec;
  /** legal but suspicious things, each one line `file:line:col: message` */
  warnings: string[];
}

/** SpecPos.file of the built-in promise vocabulary (line = index in the list + 1). */
export const BUILTIN_PROMISES_FILE = 'builtin:promises';

/** Loads, validates and normalises a spec; throws SpecErrors listing every problem. Synchronous. */
export function loadSpec(options: LoadSpecOptions): LoadedSpec {
  const cwd = path.resolve(options.cwd);
  const specPath = path.resolve(cwd, options.specPath);
  const loader = new Loader({ cwd, knownRuleIds: options.knownRuleIds, packDirs: options.packDirs ?? [builtinPackDir()] });
  const top = loader.load({ absPath: specPath, file: loader.display(specPath), chain: [] });
  if (top && loader.complete) loader.errors.push(...checkReferences(top));
  if (!top || loader.errors.length > 0) throw new SpecErrors(loader.sortedErrors());
  return { spec: toSpec({ part: top, specPath, sha256: loader.hash.digest('hex') }), warnings: findWarnings(top) };
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
  readonly errors: SpecError[] = [];
  readonly hash = createHash('sha256');
  /** false when some file could not be read or validated, so the merged whole is partial */
  complete = true;
  private readonly fileOrder: string[] = [];

  constructor(private readonly options: { cwd: string; knownRuleIds: readonly string[]; packDirs: readonly string[] }) {}

  display(absPath: string): string {
    const relative = path.relative(this.options.cwd, absPath) || path.basename(absPath);
    return relative.split(path.sep).join('/');
  }

  sortedErrors(): SpecError[] {
    const rank = (error: SpecError): number => {
      const index = this.fileOrder.indexOf(error.file);
      return index < 0 ? this.fileOrder.length : index;
    };
    return [...this.errors].sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }

  private fail(message: string, where: { file: string; pos?: SpecPos }): void {
    this.complete = false;
    const pos = where.pos;
    this.errors.push(pos ? new SpecError(message, pos.file, pos.line, pos.column) : new SpecError(message, where.file));
  }

  /** Loads one file and what it extends, merged; undefined when it could not be read or validated. */
  load(target: LoadTarget): SpecPart | undefined {
    const { absPath, file, from } = target;
    if (!this.fileOrder.includes(file)) this.fileOrder.push(file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(absPath);
    } catch (error) {
      const reason = readFailure(error);
      if (from) this.fail(`cannot read ${quote(from.entry)}, extended here: ${reason}`, { file, pos: from.pos });
      else this.fail(`cannot read the spec: ${reason}`, { file });
      return undefined;
    }
    this.hash.update(bytes);

    const parsed = parseSpecYaml({ file, text: bytes.toString('utf8') });
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
    const { part, errors } = normaliseSpec({ source: parsed.source, data: parsed.data as RawSpec, knownRuleIds: this.options.knownRuleIds });
    this.errors.push(...errors);

    const bases: SpecPart[] = [];
    const chain = [...target.chain, { absPath: canonical(absPath), file }];
    for (const { entry, pos } of part.extends) {
      const next = this.resolveExtends({ entry, pos, fromPath: absPath });
      if (!next) continue;
      const key = canonical(next.absPath);
      if (key === canonical(absPath)) {
        this.fail(`${quote(entry)} is this spec itself: a spec cannot extend itself`, { file, pos });
        continue;
      }
      const loop = chain.findIndex((link) => link.absPath === key);
      if (loop >= 0) {
        const names = [...chain.slice(loop).map((link) => link.file), next.file];
        this.fail(`extends cycle: ${names.join(' -> ')}`, { file, pos });
        continue;
      }
      const base = this.load({ absPath: next.absPath, file: next.file, chain, from: { entry, pos } });
      if (base) bases.push(base);
    }
    return mergeParts([...bases, part]);
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
      return { absPath, file: this.display(absPath) };
    }
    const packs = this.availablePacks();
    const found = packs.get(entry);
    if (found) return { absPath: found, file: `pack:${entry}` };
    const names = [...packs.keys()];
    const hint = didYouMean(entry, names) || (names.length > 0 ? ` (built-in packs: ${names.join(', ')})` : ' (there are no built-in packs)');
    this.fail(`unknown pack ${quote(entry)}${hint}`, { file: pos.file, pos });
    return undefined;
  }

  private packs: Map<string, string> | undefined;

  private availablePacks(): Map<string, string> {
    if (this.packs) return this.packs;
    this.packs = new Map();
    for (const dir of this.options.packDirs) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue; // a pack folder that does not exist simply holds no packs
      }
      for (const name of names.sort()) {
        const match = /^(.+)\.ya?ml$/.exec(name);
        if (match && !this.packs.has(match[1]!)) this.packs.set(match[1]!, path.join(dir, name));
      }
    }
    return this.packs;
  }
}

function canonical(absPath: string): string {
  try {
    return realpathSync(absPath);
  } catch {
    return absPath;
  }
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}

function toSpec(options: { part: SpecPart; specPath: string; sha256: string }): Spec {
  const { part, specPath, sha256 } = options;
  const items = <T>(map: Map<string, { item: T }>): T[] => [...map.values()].map((entry) => entry.item);
  const builtin: Phrase[] = DEFAULT_IMMEDIATE_PROMISES.map((source, index) => ({
    source,
    isRegex: false,
    pos: { file: BUILTIN_PROMISES_FILE, line: index + 1, column: 1 },
  }));
  const spec: Spec = {
    path: part.file,
    dir: path.dirname(specPath),
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
    formats: { markdown: part.formats.markdown ?? { fields: [] } },
    exceptions: part.exceptions,
  };
  if (part.formats.csv) spec.formats.csv = part.formats.csv;
  if (part.brand !== undefined) spec.brand = part.brand;
  return spec;
}
