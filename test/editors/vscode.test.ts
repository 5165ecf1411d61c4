/**
 * The VS Code extension's own code: it finds the server the workspace installed (or the one its
 * setting names), says what is wrong when there is none, and its entry point is valid JavaScript.
 * (Starting VS Code is not a unit test; `npm run package:vscode` builds the .vsix.)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const require = createRequire(import.meta.url);
const { resolveServer } = require(path.join(ROOT, 'editors/vscode/server-path.js')) as {
  resolveServer(options: { setting?: string; folders: string[] }): { bin: string } | { problem: string };
};

function installed(root: string): string {
  const pkg = path.join(root, 'node_modules', 'onemessage');
  mkdirSync(path.join(pkg, 'bin'), { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'onemessage', exports: { './package.json': './package.json' } }));
  writeFileSync(path.join(pkg, 'bin', 'onemessage.js'), '');
  return path.join(pkg, 'bin', 'onemessage.js');
}

describe('the VS Code extension', () => {
  it('starts the onemessage the workspace installed, found from a folder below it too', () => {
    const root = tempRepo({ 'content/site/index.md': 'x' });
    const bin = installed(root);
    expect(resolveServer({ folders: [root] })).toEqual({ bin });
    expect(resolveServer({ folders: [path.join(root, 'content')] })).toEqual({ bin });
  });

  it('takes onemessage.path as the package folder or its script, relative to the workspace', () => {
    const root = tempRepo({});
    const bin = installed(root);
    expect(resolveServer({ setting: 'node_modules/onemessage', folders: [root] })).toEqual({ bin });
    expect(resolveServer({ setting: bin, folders: [] })).toEqual({ bin });
    expect(resolveServer({ setting: 'nowhere', folders: [root] })).toEqual({ problem: 'onemessage.path is "nowhere", which is neither the onemessage package nor its bin/onemessage.js.' });
  });

  it('says how to install onemessage when the workspace has none', () => {
    expect(resolveServer({ folders: [tempRepo({})] })).toEqual({ problem: 'onemessage is not installed in this workspace: run "npm install --save-dev onemessage", or set onemessage.path.' });
  });

  it('has an entry point that parses, and a manifest that names it and the language client it bundles', () => {
    new Script(readFileSync(path.join(ROOT, 'editors/vscode/extension.js'), 'utf8'));
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'editors/vscode/package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest.main).toBe('./extension.js');
    expect(manifest.dependencies).toEqual({ 'vscode-languageclient': '11.0.0' });
    expect(manifest.devDependencies).toEqual({ '@vscode/vsce': '3.9.1' });
  });
});
