/**
 * What linting needs for one run, built once (and once per worker): the compiled spec, the rules
 * the spec leaves on with their severities, the date, how formats read files, and channels.
 */
import type { Severity } from '../model/finding.js';
import type { MatrixRow } from '../model/result.js';
import type { FormatOptions } from '../formats/format.js';
import { compileSpec, type CompiledSpec } from '../spec/compile.js';
import type { Spec } from '../spec/types.js';
import { channelResolver } from './channels.js';
import type { PhraseKind } from '../match/types.js';
import { readerResolver, type ReaderOf } from './readers.js';
import { severityKeys, type CorpusRule, type DocumentRule, type FileRule, type Rule, type RunView, type WaiverRule } from './rule.js';

export interface Active<R> {
  rule: R;
  severity: Severity;
}

/** The rules a run uses, by kind, each with the severity the spec gives it. */
export interface ActiveRules {
  document: Array<Active<DocumentRule>>;
  corpus: Array<Active<CorpusRule>>;
  file: Array<Active<FileRule>>;
  waiver: Array<Active<WaiverRule>>;
  /** every rule onemessage knows (a directive may name one the spec turns off) */
  known: readonly string[];
  /** id -> severity of every active rule, and `RULE/VARIANT` -> severity of every active variant */
  severity: ReadonlyMap<string, Severity>;
  /** phrase kinds some active variant needs compiled */
  phrases: ReadonlySet<PhraseKind>;
}

/** The rules the spec leaves on, each with its severity. */
export function activeRules(rules: readonly Rule[], spec: Spec): ActiveRules {
  const active: ActiveRules = { document: [], corpus: [], file: [], waiver: [], known: severityKeys(rules), severity: new Map(), phrases: new Set() };
  const phrases = new Set<PhraseKind>();
  const severity = new Map<string, Severity>();
  for (const rule of rules) {
    const configured = spec.severity[rule.meta.id];
    if (configured === 'off') continue;
    const entry = { severity: configured ?? rule.meta.defaultSeverity };
    severity.set(rule.meta.id, entry.severity);
    for (const [name, variant] of Object.entries(rule.meta.variants ?? {})) {
      const key = `${rule.meta.id}/${name}`;
      const level = spec.severity[key] ?? variant.defaultSeverity;
      if (level === 'off') continue;
      severity.set(key, level);
      for (const kind of variant.phrases ?? []) phrases.add(kind);
    }
    if (rule.kind === 'document') active.document.push({ ...entry, rule });
    else if (rule.kind === 'corpus') active.corpus.push({ ...entry, rule });
    else if (rule.kind === 'file') active.file.push({ ...entry, rule });
    else active.waiver.push({ ...entry, rule });
  }
  active.severity = severity;
  active.phrases = phrases;
  return active;
}

export interface LintContext {
  spec: Spec;
  compiled: CompiledSpec;
  rules: ActiveRules;
  /** the fact rules' message map, built from their statements */
  matrix?: RunView<MatrixRow[]>;
  asOf: string;
  formatOptions: FormatOptions;
  /** the spec's channel for a file, by its globs */
  channelOf(abs: string): string | undefined;
  /** the reader the spec's `formats.extensions` maps a file to; undefined: the reader its extension has */
  readerOf: ReaderOf;
  /** keep the stack of an internal error in a reader (as a warning) for `--debug` */
  debug?: boolean;
}

export interface LintContextOptions {
  spec: Spec;
  asOf: string;
  /** every rule onemessage knows (built in and from plugins) */
  rules: readonly Rule[];
  matrix?: RunView<MatrixRow[]>;
  /** default true: files the prefilter proves free of phrases are not parsed */
  prefilter?: boolean;
  debug?: boolean;
}

/** What the readers need from the spec's `formats` (and the front matter fields always read). */
export function formatOptionsFor(spec: Spec): FormatOptions {
  return {
    markdownFields: ['title', 'description', ...(spec.formats.markdown?.fields ?? [])],
    ...(spec.formats.csv ? { csv: spec.formats.csv } : {}),
    ...(spec.formats.json ? { json: spec.formats.json } : {}),
    ...(spec.formats.mdx ? { mdxProps: spec.formats.mdx.props } : {}),
    ...(spec.formats.markdown?.mdx !== undefined ? { markdownMdx: spec.formats.markdown.mdx } : {}),
  };
}

export function createLintContext(options: LintContextOptions): LintContext {
  const { spec, asOf } = options;
  const rules = activeRules(options.rules, spec);
  const channels = channelResolver(spec);
  // Every rule starts from a phrase match, unless it says otherwise; then every file is parsed.
  const readers = [...rules.document, ...rules.corpus];
  const matchFree = readers.some(({ rule }) => rule.meta.reportsWithoutMatches);
  // The phrases that can set off a rule, as the rules declare them; a rule that does not say reads them all.
  const triggers = readers.every(({ rule }) => rule.meta.triggers) ? readers.flatMap(({ rule }) => rule.meta.triggers!(spec)) : undefined;
  return {
    spec,
    compiled: compileSpec(spec, { prefilter: options.prefilter !== false && !matchFree, topics: rules.phrases.has('topic'), ...(triggers ? { triggers } : {}) }),
    rules,
    ...(options.matrix ? { matrix: options.matrix } : {}),
    asOf,
    formatOptions: formatOptionsFor(spec),
    channelOf: (abs) => channels.byPath(abs),
    readerOf: readerResolver(spec),
    ...(options.debug ? { debug: true } : {}),
  };
}
