/**
 * The CI and editor integrations, run the way their hosts run them: the GitHub Action's own
 * step scripts under bash with the runner's files, the pre-commit hook's entry with staged
 * files as arguments, lint-staged's absolute paths, and GitLab's Code Quality report.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { knownExtensions } from '../../src/formats/index.js';
import { SPEC_FILE_NAMES } from '../../src/spec/find.js';
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

  it('is a composite action that installs nothing, whose scripts never paste an input into shell', () => {
    expect(action.runs.using).toBe('composite');
    for (const s of action.runs.steps.filter((s) => s.run)) {
      expect(s.shell).toBe('bash');
      expect(s.run).not.toContain('${{');
      expect(s.run).not.toMatch(/npm|npx|tsc/);
    }
    const referenced = [...readFileSync(path.join(ROOT, 'action.yml'), 'utf8').matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]);
    expect(referenced.filter((name) => !(name! in action.inputs))).toEqual([]);
    expect(step('check').run).toBe('node "$GITHUB_ACTION_PATH/action/index.js" || true');
    // the current major of the upload action
    expect(action.runs.steps.find((s) => s.uses)?.uses).toBe('github/codeql-action/upload-sarif@v4');
  });

  it("the check step, as the runner runs it, writes SARIF, the job summary and annotations, and hands the exit code to the last step", () => {
    const cwd = acmeCopy();
    const runner = mkdtempSync(path.join(tmpdir(), 'onemessage-gh-'));
    const files = { GITHUB_OUTPUT: path.join(runner, 'output'), GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    // what the step's env: block gives, with the inputs' values and the runner's own variables
    const env = { ...files, GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: cwd, INPUT_PATHS: 'site sales support', INPUT_SPEC: '', INPUT_ARGS: '--as-of 2026-12-15', INPUT_SARIF_FILE: action.inputs['sarif-file']!.default, INPUT_ANNOTATIONS: 'true', INPUT_WORKING_DIRECTORY: '.' };
    const result = runStep(step('check'), { cwd, env });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(files.GITHUB_OUTPUT, 'utf8')).toBe('exit-code=1\nsarif-file=onemessage.sarif\n');
    expect(result.stdout).toContain(`${acmeSummary()[0]}\n`);
    expect(result.stdout).toContain('::error file=site/index.md,');
    const sarif = JSON.parse(readFileSync(path.join(cwd, 'onemessage.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect([sarif.version, sarif.runs[0]!.results.length]).toEqual(['2.1.0', acmeProblemCount()]);
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(/^#+ /);

    const fail = action.runs.steps[action.runs.steps.length - 1]!;
    expect(runStep(fail, { cwd, env: { ONEMESSAGE_EXIT: '1' } }).status).toBe(1);
    expect(runStep(fail, { cwd, env: { ONEMESSAGE_EXIT: '0' } }).status).toBe(0);
    const none = runStep(fail, { cwd, env: {} });
    expect([none.status, none.stdout]).toEqual([2, '::error::onemessage did not run: the runner needs Node.js 20.19 or later on its PATH (actions/setup-node)\n']);
  });
});

describe("the action's bundled entry (action/index.js)", () => {
  /**
   * The action as a runner checks it out: the repository's files without node_modules (the bundle
   * reads package.json, rules/packs and the schema beside it), outside this repository so that
   * no node_modules up the tree can stand in for what the bundle lacks.
   */
  const bundleAlone = (): string => {
    const checkout = mkdtempSync(path.join(tmpdir(), 'onemessage-action-'));
    for (const part of ['action', 'rules', 'schema']) cpSync(path.join(ROOT, part), path.join(checkout, part), { recursive: true });
    copyFileSync(path.join(ROOT, 'package.json'), path.join(checkout, 'package.json'));
    return path.join(checkout, 'action/index.js');
  };

  it('runs under node with the environment GitHub provides: INPUT_*, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY', () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'onemessage-ws-'));
    cpSync(path.join(ROOT, 'fixtures/acme'), path.join(workspace, 'content'), { recursive: true });
    const runner = mkdtempSync(path.join(tmpdir(), 'onemessage-gh-'));
    const files = { GITHUB_OUTPUT: path.join(runner, 'output'), GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    // A JavaScript action's inputs, named as the runner names them (hyphens kept), run from the workspace root.
    const env = {
      PATH: process.env.PATH ?? '',
      ...files,
      GITHUB_WORKSPACE: workspace,
      'INPUT_WORKING-DIRECTORY': 'content',
      INPUT_ARGS: '--as-of 2026-12-15',
      'INPUT_SARIF-FILE': 'reports/onemessage.sarif',
      INPUT_ANNOTATIONS: 'true',
      INPUT_PATHS: '',
      INPUT_SPEC: '',
    };
    const result = spawnSync(process.execPath, [bundleAlone()], { cwd: workspace, env, encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([1, '']);
    expect(readFileSync(files.GITHUB_OUTPUT, 'utf8')).toBe('exit-code=1\nsarif-file=reports/onemessage.sarif\n');
    // the stylish report, then one annotation per finding
    expect(result.stdout).toContain(`${acmeSummary()[0]}\n`);
    const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(acmeProblemCount());
    expect(annotations[0]).toMatch(/^::(error|warning) file=sales\/battle-card\.docx,line=\d+,col=\d+,/);
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'content/reports/onemessage.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect([sarif.version, sarif.runs[0]!.results.length]).toEqual(['2.1.0', acmeProblemCount()]);
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(/^## .*onemessage/);
  });

  it('reads PDFs too: pdf.js\'s parser is in the bundle, not in a file beside it', () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'onemessage-ws-'));
    cpSync(path.join(ROOT, 'fixtures/acme/onemessage.yaml'), path.join(workspace, 'onemessage.yaml'));
    cpSync(path.join(ROOT, 'fixtures/formats/office/one-pager.pdf'), path.join(workspace, 'sales/one-pager.pdf'));
    const env = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: workspace, INPUT_PATHS: 'sales', INPUT_ARGS: '--as-of 2026-12-15 --format json', 'INPUT_SARIF-FILE': 'onemessage.sarif' };
    const result = spawnSync(process.execPath, [bundleAlone()], { cwd: workspace, env, encoding: 'utf8' });
    const json = JSON.parse(result.stdout.slice(result.stdout.indexOf('\n{') + 1)) as { files: Array<{ path: string; format: string; documents: number }>; findings: Array<{ ruleId: string }> };
    expect(json.files).toMatchObject([{ path: 'sales/one-pager.pdf', format: 'pdf' }]);
    expect(json.findings.filter((finding) => finding.ruleId === 'file/unreadable')).toEqual([]);
  });

  it('is the build of the current sources (npm run build:action regenerates it byte for byte)', async () => {
    const { bundleAction } = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-action.mjs')).href)) as { bundleAction(): Promise<string> };
    const fresh = await bundleAction();
    const committed = readFileSync(path.join(ROOT, 'action/index.js'), 'utf8');
    expect(committed === fresh, 'action/index.js is stale: run npm run build:action and commit it').toBe(true);
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const [hook] = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files: string; pass_filenames: boolean; language: string }>;

  it('selects exactly the files onemessage reads, and the spec', () => {
    const files = new RegExp(hook!.files);
    for (const ext of knownExtensions()) expect(files.test(`site/page${ext}`)).toBe(true);
    for (const name of SPEC_FILE_NAMES) expect([name, `brands/alpine/${name}`].map((file) => files.test(file))).toEqual([true, true]);
    for (const name of ['site/logo.png', 'config.yaml', 'my-onemessage.yaml', 'src/app.ts', '.github/workflows/ci.yml']) expect(files.test(name)).toBe(false);
  });

  it('on a commit that changes only the spec, checks everything the spec covers', () => {
    const [command, ...flags] = hook!.entry.split(' ');
    expect(command).toBe('onemessage');
    const result = spawnCli([...flags, '--as-of', '2026-12-15', 'onemessage.yaml'], { cwd: acmeCopy() });
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n').slice(-2)).toEqual(acmeSummary());
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
