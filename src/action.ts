/**
 * The GitHub Action's entry, bundled into one committed file (action/index.js) as JavaScript
 * actions are: it reads the action's inputs from INPUT_* as the runner passes them, runs
 * `onemessage check` in-process (the stylish report in the log, SARIF for code scanning, the
 * markdown job summary, annotations on request) and writes its outputs to GITHUB_OUTPUT. It needs
 * no install: everything but the schema and the packs, which it reads from the action's checkout,
 * is in the bundle.
 */
import { existsSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
// @ts-expect-error: pdf.js ships no types for its worker module
import * as pdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { run } from './cli/main.js';
import type { Io } from './cli/io.js';

// pdf.js runs its parser in a "fake worker" under Node, imported from a file beside pdf.mjs; in
// a one-file bundle there is none, and pdf.js takes the handler from here instead.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfWorker;

type Env = Record<string, string | undefined>;

/** An input as the runner passes it: INPUT_ and the name in upper case, spaces as underscores (hyphens kept). */
export function getInput(env: Env, name: string): string {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  return (env[key] ?? env[key.replace(/-/g, '_')] ?? '').trim();
}

/** The `onemessage check` command line the inputs ask for. */
export function actionArgv(env: Env): string[] {
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const sarif = getInput(env, 'sarif-file') || 'onemessage.sarif';
  const argv = ['check', '--format', 'stylish', '--format', 'sarif', '--output', sarif];
  if (env.GITHUB_STEP_SUMMARY) argv.push('--format', 'markdown', '--output', env.GITHUB_STEP_SUMMARY);
  if (getInput(env, 'annotations') === 'true') argv.push('--format', 'github');
  const spec = getInput(env, 'spec');
  if (spec) argv.push('--spec', spec);
  argv.push(...words(getInput(env, 'args')), ...words(getInput(env, 'paths')));
  // Worker threads need a second entry file; one thread keeps the action one file (given last, it wins).
  argv.push('--threads', '0');
  return argv;
}

/** Runs the check as the inputs say, in the working directory; returns onemessage's exit code. */
export async function runAction(options: { env: Env; io?: Partial<Io> } = { env: process.env }): Promise<number> {
  const { env } = options;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const cwd = path.resolve(workspace, getInput(env, 'working-directory') || '.');
  const argv = actionArgv(env);
  const io: Io = {
    cwd,
    env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    readStdin: async () => '',
    ...options.io,
  };
  const code = await (await cliFor(cwd))(argv, io);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `exit-code=${code}\nsarif-file=${getInput(env, 'sarif-file') || 'onemessage.sarif'}\n`);
  return code;
}

/** The project's own onemessage when it installed one (the version its lockfile pins), else this bundle's. */
async function cliFor(cwd: string): Promise<typeof run> {
  const own = path.join(cwd, 'node_modules/onemessage/dist/src/cli/main.js');
  if (!existsSync(own)) return run;
  const module = (await import(pathToFileURL(own).href)) as { run?: typeof run };
  return module.run ?? run;
}

/** Node 20.19 loads ES-module plugins synchronously; older runners' Node cannot run onemessage. */
function nodeIsRecentEnough(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > 20 || (major === 20 && minor >= 19);
}

// Run only as the action's entry, not when a test imports this module.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!nodeIsRecentEnough(process.version)) {
    process.stdout.write(`::error::onemessage needs Node.js 20.19 or later on the runner (found ${process.version}); add actions/setup-node with node-version: 20 before it\n`);
    process.exitCode = 2;
  } else {
    process.exitCode = await runAction({ env: process.env });
  }
}
