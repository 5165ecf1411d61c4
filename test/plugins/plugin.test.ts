/**
 * Custom rules from a spec's `plugins:`: the example plugin in fixtures/plugin reports at exact
 * positions through the CLI and through onemessage/testing's RuleTester (what its authors use),
 * its rule ids work in severity and directives, worker threads load it too, and every way a
 * plugin can be wrong is one line at its place in the spec.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/lint/rule.js';
import { RuleTester } from '../../src/testing.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const { noCompetitorNames } = (await import(path.join(ROOT, 'fixtures/plugin/onemessage-rules/house.mjs'))) as { noCompetitorNames: Rule };

describe('the example plugin (fixtures/plugin)', () => {
  it('reports at exact positions beside the built-in rules, with the severity the spec gives it', async () => {
    const run = await runCli(['check', 'fixtures/plugin', '--as-of', '2026-12-15']);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'fixtures/plugin/site/index.md',
        '  2:36  warning  Do not name Peak Supply in our copy: compare on facts, not on names.  house/no-competitor-names',
        '  7:34  warning  Do not name Peak Supply in our copy: compare on facts, not on names.  house/no-competitor-names',
        '  8:46  warning  Do not name TrailCo in our copy: compare on facts, not on names.  house/no-competitor-names',
        '',
        '✖ 3 problems (0 errors, 3 warnings) in 1 file, 1 suppressed',
        '',
      ].join('\n'),
    });
  });

  it('spans the name in the source, across markup and a line break', async () => {
    const run = await runCli(['check', 'fixtures/plugin', '--format', 'json']);
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ start: { line: number; column: number }; end: { line: number; column: number }; excerpt: string; suppression?: unknown }> }).findings;
    expect(findings.filter((f) => !f.suppression).map((f) => `${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column}`)).toEqual(['2:36-2:47', '7:34-8:7', '8:46-8:53']);
  });

  it('loads in worker threads too', async () => {
    const json = async (threads: string) => {
      const result = JSON.parse((await runCli(['check', 'fixtures/plugin', '--format', 'json', '--threads', threads])).stdout) as Record<string, unknown>;
      delete result.startedAt;
      delete result.command;
      return result;
    };
    expect(await json('2')).toEqual(await json('0'));
  });

  it('is listed by onemessage rules and explained by onemessage explain, from the spec\'s folder', async () => {
    const cwd = path.join(ROOT, 'fixtures/plugin');
    expect((await runCli(['rules'], { cwd })).stdout).toMatch(/\nhouse\/no-competitor-names +error +A competitor's name appears in customer-facing copy\.\n$/);
    const explained = await runCli(['explain', 'house/no-competitor-names'], { cwd });
    expect(explained.stdout.split('\n')[0]).toBe('house/no-competitor-names  (default severity: error)');
    expect(explained.stdout).toContain('Lighter than anything TrailCo makes.');
  });

  it('does not stop the guide from rendering the spec that names it', async () => {
    const run = await runCli(['guide', '--spec', 'fixtures/plugin/onemessage.yaml']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('TrailPack');
  });

  it('is listed by --print-config and turned off by --rule like a built-in rule', async () => {
    expect((await runCli(['check', '--print-config', '--spec', 'fixtures/plugin/onemessage.yaml'])).stdout).toContain('plugins:\n  - ./onemessage-rules/house.mjs\n');
    expect((await runCli(['check', 'fixtures/plugin', '--rule', 'house/no-competitor-names: off'])).stdout).toBe('✔ no problems in 1 file\n');
  });
});

// What a plugin's author writes, with the helper the package exports as onemessage/testing.
RuleTester.describe = describe;
RuleTester.it = it;
new RuleTester().run(noCompetitorNames, {
  valid: ['Lighter than any pack we have made.\n', { name: 'a word that only contains a name', text: 'The TrailCompany of hikers.\n' }],
  invalid: [
    { text: 'Unlike Peak Supply, we ship free.\n', errors: [{ line: 1, column: 8, endLine: 1, endColumn: 19, messageId: 'named' }] },
    {
      name: 'in a support macro, across a line break',
      channel: 'support',
      text: 'Our packs outlast\n*TrailCo* packs and Peak   Supply ones.\n',
      errors: [
        { line: 2, column: 2, endColumn: 9, message: 'Do not name TrailCo in our copy: compare on facts, not on names.' },
        { line: 2, column: 21, endColumn: 34, message: /Peak Supply/ },
      ],
    },
  ],
});

describe('RuleTester.verify', () => {
  it('throws an AssertionError that shows what was found', async () => {
    await expect(new RuleTester().verify(noCompetitorNames, { valid: [], invalid: [{ text: 'TrailCo.\n', errors: [{ line: 1, column: 2 }] }] })).rejects.toThrow(/expected 1 finding\(s\), got:\n1:1-1:8 named Do not name TrailCo/);
  });
});

describe('a plugin that cannot be used', () => {
  const specWith = (plugins: string, extra = '') => `version: 1\nchannels:\n  marketing: ["site/**"]\nplugins: [${plugins}]\n${extra}`;
  const errorOf = async (files: Record<string, string>) => {
    const cwd = tempRepo({ 'site/index.md': 'Hello.\n', ...files });
    mkdirSync(path.join(cwd, '.git'), { recursive: true });
    const run = await runCli(['check'], { cwd });
    expect(run.code, run.stdout).toBe(2);
    return run.stderr;
  };

  it('is one line at its place in the spec, for each way it can be wrong', async () => {
    expect(await errorOf({ 'onemessage.yaml': specWith('"https://example.com/rules.js"') })).toBe(
      'onemessage.yaml:4:11: plugin "https://example.com/rules.js" is a URL: onemessage never fetches code; put the module in the repository and name it by a relative path\n',
    );
    expect(await errorOf({ 'onemessage.yaml': specWith('"/etc/rules.js"') })).toBe('onemessage.yaml:4:11: plugin "/etc/rules.js" is an absolute path: name a module in the repository by a path relative to this spec\n');
    expect(await errorOf({ 'onemessage.yaml': specWith('eslint-plugin-x') })).toMatch(/^onemessage.yaml:4:11: plugin "eslint-plugin-x" is not a JavaScript module: name a local .js, .mjs or .cjs file/);
    expect(await errorOf({ 'onemessage.yaml': specWith('./rules/missing.mjs') })).toBe('onemessage.yaml:4:11: plugin "./rules/missing.mjs": no such file\n');
    expect(await errorOf({ 'onemessage.yaml': specWith('./rules/empty.mjs'), 'rules/empty.mjs': 'export const x = 1;\n' })).toBe(
      'onemessage.yaml:4:11: plugin "./rules/empty.mjs": exports no rules: export `rules`, an array of rules (or a default export { rules })\n',
    );
    expect(await errorOf({ 'onemessage.yaml': specWith('./rules/bad.mjs'), 'rules/bad.mjs': 'export const rules = [{ kind: "document", meta: { id: "NoSlash" } }];\n' })).toBe(
      'onemessage.yaml:4:11: plugin "./rules/bad.mjs": rules[0] needs meta.id as "plugin/rule-name" (lower case, one slash)\n',
    );
    const clash = `export const rules = [${JSON.stringify({ kind: 'document', meta: { ...noCompetitorNames.meta, id: 'term/use' } })}].map((rule) => ({ ...rule, check() {} }));\n`;
    expect(await errorOf({ 'onemessage.yaml': specWith('./rules/clash.mjs'), 'rules/clash.mjs': clash })).toBe(
      'onemessage.yaml:4:11: plugin "./rules/clash.mjs": rule "term/use" is already defined (built in); give it an id of its own, e.g. "clash/use"\n',
    );
    expect(await errorOf({ 'onemessage.yaml': specWith('./rules/broken.js'), 'rules/broken.js': 'export const rules = [\n' })).toMatch(/^onemessage.yaml:4:11: plugin ".\/rules\/broken.js": cannot be loaded: /);
  });

  it('outside the repository is refused, even by a relative path', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'onemessage-outside-'));
    cpSync(path.join(ROOT, 'fixtures/plugin/onemessage-rules/house.mjs'), path.join(outside, 'house.mjs'));
    const repo = path.join(outside, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    writeFileSync(path.join(repo, 'onemessage.yaml'), specWith('"../house.mjs"'));
    const run = await runCli(['check'], { cwd: repo });
    expect(run.stderr).toBe(`onemessage.yaml:4:11: plugin "../house.mjs": it is outside the repository (${repo}); a plugin must be a module of the repository it checks\n`);
  });

  it('its rule ids are known to severity and exceptions, with a hint for a typo', async () => {
    const cwd = tempRepo({ 'site/index.md': 'Hello.\n', 'onemessage.yaml': specWith('./rules/house.mjs', 'severity:\n  house/no-competitor-name: off\n') });
    mkdirSync(path.join(cwd, 'rules'));
    cpSync(path.join(ROOT, 'fixtures/plugin/onemessage-rules/house.mjs'), path.join(cwd, 'rules/house.mjs'));
    const run = await runCli(['check'], { cwd });
    expect(run.stderr).toBe('onemessage.yaml:6:3: unknown rule "house/no-competitor-name" in severity; did you mean "house/no-competitor-names"?\n');
  });
});
