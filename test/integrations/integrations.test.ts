/**
 * The CI and editor integrations, run the way their hosts run them: the GitHub Action's own
 * step scripts under bash with the runner's files, the pre-commit hook's entry with staged
 * files as arguments, lint-staged's absolute paths, and GitLab's Code Quality report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { knownExtensions } from '../../src/formats/index.js';
import { acmeProblemCount, acmeSummary, BIN, ROOT, runCli, spawnCli } from '../helpers/cli.js';
import { acmeCopy } from '../helpers/acme.js';

interface Step {
  id?: string;
  name: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

/** Runs one of the action's bash steps as the runner would: `bash -eo pipefail`, with its env. */
function runStep(step: Step, options: { cwd: string; env: Record<string, string> }) {
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    encoding: 'utf8',
  });
}

describe('the GitHub Action (action.yml)', () => {
  const step = (id: string) => action.runs.steps.find((s) => s.id === id)!;

  it('is a composite action whose scripts never paste an input into shell', () => {
    expect(action.runs.using).toBe('composite');
    for (const s of action.runs.steps.filter((s) => s.run)) {
      expect(s.shell).toBe('bash');
      expect(s.run).not.toContain('${{');
    }
    const referenced = [...readFileSync(path.join(ROOT, 'action.yml'), 'utf8').matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]);
    expect(referenced.filter((name) => !(name! in action.inputs))).toEqual([]);
    expect(action.runs.steps.find((s) => s.uses)?.uses).toBe('github/codeql-action/upload-sarif@v3');
  });

  it("uses the project's own onemessage when installed, else the action's bin", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'onemessage-gh-')), 'output');
    writeFileSync(out, '');
    const result = runStep(step('setup'), { cwd: acmeCopy(), env: { GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: out } });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`bin=${BIN}\n`);
  });

  it('writes SARIF and the job summary, prints stylish, and hands the exit code to the last step', () => {
    const cwd = acmeCopy();
    const runner = mkdtempSync(path.join(tmpdir(), 'onemessage-gh-'));
    const files = { GITHUB_OUTPUT: path.join(runner, 'output'), GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env = { ...files, ONEMESSAGE_BIN: BIN, ONEMESSAGE_PATHS: 'site sales support', ONEMESSAGE_SPEC: '', ONEMESSAGE_ARGS: '--as-of 2026-12-15', ONEMESSAGE_SARIF: action.inputs['sarif-file']!.default, ONEMESSAGE_ANNOTATIONS: 'true' };
    const result = runStep(step('check'), { cwd, env });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(files.GITHUB_OUTPUT, 'utf8')).toBe('exit-code=1\n');
    expect(result.stdout).toContain(`${acmeSummary()[0]}\n`);
    expect(result.stdout).toContain('::error file=site/index.md,');
    const sarif = JSON.parse(readFileSync(path.join(cwd, 'onemessage.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect([sarif.version, sarif.runs[0]!.results.length]).toEqual(['2.1.0', acmeProblemCount()]);
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(/^#+ /);

    const fail = action.runs.steps[action.runs.steps.length - 1]!;
    expect(runStep(fail, { cwd, env: { ONEMESSAGE_EXIT: '1' } }).status).toBe(1);
    expect(runStep(fail, { cwd, env: { ONEMESSAGE_EXIT: '0' } }).status).toBe(0);
    expect(runStep(fail, { cwd, env: {} }).status).toBe(2);
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const [hook] = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files: string; pass_filenames: boolean; language: string }>;

  it('selects exactly the files onemessage reads', () => {
    const files = new RegExp(hook!.files);
    for (const ext of knownExtensions()) expect(files.test(`site/page${ext}`)).toBe(true);
    for (const name of ['site/logo.png', 'onemessage.yaml', 'src/app.ts']) expect(files.test(name)).toBe(false);
  });

  it('reports only the staged files it is given, as pre-commit passes them', async () => {
    expect([hook!.id, hook!.language, hook!.pass_filenames]).toEqual(['onemessage', 'node', true]);
    const [command, ...flags] = hook!.entry.split(' ');
    expect(command).toBe('onemessage');
    const cwd = acmeCopy();
    const result = spawnCli([...flags, '--as-of', '2026-12-15', 'support/macros/returns.md', 'sales/call-script.md'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter((line) => /^\S/.test(line))).toEqual(['sales/call-script.md', 'support/macros/returns.md', '✖ 4 problems (3 errors, 1 warning) in 2 files']);
    // the whole corpus has findings in many more files, which a commit of these two must not show
    expect((await runCli(['check', '--as-of', '2026-12-15'], { cwd })).stdout).toContain(`${acmeSummary()[0]}\n`);
  });

  it('takes the absolute paths lint-staged passes', async () => {
    const cwd = acmeCopy();
    // relative paths in-process (what the other tests check), absolute ones as lint-staged runs it
    const relative = await runCli(['check', '--corpus', '--as-of', '2026-12-15', 'support/macros/returns.md'], { cwd });
    const absolute = spawnCli(['check', '--corpus', '--as-of', '2026-12-15', path.join(cwd, 'support/macros/returns.md')], { cwd });
    expect(absolute).toEqual(relative);
  });
});

describe('the GitLab CI snippet (docs/integrations/gitlab-ci.md)', () => {
  it('writes the Code Quality report the job declares as its artifact', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/integrations/gitlab-ci.md'), 'utf8');
    const job = parse(/```yaml\n([\s\S]*?)```/.exec(doc)![1]!) as Record<string, { script: string[]; artifacts: { reports: { codequality: string } } }>;
    const { script, artifacts } = job.onemessage!;
    const report = artifacts.reports.codequality;
    const command = script.find((line) => line.includes('onemessage check'))!;
    expect(command).toContain(`--format gitlab --output ${report}`);

    const cwd = acmeCopy();
    const args = command.replace(/^npx onemessage /, '').split(' ');
    const result = spawnSync(process.execPath, [BIN, ...args, '--as-of', '2026-12-15'], { cwd, encoding: 'utf8' });
    expect(result.status).toBe(1);
    const issues = JSON.parse(readFileSync(path.join(cwd, report), 'utf8')) as Array<{ check_name: string; severity: string; location: { path: string; lines: { begin: number } } }>;
    expect(issues).toHaveLength(acmeProblemCount());
    const errors = Number(/\((\d+) errors?/.exec(acmeSummary()[0]!)![1]);
    expect(issues.filter((issue) => issue.severity === 'major')).toHaveLength(errors);
  });
});
