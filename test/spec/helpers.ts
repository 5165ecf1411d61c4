/** Writes spec files into a fresh temp folder and loads them, returning errors as their one-line forms. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatDiagnostic } from '../../src/model/diagnostic.js';
import { SpecLoadError } from '../../src/spec/errors.js';
import { loadSpec } from '../../src/spec/load.js';
import type { LoadedSpec } from '../../src/spec/load.js';

export const RULE_IDS = [
  'fact/mismatch', 'fact/conflict', 'claim/forbidden', 'claim/channel', 'claim/evidence', 'claim/expired',
  'claim/requires', 'stock/promise', 'stock/lead-time', 'disclosure/missing', 'disclosure/placement', 'term/use',
  'directive/reason', 'directive/unused', 'exception/expired', 'file/unreadable',
];

/** A temp folder with the given files (path -> content); `packs/` inside it is the pack folder. */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onemessage-spec-'));
  mkdirSync(path.join(dir, 'packs'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Plugins are named but not run here: the spec tests are about the spec (test/plugins/ runs them). */
export const NO_PLUGIN_RULES = () => ({ ids: [], errors: [] });

export function load(dir: string, specPath = 'onemessage.yaml'): LoadedSpec {
  return loadSpec({ specPath, cwd: dir, knownRuleIds: RULE_IDS, packDirs: [path.join(dir, 'packs')], pluginRuleIds: NO_PLUGIN_RULES });
}

/** The one-line errors a spec gives, or [] when it loads. */
export function errorsOf(files: Record<string, string>, specPath = 'onemessage.yaml'): string[] {
  try {
    load(workspace(files), specPath);
    return [];
  } catch (error) {
    if (error instanceof SpecLoadError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
}

/** Errors of a single onemessage.yaml. */
export function specErrors(yaml: string): string[] {
  return errorsOf({ 'onemessage.yaml': yaml });
}
