/**
 * The shape of the house, kept by a test: no import cycles (dpdm, type imports and dynamic
 * imports included), arrows between folders that point one way, an engine that names no rule
 * and no format, and templates and spec values parsed in the compile step only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/** Every TypeScript source of src/ and rules/, relative to the root with `/`. */
function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(ROOT, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.ts')) out.push(rel);
    }
  };
  walk('src');
  walk('rules');
  return out;
}

/** The layer a module belongs to: its folder under src/ (or `rules`), or the module itself at the top of src/. */
function layerOf(rel: string): string {
  const parts = rel.split('/');
  if (parts[0] === 'rules') return 'rules';
  return parts.length === 2 ? parts[1]!.replace(/\.ts$/, '') : parts[1]!;
}

/**
 * What each layer may import, besides itself. Lowest first: the model imports nothing; a layer
 * never imports one that imports it. `version` and `package-root` are leaf modules any layer may use.
 */
const ALLOWED: Record<string, string[]> = {
  'package-root': [],
  version: ['package-root'],
  model: [],
  match: ['model'],
  spec: ['model', 'match', 'package-root'],
  formats: ['model'],
  lint: ['model', 'match', 'spec', 'formats', 'version'],
  rules: ['model', 'match', 'spec', 'lint'],
  runner: ['model', 'match', 'spec', 'formats', 'lint', 'rules', 'version', 'package-root'],
  report: ['model'],
  guide: ['model', 'match', 'spec', 'report'],
  discover: ['model', 'match', 'spec', 'formats', 'lint', 'runner'],
  session: ['model', 'match', 'spec', 'formats', 'lint', 'rules', 'runner', 'report', 'package-root'],
  lsp: ['model', 'match', 'spec', 'formats', 'lint', 'rules', 'runner', 'report', 'session', 'version', 'package-root'],
  cli: ['model', 'match', 'spec', 'formats', 'lint', 'rules', 'runner', 'report', 'guide', 'discover', 'session', 'lsp', 'version', 'package-root'],
  index: ['model', 'match', 'spec', 'formats', 'lint', 'rules', 'runner', 'report', 'guide', 'session', 'version'],
  testing: ['model', 'lint', 'session'],
  action: ['cli'],
};

/** Relative imports of a module (static, type-only and dynamic), as root-relative `.ts` paths. */
function importsOf(rel: string): string[] {
  const text = readFileSync(path.join(ROOT, rel), 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)) {
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(rel), match[1]!)).replace(/\.js$/, '.ts'));
  }
  return out;
}

describe('architecture', () => {
  it('has no import cycles (dpdm, type and dynamic imports included)', async () => {
    const tree = await parseDependencyTree(['src/**/*.ts', 'rules/**/*.ts'], { cwd: ROOT, context: ROOT, transform: false, skipDynamicImports: false });
    expect(parseCircular(tree)).toEqual([]);
  });

  it('imports point one way between layers', () => {
    const wrong: string[] = [];
    for (const rel of sources()) {
      const from = layerOf(rel);
      const allowed = ALLOWED[from];
      expect(allowed, `${rel}: layer "${from}" is not in the table`).toBeDefined();
      for (const target of importsOf(rel)) {
        const to = layerOf(target);
        if (to !== from && !allowed!.includes(to)) wrong.push(`${rel} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the engine names no rule id and no format', () => {
    const named: string[] = [];
    for (const rel of sources().filter((file) => /^src\/(lint|runner)\//.test(file))) {
      readFileSync(path.join(ROOT, rel), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/'(file|fact|directive|exception|claim|stock|term|disclosure)\//.test(line)) named.push(`${rel}:${i + 1}: rule id`);
          if (/'(markdown|mdx|html|text|json|csv|zendesk|helpscout|freshdesk|intercom)'/.test(line)) named.push(`${rel}:${i + 1}: format name`);
        });
    }
    expect(named).toEqual([]);
  });

  it('parses templates and spec values in the compile step only', () => {
    const calls: string[] = [];
    for (const rel of sources()) {
      readFileSync(path.join(ROOT, rel), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\bparseTemplate\(/.test(line) && !/export function parseTemplate\(/.test(line)) calls.push(`${rel}:${i + 1}`);
        });
    }
    expect(calls.map((call) => call.split(':')[0])).toEqual(['src/spec/compile.ts']);
    // A quantity written in the spec (a fact's value, a lead time) is read once, in compile.ts; the
    // matcher reads the quantities of document text a user's regex captures.
    const quantityParses = sources().filter((rel) => rel !== 'src/match/quantity.ts' && /\bparseQuantity\(/.test(readFileSync(path.join(ROOT, rel), 'utf8')));
    expect(quantityParses).toEqual(['src/match/matcher.ts', 'src/spec/compile.ts']);
  });
});
