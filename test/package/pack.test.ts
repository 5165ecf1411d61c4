/**
 * The package as a new user gets it: `npm pack` holds only what a user needs, and the tarball,
 * installed into an empty project, checks a copy of the acme fixture exactly as the repo does,
 * and works as a library: `import('onemessage')` lints a string, and its types compile.
 * Needs the build (`npm test` runs it first) and the npm registry or its cache.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acmeSummary, ROOT } from '../helpers/cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** What a user needs, by path prefix; anything else in the tarball is a mistake. */
const ALLOWED = ['bin/', 'dist/src/', 'dist/rules/', 'rules/packs/', 'schema/', 'docs/', 'package.json', 'README.md', 'LICENSE'];

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

describe('the npm package', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'onemessage-pack-'));
  const project = path.join(work, 'project');
  let packed: PackResult;

  beforeAll(() => {
    // The build is npm test's first step; packing must not rebuild behind the suite's back.
    const json = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    packed = (JSON.parse(json) as PackResult[])[0]!;
    cpSync(path.join(ROOT, 'fixtures/acme'), path.join(project, 'fixtures/acme'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{ "name": "acme-content", "private": true, "type": "module" }\n');
    const install = spawnSync(npm, ['install', path.join(work, packed.filename), '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
  }, 300_000);

  it('holds the bin, the built code, packs, schema, docs and licence, and nothing else', () => {
    const files = packed.files.map((file) => file.path).sort();
    expect(files.filter((file) => !ALLOWED.some((prefix) => file === prefix || file.startsWith(prefix)))).toEqual([]);
    expect(files.filter((file) => /\.test\.|\.map$|tsbuildinfo|(^|\/)test\/|fixtures\//.test(file))).toEqual([]);
    for (const needed of ['bin/onemessage.js', 'dist/src/cli/main.js', 'dist/rules/index.js', 'schema/onemessage.schema.json', 'docs/getting-started.md', 'docs/rules.md', 'LICENSE']) {
      expect(files).toContain(needed);
    }
    const packs = existsSync(path.join(ROOT, 'rules/packs')) ? readdirSync(path.join(ROOT, 'rules/packs')).filter((name) => name.endsWith('.yaml')) : [];
    for (const pack of packs) expect(files).toContain(`rules/packs/${pack}`);
    // every built module of src/ and rules/ ships, so no import can dangle
    const built = (dir: string): string[] => readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
      .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    expect(built('dist/src').concat(built('dist/rules')).filter((file) => !files.includes(file))).toEqual([]);
  });

  it('says which Node versions it runs on', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; license: string; bin: Record<string, string> };
    expect(manifest.engines.node).toBe('>=20.19');
    expect(manifest.license).toBe('MIT');
    expect(manifest.bin).toEqual({ onemessage: 'bin/onemessage.js' });
  });

  it('installs into an empty project and checks a copy of acme as the repo does', () => {
    const env = { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' };
    // npx as a user types it, once; then the bin link npm installed, which is what npx runs
    // (each npx start costs about half a second more)
    const npxRun = (args: string[], cwd = project) => spawnSync(npx, ['--no-install', 'onemessage', ...args], { cwd, encoding: 'utf8', env });
    const run = (args: string[], cwd = project) => spawnSync(path.join(project, 'node_modules/.bin/onemessage'), args, { cwd, encoding: 'utf8', env });
    const fromRoot = npxRun(['check', 'fixtures/acme', '--as-of', '2026-12-15']);
    expect(fromRoot.status).toBe(1);
    expect(fromRoot.stdout).toBe(readFileSync(path.join(ROOT, 'test/cli/acme.expected.txt'), 'utf8'));

    // as a user in the content folder: the spec is found from the working folder
    const inFolder = run(['check', '--as-of', '2026-12-15'], path.join(project, 'fixtures/acme'));
    expect(inFolder.status).toBe(1);
    expect(inFolder.stdout.trimEnd().split('\n').slice(-2)).toEqual(acmeSummary());

    // init's editor-schema comment points at the schema the package installed
    const site = path.join(project, 'site');
    cpSync(path.join(ROOT, 'fixtures/acme/site'), site, { recursive: true });
    expect(run(['init'], project).status).toBe(0);
    const schemaRef = /\$schema=(\S+)/.exec(readFileSync(path.join(project, 'onemessage.yaml'), 'utf8'))![1]!;
    expect(existsSync(path.join(project, schemaRef))).toBe(true);
    expect(run(['check', 'site'], project).status).toBe(0);
  }, 300_000);

  it('is a library: import("onemessage") lints a string and returns findings', () => {
    writeFileSync(
      path.join(project, 'lint.mjs'),
      [
        "const { createSession } = await import('onemessage');",
        "const session = createSession({ specText: 'version: 1\\nfacts:\\n  return-window:\\n    value: 30 days\\n    says: [\"{value} return\"]\\n', asOf: '2026-11-30' });",
        "const { findings } = await session.lintText('site/returns.md', 'Enjoy fifteen-day returns.\\n');",
        'console.log(JSON.stringify(findings.map((f) => [f.ruleId, f.start.line, f.start.column, f.message])));',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, ['lint.mjs'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([['fact/mismatch', 1, 7, '"fifteen-day returns" states return-window as fifteen-day, but the spec says 30 days.']]);
  }, 120_000);

  it('exports onemessage/testing, the RuleTester for plugin authors', () => {
    writeFileSync(
      path.join(project, 'tester.mjs'),
      [
        "const { RuleTester } = await import('onemessage/testing');",
        "const rule = { kind: 'document', meta: { id: 'house/hello', description: 'd', defaultSeverity: 'error', fixable: false, reportsWithoutMatches: true, messages: { hi: 'Hi.' },",
        "  docs: { details: '', bad: { spec: '', text: 'hello\\n' }, good: { spec: '', text: 'bye\\n' } } },",
        "  check({ doc, report, sourceRange }) { for (const block of doc.blocks) { const i = block.text.indexOf('hello'); if (i >= 0) report({ messageId: 'hi', ...sourceRange(block, i, i + 5) }); } } };",
        "await new RuleTester().verify(rule, { valid: ['bye\\n'], invalid: [{ text: 'say hello\\n', errors: [{ line: 1, column: 5, endColumn: 10 }] }] });",
        "console.log('ok');",
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, ['tester.mjs'], { cwd: project, encoding: 'utf8' });
    expect([run.stderr, run.stdout]).toEqual(['', 'ok\n']);
  });

  it('ships types: a TypeScript file using them compiles', () => {
    writeFileSync(
      path.join(project, 'lint.ts'),
      [
        "import { createSession, type Finding, type RunResult, type Session } from 'onemessage';",
        "const session: Session = createSession({ specPath: 'fixtures/acme/onemessage.yaml' });",
        "const findings: Promise<Finding[]> = session.lintText('page.md', 'text').then((report) => report.findings);",
        'const result: RunResult = session.finish();',
        "const text: string = session.report(result, 'json');",
        'export { findings, text };',
      ].join('\n'),
    );
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'false', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules/@types'), 'lint.ts'];
    // One compile of two files: the good one compiles clean, and a type error in the other is caught, so the check proves something.
    writeFileSync(path.join(project, 'wrong.ts'), "import { createSession } from 'onemessage';\nconst n: number = createSession({ specPath: 'x' }).asOf;\nexport { n };\n");
    const compiled = spawnSync(process.execPath, [tsc, ...args, 'wrong.ts'], { cwd: project, encoding: 'utf8' });
    expect(compiled.stdout.trim().split('\n').map((line) => line.replace(/:.*/, ''))).toEqual(['wrong.ts(2,7)']);
    expect(compiled.stdout).toMatch(/wrong\.ts\(2,7\): error TS2322/);
  }, 300_000);
});
