/**
 * Which spec each file is checked against. With nested specs on, a folder's own onemessage.yaml
 * applies to the files below it (it may `extends` its parent's), as .editorconfig, ESLint and Vale
 * cascade; each spec is loaded and compiled once, the first time a file needs it. Without nesting
 * (a spec given with --spec, or as text), every file gets the one spec.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import picomatch from 'picomatch';
import type { LintContext } from '../lint/context.js';
import type { Rule } from '../lint/rule.js';
import { toPosix } from '../lint/paths.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { specIn } from '../spec/find.js';
import type { Spec } from '../spec/types.js';

/** One spec of a run and what linting needs from it. */
export interface SpecGroup {
  /** absolute path of the spec file (for a spec given as text, the path it stands for) */
  file: string;
  spec: Spec;
  warnings: readonly Diagnostic[];
  context: LintContext;
  /** every rule the spec can use: the built-in ones and its plugins' */
  rules: readonly Rule[];
  /** what makes outcomes linted against this spec reusable: its bytes, its plugins, command-line overrides */
  key: string;
}

export interface SpecSetOptions {
  root: SpecGroup;
  /** look for a nearer spec in the folders below the root spec's */
  nested: boolean;
  /** loads and compiles the spec file at an absolute path (throws SpecLoadError) */
  load?(file: string): SpecGroup;
}

export class SpecSet {
  readonly root: SpecGroup;
  private readonly nested: boolean;
  private readonly loadGroup: ((file: string) => SpecGroup) | undefined;
  private readonly byFile = new Map<string, SpecGroup>();
  /** folder -> the spec file nearest it, at or below the root spec's folder */
  private readonly byDir = new Map<string, string>();
  private readonly ignorers = new Map<SpecGroup, (rel: string) => boolean>();

  constructor(options: SpecSetOptions) {
    this.root = options.root;
    this.nested = options.nested && options.load !== undefined;
    this.loadGroup = options.load;
    this.byFile.set(options.root.file, options.root);
  }

  /** A set of one spec: every file is checked against it. */
  static single(group: SpecGroup): SpecSet {
    return new SpecSet({ root: group, nested: false });
  }

  /** The spec a file (absolute path) is checked against. */
  groupFor(abs: string): SpecGroup {
    if (!this.nested) return this.root;
    const file = this.nearest(path.dirname(abs));
    let group = this.byFile.get(file);
    if (!group) {
      group = this.loadGroup!(file);
      this.byFile.set(file, group);
    }
    return group;
  }

  /** Whether a file's own nested spec ignores it (the root spec's `ignore` is applied by the walk). */
  ignoredByNested(abs: string): boolean {
    const group = this.groupFor(abs);
    if (group === this.root || group.spec.ignore.length === 0) return false;
    let ignores = this.ignorers.get(group);
    if (!ignores) {
      ignores = picomatch(group.spec.ignore, { dot: true });
      this.ignorers.set(group, ignores);
    }
    const rel = toPosix(path.relative(group.spec.dir, abs));
    return !rel.startsWith('../') && ignores(rel);
  }

  /** Every spec loaded so far: the root first, then by path. */
  groups(): SpecGroup[] {
    const others = [...this.byFile.values()].filter((group) => group !== this.root).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return [this.root, ...others];
  }

  /** The key of the run's specs: the root's alone when no other spec was used, so single-spec caches and shards stay as they were. */
  runKey(used: readonly SpecGroup[]): string {
    const others = used.filter((group) => group !== this.root);
    if (others.length === 0) return this.root.key;
    const hash = createHash('sha256');
    for (const group of [this.root, ...others]) hash.update(`${group.spec.path}\0${group.key}\n`);
    return hash.digest('hex');
  }

  private nearest(dir: string): string {
    const known = this.byDir.get(dir);
    if (known !== undefined) return known;
    const top = this.root.spec.dir;
    const relative = path.relative(top, dir);
    let found: string;
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) found = this.root.file;
    else found = specIn(dir) ?? this.nearest(path.dirname(dir));
    this.byDir.set(dir, found);
    return found;
  }
}

/** What makes outcomes reusable for a spec: its hash alone, unless plugins or overrides change what rules do. */
export function groupKey(spec: Spec, extra: { pluginHashes?: Record<string, string>; overrides?: Record<string, string> }): string {
  const plugins = Object.entries(extra.pluginHashes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const overrides = Object.entries(extra.overrides ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (plugins.length === 0 && overrides.length === 0) return spec.sha256;
  return createHash('sha256').update(JSON.stringify([spec.sha256, plugins, overrides])).digest('hex');
}
