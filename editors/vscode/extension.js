// @ts-check
/**
 * The VS Code side of onemessage: starts `onemessage lsp` from the workspace's installed
 * onemessage (a language client over stdio) and passes the settings on. Everything the editor
 * shows comes from the server; this file only starts, restarts and stops it.
 */
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { resolveServer } = require('./server-path');

/** Files the server reads: every format onemessage reads, and specs (YAML) as they are typed. */
const DOCUMENTS = [
  { scheme: 'file', pattern: '**/*.{md,markdown,mdx,txt,html,htm,json,csv}' },
  { scheme: 'file', pattern: '**/*.{yaml,yml}' },
];

/** @type {LanguageClient | undefined} */
let client;

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('onemessage.restart', async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('onemessage')) return;
      await stop();
      await start();
    }),
  );
  await start();
}

async function start() {
  const settings = vscode.workspace.getConfiguration('onemessage');
  if (!settings.get('enable', true)) return;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
  const found = resolveServer({ setting: settings.get('path', ''), folders });
  if ('problem' in found) {
    void vscode.window.showWarningMessage(found.problem);
    return;
  }
  const runtime = settings.get('runtime', '').trim();
  const server = { module: found.bin, args: ['lsp'], transport: TransportKind.stdio, ...(runtime ? { runtime } : {}), options: { cwd: folders[0] } };
  const asOf = settings.get('asOf', '').trim();
  const cache = settings.get('cache', 'auto');
  client = new LanguageClient('onemessage', 'onemessage', { run: server, debug: server }, {
    documentSelector: DOCUMENTS,
    initializationOptions: {
      delayMs: settings.get('checkDelay', 100),
      ...(asOf ? { asOf } : {}),
      ...(cache === 'auto' ? {} : { cache: cache === 'on' }),
    },
  });
  await client.start();
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
