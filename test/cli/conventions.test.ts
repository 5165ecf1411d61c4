/**
 * The command-line conventions users bring from ESLint, markdownlint-cli2, Vale and textlint:
 * quoted globs, -c/--config, --print-config, --rule, --ignore-path, --ignore-pattern,
 * --cache-location, --format ./formatter.js, "did you mean" for commands, explain without a rule,
 * and file counts that include every file a finding is in. In-process through run(argv, io); one
 * spawn for what only a real shell shows (a quoted glob reaching the program unexpanded).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = [
  'version: 1',
  'channels:',
  '  marketing: ["site/**"]',
  '  support: ["support/**"]',
  'claims:',
  '  - id: best',
  '    says: ["best in the industry"]',
  '    status: forbidden',
  'terms:',
  '  - use: sign in',
  '    not: ["login to"]',
  '',
].join('\n');

const BEST = 'We are the best in the industry.\n';
const LOGIN = 'Login to your account.\n';

function repo(extra: Record<string, string> = {}): string {
  return tempRepo({
    'onemessage.yaml': SPEC,
    'site/index.md': BEST,
    'site/blog/post.md': BEST,
    'site/about.html': `<p>${BEST}</p>`,
    'support/help.md': LOGIN,
    ...extra,
  });
}

/** The files a stylish report names, in order. */
function filesIn(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^\S/.test(line) && !/^[✖✔]/.test(line) && !line.startsWith('warning'));
}

describe('quoted globs', () => {
  it('selects files by a glob the shell did not expand, honouring ignores', async () => {
    const cwd = repo({ '.gitignore': 'site/blog/\n' });
    const run = await runCli(['check', 'site/**/*.md'], { cwd });
    expect(filesIn(run.stdout)).toEqual(['site/index.md']);
    expect(run.stdout).toContain('in 1 file\n');
  });

  it('a glob that matches nothing is a usage error, as a missing path is', async () => {
    expect(await runCli(['check', 'site/**/*.mdx'], { cwd: repo() })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: no files match the pattern "site/**/*.mdx"\n' });
  });

  it('reaches the program unexpanded from a real shell quote, on every platform', () => {
    const cwd = repo();
    const run = spawnCli(['check', '{site,support}/*.md'], { cwd });
    expect(run.code).toBe(1);
    expect(filesIn(run.stdout)).toEqual(['site/index.md', 'support/help.md']);
  });
});

describe('-c, --config', () => {
  it('is the same as --spec', async () => {
    const cwd = repo({ 'house.yaml': SPEC.replace('status: forbidden', 'status: allowed\n    channels: [support]') });
    const withSpec = await runCli(['check', '--spec', 'house.yaml', 'site'], { cwd });
    expect(await runCli(['check', '-c', 'house.yaml', 'site'], { cwd })).toEqual(withSpec);
    expect(await runCli(['check', '--config', 'house.yaml', 'site'], { cwd })).toEqual(withSpec);
    expect(withSpec.stdout).toContain('claim/channel');
  });

  it('refuses two different specs', async () => {
    const run = await runCli(['check', '--spec', 'a.yaml', '-c', 'b.yaml'], { cwd: repo() });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'onemessage: --spec a.yaml and --config b.yaml name two specs; --config is another name for --spec: give one\n' });
  });
});

describe('--print-config', () => {
  it('prints the resolved spec, packs merged in, as YAML', async () => {
    const cwd = repo({ 'onemessage.yaml': `${SPEC}extends: [urgency]\n` });
    const run = await runCli(['check', '--print-config'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('# onemessage.yaml (extends urgency, merged)');
    expect(run.stdout).toContain('  - id: best\n');
    // the pack's own claims are part of what is checked
    expect(run.stdout.match(/^ {2}- id: /gm)!.length).toBeGreaterThan(1);
  });

  it('shows --rule overrides as the severity the run uses', async () => {
    const run = await runCli(['check', '--print-config', '--rule', 'term/use: off'], { cwd: repo() });
    expect(run.stdout).toContain('severity:\n  term/use: off\n');
  });
});

describe('--rule', () => {
  it('turns a rule off or changes its severity for this run', async () => {
    const cwd = repo();
    const off = await runCli(['check', '--rule', 'claim/forbidden: off', 'support', 'site/index.md'], { cwd });
    expect(off.stdout).not.toContain('claim/forbidden');
    const info = await runCli(['check', '--rule', 'claim/forbidden: info', '--rule', 'term/use=error', 'support', 'site/index.md'], { cwd });
    expect(info.stdout).toMatch(/1:\d+ +info +.*claim\/forbidden/);
    expect(info.stdout).toMatch(/1:\d+ +error +.*term\/use/);
  });

  it('names an unknown rule or severity with a hint, exit 2', async () => {
    const cwd = repo();
    expect((await runCli(['check', '--rule', 'claim/forbiden: off'], { cwd })).stderr).toBe('onemessage: unknown rule "claim/forbiden" in --rule; did you mean "claim/forbidden"? (see onemessage rules)\n');
    expect(await runCli(['check', '--rule', 'claim/forbidden: of'], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: --rule claim/forbidden: expected error, warning, info or off, found "of"; did you mean "off"?\n' });
    expect((await runCli(['check', '--rule', 'claim/forbidden'], { cwd })).stderr).toBe("onemessage: --rule expects 'RULE: SEVERITY' (e.g. 'claim/evidence: off'), found \"claim/forbidden\"\n");
  });
});

describe('--ignore-path and --ignore-pattern', () => {
  it('skip what an ignore file lists (relative to its folder) and what a pattern matches (relative to the working folder)', async () => {
    const cwd = repo({ '.contentignore': '# drafts\nsite/blog/\n*.html\n', 'support/.contentignore': 'help.md\n' });
    expect(filesIn((await runCli(['check', '--ignore-path', '.contentignore'], { cwd })).stdout)).toEqual(['site/index.md', 'support/help.md']);
    expect(filesIn((await runCli(['check', '--ignore-path', 'support/.contentignore'], { cwd })).stdout)).toEqual(['site/about.html', 'site/blog/post.md', 'site/index.md']);
    expect(filesIn((await runCli(['check', '--ignore-pattern', 'site/blog/', '--ignore-pattern', '*.html'], { cwd })).stdout)).toEqual(['site/index.md', 'support/help.md']);
    // a file named on the command line is ignored too, as ESLint does
    expect((await runCli(['check', '--ignore-pattern', 'support/', 'support/help.md'], { cwd })).stdout).toBe('✔ no problems in 0 files\n');
  });

  it('an ignore file that cannot be read is a usage error', async () => {
    expect(await runCli(['check', '--ignore-path', 'nope'], { cwd: repo() })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: --ignore-path nope: cannot read the file\n' });
  });
});

describe('--cache-location', () => {
  it('keeps the cache where it is told (a file, or a folder), turns caching on, and never reads it as content', async () => {
    const cwd = repo();
    const first = await runCli(['check', '--cache-location', 'tmp/onemessage-cache.json'], { cwd });
    expect(existsSync(path.join(cwd, 'tmp/onemessage-cache.json'))).toBe(true);
    expect(existsSync(path.join(cwd, '.onemessage-cache'))).toBe(false);
    expect(await runCli(['check', '--cache-location', 'tmp/onemessage-cache.json'], { cwd })).toEqual(first);
    await runCli(['check', '--cache-location', 'tmp/'], { cwd });
    expect(existsSync(path.join(cwd, 'tmp/.onemessage-cache'))).toBe(true);
  });
});

describe('--format ./path/to/formatter.js', () => {
  it('formats the result with a module of the reporter shape', async () => {
    const cwd = repo({
      'formatters/count.mjs': 'export default function format(result, options) {\n  return `${result.findings.length} findings in ${result.files.length} files (${options.rules.length} rules)\\n`;\n}\n',
      'formatters/object.js': 'module.exports = { format: (result) => result.findings.map((f) => f.ruleId).join(",") + "\\n" };\n',
    });
    const run = await runCli(['check', '--format', './formatters/count.mjs', '--format', 'formatters/object.js', '--output', 'out.txt'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('4 findings in 4 files (18 rules)\n');
    expect(readFileSync(path.join(cwd, 'out.txt'), 'utf8')).toBe('claim/forbidden,claim/forbidden,claim/forbidden,term/use\n');
  });

  it('a formatter that cannot be loaded, or exports none, is a usage error', async () => {
    const cwd = repo({ 'formatters/none.mjs': 'export const x = 1;\n' });
    expect((await runCli(['check', '--format', './formatters/missing.js'], { cwd })).stderr).toBe('onemessage: --format ./formatters/missing.js: cannot load the formatter (no such file)\n');
    expect((await runCli(['check', '--format', './formatters/none.mjs'], { cwd })).stderr).toBe(
      'onemessage: --format ./formatters/none.mjs: the module exports no formatter (export default function format(result, options) { return text; })\n',
    );
  });
});

describe('did you mean, and explain without a rule', () => {
  it('a mistyped command is named as one, not taken for a missing file', async () => {
    expect(await runCli(['chek'], { cwd: repo() })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'onemessage: unknown command "chek"; did you mean "check"? (commands: check, report, guide, merge, discover, matrix, init, lsp, rules, explain)\n',
    });
    // an option too (commander's hint, in our one-line voice)
    expect((await runCli(['check', '--confg', 'x'], { cwd: repo() })).stderr).toBe("onemessage: unknown option '--confg' (did you mean --config?)\n");
  });

  it('explain with no rule lists the rules and how to ask about one', async () => {
    const run = await runCli(['explain']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe("onemessage explain RULE: the rule's documentation, with an example that fires and one that does not. The rules:");
    expect(run.stdout).toMatch(/^claim\/forbidden +error/m);
    expect(run.stdout).toContain('for example: onemessage explain claim/forbidden');
  });
});

describe('file counts', () => {
  it('count every file a finding is in: an expired exception in the spec is one more', async () => {
    const spec = `${SPEC}exceptions:\n  - files: "site/**"\n    rule: claim/forbidden\n    reason: Old campaign.\n    approved-by: Legal\n    until: 2020-01-01\n`;
    const run = await runCli(['check', 'site/index.md', '--as-of', '2026-12-15'], { cwd: tempRepo({ 'onemessage.yaml': spec, 'site/index.md': BEST }) });
    expect(filesIn(run.stdout)).toEqual(['onemessage.yaml', 'site/index.md']);
    expect(run.stdout).toContain('in 2 files\n');
  });
});

describe('as a process', () => {
  it('the executable takes the new flags together, and a mistyped command exits 2', () => {
    const cwd = repo({
      'house.yaml': SPEC,
      '.contentignore': 'site/blog/\n',
      'formatters/ids.mjs': 'export default (result) => result.findings.map((f) => `${f.path}:${f.start.line}:${f.start.column} ${f.severity} ${f.ruleId}`).join("\\n") + "\\n";\n',
    });
    const argv = ['check', '-c', 'house.yaml', '--rule', 'term/use: off', '--rule', 'claim/forbidden: warning', '--ignore-path', '.contentignore', '--ignore-pattern', '*.html', '--cache-location', 'tmp/', '--format', './formatters/ids.mjs', 'site/**', 'support/*.md'];
    const run = spawnCli(argv, { cwd });
    expect(run).toEqual({ code: 0, stdout: 'site/index.md:1:12 warning claim/forbidden\n', stderr: '' });
    expect(existsSync(path.join(cwd, 'tmp/.onemessage-cache'))).toBe(true);
    expect(spawnCli(['chek', 'site'], { cwd })).toMatchObject({ code: 2, stdout: '' });
  });
});

describe('a spec file named as a path (pre-commit on a commit that only edits the spec)', () => {
  it('stands for everything the spec covers', async () => {
    const cwd = repo();
    const whole = await runCli(['check'], { cwd });
    expect(await runCli(['check', 'onemessage.yaml'], { cwd })).toEqual(whole);
    expect((await runCli(['check', '--corpus', 'onemessage.yaml'], { cwd })).stdout).toBe(whole.stdout);
  });
});
