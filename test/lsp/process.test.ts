/**
 * `onemessage lsp --stdio` as an editor starts it: one real process, spoken to over its standard
 * input and output by a client on vscode-languageserver-protocol. The steps share the process, in
 * order: open and change a document, a contradiction with a file that is not open, a code action
 * that fixes, a broken spec that gives spec diagnostics and leaves the server answering, and a
 * clean exit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeCopy } from '../helpers/acme.js';
import { LspClient, where } from '../helpers/lsp.js';

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${where(d.range)} ${String(d.code)}`);

describe('onemessage lsp --stdio, a real process', () => {
  let root: string;
  let client: LspClient;
  let page: string;

  beforeAll(async () => {
    root = acmeCopy();
    client = LspClient.spawn(root);
    const result = (await client.initialize({ initializationOptions: { asOf: '2026-12-15', indexDelayMs: 0 } })) as { serverInfo: { name: string } };
    expect(result.serverInfo.name).toBe('onemessage');
  });

  afterAll(async () => {
    if (client.child!.exitCode === null) await client.shutdown();
  });

  it('publishes diagnostics with exact ranges for an opened document', async () => {
    page = await client.open('site/blog/gear-guide.md', '# Packs\n\nThe Trail Pack is the best in the industry.\n', 'markdown');
    expect(summary(await client.diagnostics(page, { version: 1 }))).toEqual(['3:5-3:15 term/use', '3:23-3:43 claim/forbidden']);
  });

  it('publishes updated diagnostics after a change', async () => {
    const version = await client.change(page, [{ range: { start: { line: 2, character: 23 }, end: { line: 2, character: 43 } }, text: 'pack we make' }]);
    expect(summary(await client.diagnostics(page, { version }))).toEqual(['3:5-3:15 term/use']);
  });

  it('shows a contradicting file that is not open in related information', async () => {
    await client.indexed();
    const uri = await client.open('site/index.md', undefined, 'markdown');
    const diagnostics = await client.diagnostics(uri, { test: (d) => d.some((x) => x.code === 'fact/mismatch') });
    const mismatch = diagnostics.find((d) => d.code === 'fact/mismatch')!;
    expect(where(mismatch.range)).toBe('16:43-16:49');
    expect(mismatch.relatedInformation![0]).toEqual({
      location: { uri: client.uri('sales/call-script.md'), range: { start: { line: 14, character: 84 }, end: { line: 14, character: 91 } } },
      message: 'sales says "return it within 30 days"',
    });
  });

  it('fixes through a code action', async () => {
    const diagnostics = await client.diagnostics(page);
    const term = diagnostics.find((d) => d.code === 'term/use')!;
    const fix = (await client.codeActions(page, term.range, [term])).find((action) => action.isPreferred)!;
    expect(fix.title).toBe('Replace "Trail Pack" with "TrailPack"');
    const before = '# Packs\n\nThe Trail Pack is the pack we make.\n';
    const after = TextDocument.applyEdits(TextDocument.create(page, 'markdown', 1, before), fix.edit!.changes![page] as TextEdit[]);
    expect(after).toBe('# Packs\n\nThe TrailPack is the pack we make.\n');
    const version = await client.change(page, after);
    expect(await client.diagnostics(page, { version })).toEqual([]);
  });

  it('gives a broken spec diagnostics on the spec and goes on answering', async () => {
    const specText = readFileSync(path.join(root, 'onemessage.yaml'), 'utf8');
    const spec = await client.open('onemessage.yaml', specText, 'yaml');
    await client.change(spec, specText.replace('version: 1', 'version: 7'));
    const problems = await client.diagnostics(spec, { test: (d) => d.length > 0 });
    expect(problems.map((d) => `${where(d.range)} ${d.message}`)).toEqual(['3:10-3:11 expected version: 1 (the only spec version), found a number (7)']);
    const version = await client.change(page, 'The best in the industry.\n');
    expect(summary(await client.diagnostics(page, { version }))).toEqual(['1:5-1:25 claim/forbidden']);
    expect(client.child!.exitCode).toBeNull();
  });

  it('exits with code 0 after shutdown and exit', async () => {
    await client.shutdown();
    expect(client.child!.exitCode).toBe(0);
    expect(client.stderr()).toBe('');
  });
});
