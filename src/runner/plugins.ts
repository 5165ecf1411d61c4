/**
 * Loads the custom rules a spec names in `plugins:`: local JavaScript modules inside the
 * repository, each exporting rules of the built-in shape. A plugin runs code, so it is loaded only
 * from a path the spec's author wrote, never from a URL or elsewhere on the machine; every problem
 * is a diagnostic at the plugin's line in the spec.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Rule } from '../lint/rule.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { specError } from '../spec/errors.js';
import type { PluginRef } from '../spec/types.js';

const KINDS = new Set(['document', 'corpus', 'file', 'waiver']);
const SEVERITIES = new Set(['error', 'warning', 'info']);

export interface LoadedPlugins {
  rules: Rule[];
  errors: Diagnostic[];
  /** path -> sha256 of each module's bytes: a changed plugin must not reuse cached outcomes */
  hashes: Record<string, string>;
}

/** The folder that holds `.git` at or above `dir`; without one, `fallback` (the working folder). */
export function repositoryRoot(dir: string, fallback: string): string {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return path.resolve(fallback);
  }
}

/**
 * Loads plugins synchronously (Node 20.19 and later `require` ES modules), so a spec and its
 * plugins load in one step wherever a spec is loaded. `builtinIds` may not be redefined.
 */
export function loadPlugins(refs: readonly PluginRef[], options: { cwd: string; builtinIds: readonly string[] }): LoadedPlugins {
  const out: LoadedPlugins = { rules: [], errors: [], hashes: {} };
  const seen = new Map<string, string>(options.builtinIds.map((id) => [id, 'built in']));
  const require = createRequire(import.meta.url);
  for (const ref of refs) {
    const fail = (message: string) => out.errors.push(specError(`plugin "${ref.entry}": ${message}`, ref.pos.file, ref.pos.line, ref.pos.column));
    let real: string;
    try {
      real = realpathSync(ref.absPath);
    } catch {
      fail('no such file');
      continue;
    }
    const root = realpathSync(repositoryRoot(path.dirname(ref.absPath), options.cwd));
    const relative = path.relative(root, real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      fail(`it is outside the repository (${root}); a plugin must be a module of the repository it checks`);
      continue;
    }
    out.hashes[real] = createHash('sha256').update(readFileSync(real)).digest('hex');
    let exported: unknown;
    try {
      exported = require(real);
    } catch (error) {
      const esm = /Unexpected token 'export'|Cannot use import statement/.test(firstLine(error));
      fail(`cannot be loaded: ${firstLine(error)}${esm ? ' (an ES module needs the .mjs extension, or "type": "module" in the nearest package.json)' : ''}`);
      continue;
    }
    const rules = rulesOf(exported);
    if (!rules) {
      fail('exports no rules: export `rules`, an array of rules (or a default export { rules })');
      continue;
    }
    rules.forEach((rule, index) => {
      const problem = shapeProblem(rule);
      if (problem) {
        fail(`rules[${index}] ${problem}`);
        return;
      }
      const id = rule.meta.id;
      const owner = seen.get(id);
      if (owner) {
        fail(`rule "${id}" is already defined (${owner}); give it an id of its own, e.g. "${path.basename(ref.entry).replace(/\.[cm]?js$/, '')}/${id.split('/').pop()}"`);
        return;
      }
      seen.set(id, `by plugin "${ref.entry}"`);
      out.rules.push(rule);
    });
  }
  return out;
}

function rulesOf(exported: unknown): Rule[] | undefined {
  const module = exported as { rules?: unknown; default?: { rules?: unknown } | unknown[] } | undefined;
  const candidate = module?.rules ?? (Array.isArray(module?.default) ? module.default : (module?.default as { rules?: unknown } | undefined)?.rules);
  return Array.isArray(candidate) ? (candidate as Rule[]) : undefined;
}

/** What is wrong with a rule's shape, as the end of a sentence, or undefined. */
function shapeProblem(rule: Rule): string | undefined {
  if (!rule || typeof rule !== 'object') return 'is not an object';
  if (!KINDS.has(rule.kind)) return `has kind ${JSON.stringify(rule.kind)}; expected document, corpus, file or waiver`;
  const meta = rule.meta as Partial<Rule['meta']> | undefined;
  if (!meta || typeof meta.id !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(meta.id)) return 'needs meta.id as "plugin/rule-name" (lower case, one slash)';
  if (typeof meta.description !== 'string') return `(${meta.id}) needs meta.description`;
  if (!SEVERITIES.has(meta.defaultSeverity as string)) return `(${meta.id}) needs meta.defaultSeverity: error, warning or info`;
  if (typeof meta.fixable !== 'boolean') return `(${meta.id}) needs meta.fixable: true or false`;
  if (!meta.messages || typeof meta.messages !== 'object') return `(${meta.id}) needs meta.messages, every message it can say by id`;
  if (!meta.docs || typeof meta.docs.details !== 'string' || !meta.docs.bad || !meta.docs.good) return `(${meta.id}) needs meta.docs with details, a bad and a good example`;
  if (typeof (rule as { check?: unknown }).check !== 'function') return `(${meta.id}) needs a check function`;
  if (rule.kind === 'corpus' && typeof rule.collect !== 'function') return `(${meta.id}) is a corpus rule and needs a collect function`;
  return undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** For loading a spec where only its plugins' rule ids are needed (the guide, discover): loads them and names them. */
export function pluginRuleIdsLoader(options: { cwd: string; builtinIds: readonly string[] }): (refs: readonly PluginRef[]) => { ids: string[]; errors: Diagnostic[] } {
  return (refs) => {
    const loaded = loadPlugins(refs, options);
    return { ids: loaded.rules.map((rule) => rule.meta.id), errors: loaded.errors };
  };
}
