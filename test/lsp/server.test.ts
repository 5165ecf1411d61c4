/**
 * The language server, spoken to over LSP (JSON-RPC over in-memory streams, the same messages
 * as over stdio) by a client on vscode-languageserver-protocol: what an editor shows for each
 * format is what `onemessage check` reports, changes and cross-document contradictions follow,
 * code actions fix and waive, hovers and definitions lead to the spec, the spec is checked as it
 * is typed, and a workspace with no spec or a broken one never takes the server down.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileChangeType, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterEach, describe, expect, it } from 'vitest';
import { formatPlace } from '../../src/report/text.js';
import type { RunResult } from '../../src/model/result.js';
import { acmeCopy } from '../helpers/acme.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';
import { LspClient, where } from '../helpers/lsp.js';

const AS_OF = '2026-12-15';
const clients: LspClient[] = [];

async function serve(root: string, options: Parameters<LspClient['initialize']>[0] = {}): Promise<LspClient> {
  const client = LspClient.inProcess(root);
  clients.push(client);
  await client.initialize(options);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) await client.shutdown();
});

/** `line:col-line:col code severity message` of each diagnostic, as a reader compares them. */
function lines(diagnostics: Diagnostic[]): string[] {
  const severity = ['', 'error', 'warning', 'info', 'hint'];
  return diagnostics.map((d) => `${where(d.range)} ${String(d.code)} ${severity[d.severity ?? 0]} ${d.message}`);
}

/** Applies a code action's edit to a document's text. */
function applied(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri] as TextEdit[] | undefined;
  if (!edits) throw new Error(`the action "${action.title}" edits nothing`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'x', 1, text), edits);
}

describe('diagnostics', () => {
  it('are the findings `onemessage check` reports, file by file, in every format (macro exports with positions inside JSON strings; Office and PDF files as read from disk, with their place)', async () => {
    const root = acmeCopy();
    cpSync(path.join(ROOT, 'fixtures/formats'), path.join(root, 'support/exports'), { recursive: true });
    const cli = JSON.parse((await runCli(['check', '--format', 'json', '--as-of', AS_OF], { cwd: root })).stdout) as RunResult;
    const client = await serve(root);
    await client.indexed();
    const files = [...new Set(cli.files.map((file) => file.path))];
    expect(files.some((file) => file.endsWith('.json'))).toBe(true);
    expect(new Set(files.map((file) => path.extname(file)))).toEqual(new Set(['.md', '.mdx', '.txt', '.html', '.json', '.csv', '.docx', '.pptx', '.odt', '.odp', '.pdf']));
    for (const file of files) {
      const uri = await client.open(file);
      const expected = cli.findings
        .filter((finding) => finding.path === file && !finding.suppression)
        .map((finding) =>
          // A place in an Office document or a PDF is no line of the file an editor opens: the
          // diagnostic sits at its start and names the place.
          finding.start.place
            ? `1:1-1:1 ${finding.ruleId} ${finding.severity} ${formatPlace(finding.start.place)}: ${finding.message}`
            : `${finding.start.line}:${finding.start.column}-${finding.end.line}:${finding.end.column} ${finding.ruleId} ${finding.severity} ${finding.message}`,
        );
      expect(lines(await client.diagnostics(uri)), file).toEqual(expected);
    }
  });

  it('follow a change, with the exact range of the new text', async () => {
    const root = acmeCopy();
    const client = await serve(root);
    const uri = await client.open('site/blog/gear-guide.md', 'Our packs are good.\n');
    expect(await client.diagnostics(uri, { version: 1 })).toEqual([]);
    const version = await client.change(uri, [{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 18 } }, text: 'the best in the industry' }]);
    expect(lines(await client.diagnostics(uri, { version }))).toEqual([
      '1:19-1:39 claim/forbidden error "best in the industry" is a forbidden claim (best-in-industry). Superiority claims need substantiation we do not have. Say "highly rated by our customers" instead.',
    ]);
  });

  it('count a byte order mark the editor kept in the text', async () => {
    const client = await serve(acmeCopy());
    const uri = await client.open('site/blog/gear-guide.md', '\uFEFFThe best in the industry.\nThe best in the industry.\n');
    expect((await client.diagnostics(uri)).map((d) => where(d.range))).toEqual(['1:6-1:26', '2:5-2:25']);
  });

  it('show the other side of a contradiction in a file that is not open, and follow an edit in another open document', async () => {
    const root = acmeCopy();
    const client = await serve(root);
    await client.indexed();
    const site = await client.open('site/index.md');
    const mismatch = (await client.diagnostics(site, { test: (d) => d.some((x) => x.code === 'fact/mismatch') })).find((d) => d.code === 'fact/mismatch')!;
    expect(where(mismatch.range)).toBe('16:43-16:49');
    expect(mismatch.relatedInformation!.map((info) => `${path.relative(root, new URL(info.location.uri).pathname)}:${where(info.location.range)} ${info.message}`)).toEqual([
      'sales/call-script.md:15:85-15:92 sales says "return it within 30 days"',
      'sales/scripts/outbound-call.txt:12:90-12:97 sales says "return it within 30 days"',
      'onemessage.yaml:15:12-15:12 the spec: fact return-window',
    ]);

    // The call script, opened and edited to say 45 days, is no longer the other side; it is a mismatch itself.
    const script = await client.open('sales/call-script.md');
    const text = readFileSync(path.join(root, 'sales/call-script.md'), 'utf8');
    const version = await client.change(script, text.replace('return it within 30 days', 'return it within 45 days'));
    expect((await client.diagnostics(script, { version })).filter((d) => d.code === 'fact/mismatch').map((d) => where(d.range))).toEqual(['15:85-15:92']);
    const updated = await client.diagnostics(site, { test: (d) => d.find((x) => x.code === 'fact/mismatch')?.relatedInformation?.length === 2 });
    expect(updated.find((d) => d.code === 'fact/mismatch')!.relatedInformation!.map((info) => path.basename(info.location.uri))).toEqual(['outbound-call.txt', 'onemessage.yaml']);
  });

  it('write the other side into the message for a client that shows no related information', async () => {
    const client = await serve(acmeCopy(), { capabilities: { window: { workDoneProgress: true } } });
    await client.indexed();
    const uri = await client.open('site/index.md');
    const mismatch = (await client.diagnostics(uri, { test: (d) => d.some((x) => x.code === 'fact/mismatch') })).find((d) => d.code === 'fact/mismatch')!;
    expect(mismatch.relatedInformation).toBeUndefined();
    expect(String(mismatch.message).split('\n').slice(1)).toEqual([
      '↳ sales/call-script.md:15:85 sales says "return it within 30 days"',
      '↳ sales/scripts/outbound-call.txt:12:90 sales says "return it within 30 days"',
      '↳ onemessage.yaml:15:12 the spec: fact return-window',
    ]);
  });

  it('hold back cross-document findings until the workspace is indexed, and report the indexing as progress', async () => {
    const root = acmeCopy();
    // Enough files that the index is still running when the open page is first checked.
    for (let i = 0; i < 120; i++) writeFileSync(path.join(root, `site/blog/note-${i}.md`), `Note ${i}: a walk in the hills.\n`);
    const client = await serve(root);
    const uri = await client.open('site/index.md');
    await client.indexed();
    await client.diagnostics(uri, { test: (d) => d.some((x) => x.code === 'fact/mismatch') });
    const end = client.events.findIndex((event) => 'progress' in event && event.progress.kind === 'end');
    const codes = (events: typeof client.events) => events.flatMap((event) => ('publish' in event && event.publish.uri === uri ? [event.publish.diagnostics.map((d) => d.code)] : []));
    // Judged over the open documents alone a fact's majority could be wrong: no cross-document finding before the index is in.
    for (const early of codes(client.events.slice(0, end))) expect(early).not.toContain('fact/mismatch');
    expect(codes(client.events.slice(end)).at(-1)).toContain('fact/mismatch');
    expect(client.progress[0]).toMatchObject({ kind: 'begin', title: expect.stringMatching(/^onemessage: indexing/) });
    expect(client.progress.at(-2)).toMatchObject({ kind: 'report', percentage: 100, message: '138/138 files' });
    expect(client.progress.at(-1)).toEqual({ kind: 'end' });
  });

  it('follow files that change on disk without being open', async () => {
    const root = acmeCopy();
    const client = await serve(root);
    await client.indexed();
    const uri = await client.open('site/index.md');
    await client.diagnostics(uri, { test: (d) => d.some((x) => x.code === 'fact/mismatch') });
    writeFileSync(path.join(root, 'support/new-macro.md'), 'You can return it within 30 days.\n');
    await client.filesChanged([{ uri: client.uri('support/new-macro.md'), type: FileChangeType.Created }]);
    const updated = await client.diagnostics(uri, { test: (d) => d.find((x) => x.code === 'fact/mismatch')!.relatedInformation!.some((info) => info.location.uri.endsWith('new-macro.md')) });
    expect(updated.find((d) => d.code === 'fact/mismatch')!.relatedInformation!.map((info) => info.message)).toContain('support says "return it within 30 days"');
    expect(client.registrations).toMatchObject([{ method: 'workspace/didChangeWatchedFiles' }]);
  });

  it('leave out what the walk leaves out: the spec’s ignore globs, .gitignore, an open package.json', async () => {
    const root = acmeCopy();
    writeFileSync(path.join(root, '.gitignore'), 'scratch/\n');
    const client = await serve(root);
    const legacy = await client.open('site/legacy/old-home.md');
    const scratch = await client.open('scratch/notes.md', 'The best in the industry.\n');
    const manifest = await client.open('package.json', '{"name": "acme-content"');
    const page = await client.open('site/blog/gear-guide.md', 'The best in the industry.\n');
    expect((await client.diagnostics(page)).map((d) => d.code)).toEqual(['claim/forbidden']);
    for (const uri of [legacy, scratch, manifest]) expect(await client.diagnostics(uri)).toEqual([]);
  });
});

describe('code actions', () => {
  it('apply a fix, escaped for a JSON string in a macro export, and fix the whole file at once', async () => {
    const root = acmeCopy();
    const client = await serve(root);
    const text = readFileSync(path.join(root, 'support/zendesk-macros.json'), 'utf8');
    const uri = await client.open('support/zendesk-macros.json', text);
    const diagnostics = await client.diagnostics(uri);
    const term = diagnostics.find((d) => d.code === 'term/use' && String(d.message).includes('Trail Pack'))!;
    const actions = await client.codeActions(uri, term.range, [term]);
    const fix = actions.find((action) => action.isPreferred)!;
    expect(fix).toMatchObject({ title: 'Replace "Trail Pack" with "TrailPack"', kind: 'quickfix', diagnostics: [term] });
    const fixed = applied(text, uri, fix);
    JSON.parse(fixed);
    const version = await client.change(uri, fixed);
    expect((await client.diagnostics(uri, { version })).filter((d) => d.code === 'term/use' && String(d.message).includes('Trail Pack'))).toEqual([]);

    const all = (await client.codeActions(uri, term.range, [], ['source.fixAll'])).find((action) => action.kind === 'source.fixAll.onemessage')!;
    expect(all.title).toBe('Fix all auto-fixable onemessage problems (1)');
    const everything = applied(fixed, uri, all);
    const last = await client.change(uri, everything);
    expect((await client.diagnostics(uri, { version: last })).filter((d) => d.code === 'term/use')).toEqual([]);
  });

  it('insert a directive in the format’s comment syntax with a reason placeholder, which is then reported until written', async () => {
    const root = acmeCopy();
    const client = await serve(root);
    const text = readFileSync(path.join(root, 'site/index.md'), 'utf8');
    const uri = await client.open('site/index.md', text);
    const forbidden = (await client.diagnostics(uri)).find((d) => d.code === 'claim/forbidden')!;
    const disable = (await client.codeActions(uri, forbidden.range, [forbidden])).find((action) => action.title.startsWith('Disable'))!;
    expect(disable.title).toBe('Disable claim/forbidden on this line (inline directive; write the reason)');
    const edited = applied(text, uri, disable);
    expect(edited.split('\n')[8]).toBe('customers call us the best in <!-- onemessage-disable-line claim/forbidden:best-in-industry -- <reason> -->');
    const version = await client.change(uri, edited);
    const after = await client.diagnostics(uri, { version });
    expect(after.map((d) => d.code)).not.toContain('claim/forbidden');
    expect(lines(after.filter((d) => d.code === 'directive/reason'))).toEqual([
      '9:31-9:108 directive/reason error This onemessage-disable-line directive\'s reason is still the placeholder "<reason>"; replace it with why (e.g. "approved by legal, LEGAL-112").',
    ]);
  });

  it('say why a macro export cannot take a directive, rather than write one into its JSON', async () => {
    const client = await serve(acmeCopy());
    const uri = await client.open('support/zendesk-macros.json');
    const finding = (await client.diagnostics(uri)).find((d) => d.code === 'claim/forbidden')!;
    const disable = (await client.codeActions(uri, finding.range, [finding])).find((action) => action.title.startsWith('Disable'))!;
    expect(disable).toMatchObject({ disabled: { reason: "a zendesk file cannot hold a comment: waive this finding with an entry in the spec's exceptions" } });
    expect(disable.edit).toBeUndefined();
  });
});

describe('hover and definition', () => {
  it('show the finding with its spec item as written, and lead to the item in the spec', async () => {
    const root = acmeCopy();
    const client = await serve(root);
    const uri = await client.open('site/index.md');
    const forbidden = (await client.diagnostics(uri)).find((d) => d.code === 'claim/forbidden')!;
    const hover = await client.hover(uri, forbidden.range.start);
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('**claim/forbidden** (error)');
    expect(value).toContain('```yaml\n- id: best-in-industry\n  says: ["best in the industry", "#1 rated", "number one"]\n  status: forbidden\n  message: Superiority claims need substantiation we do not have.\n  suggest: highly rated by our customers\n```');
    expect(value).toContain('Suggestion: "highly rated by our customers"');
    expect(await client.hover(uri, { line: 0, character: 0 })).toBeNull();

    const [definition] = await client.definition(uri, forbidden.range.start);
    expect(definition).toEqual({ uri: client.uri('onemessage.yaml'), range: { start: { line: 27, character: 4 }, end: { line: 27, character: 4 } } });
    expect(readFileSync(path.join(root, 'onemessage.yaml'), 'utf8').split('\n')[27]!.slice(4)).toBe('id: best-in-industry');
  });
});

describe('the spec', () => {
  it('is checked as it is typed: a broken spec gives diagnostics on the spec and keeps the server up; a fixed one re-checks open documents', async () => {
    const root = acmeCopy();
    const client = await serve(root, { initializationOptions: { asOf: AS_OF, indexDelayMs: 0 } });
    const page = await client.open('site/blog/gear-guide.md', 'The best in the industry.\n');
    await client.diagnostics(page, { test: (d) => d.some((x) => x.code === 'claim/forbidden') });
    const specText = readFileSync(path.join(root, 'onemessage.yaml'), 'utf8');
    const spec = await client.open('onemessage.yaml', specText, 'yaml');

    const broken = specText.replace('    status: forbidden\n    message: Superiority', '    status: forbiden\n    message: Superiority').replace('claims:', 'clams:');
    await client.change(spec, broken);
    const problems = await client.diagnostics(spec, { test: (d) => d.length > 0 });
    expect(lines(problems)).toEqual(['27:1-27:6 spec error unknown key "clams" in the spec; did you mean "claims"?']);
    // The server is still there and still answers about the document, from the last spec that loaded.
    expect((await client.hover(page, { line: 0, character: 5 }))).not.toBeNull();

    await client.change(spec, specText.replace('    status: forbidden\n    message: Superiority', '    status: allowed\n    message: Superiority'));
    // Loaded: the error is gone, a warning (legal but suspicious) takes its place, and the page is checked against the new spec.
    const warnings = await client.diagnostics(spec, { test: (d) => d.every((x) => x.severity === 2) });
    expect(lines(warnings)).toEqual(['28:5-28:25 spec warning claim "best-in-industry" is allowed everywhere, always, with no requires: nothing will ever be reported about it']);
    expect(await client.diagnostics(page, { test: (d) => d.length === 0 })).toEqual([]);
  });

  it('says once that a document has no spec, and checks nothing there', async () => {
    const root = tempRepo({ 'site/a.md': 'The best in the industry.\n', 'site/b.md': 'x\n' });
    const client = await serve(root);
    await client.open('site/a.md');
    await client.open('site/b.md');
    await client.waitFor(() => (client.messages.length > 0 ? true : undefined), 'a window message');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.messages).toEqual([{ type: 3, message: `onemessage: no onemessage.yaml in ${path.join(root, 'site')} or any folder above it, so nothing there is checked. Create one with "npx onemessage init".` }]);
    expect(client.published).toEqual([]);
  });

  it('a spec that does not load at start: its problems on the spec, one window message, no crash', async () => {
    const root = tempRepo({ 'onemessage.yaml': 'version: 1\nclams: []\n', 'site/a.md': 'Hello.\n' });
    const client = await serve(root);
    await client.open('site/a.md');
    const problems = await client.diagnostics(client.uri('onemessage.yaml'));
    expect(lines(problems)).toEqual(['2:1-2:10 spec error unknown key "clams" in the spec; did you mean "claims"?']);
    expect(client.messages.map((message) => message.message)).toEqual(['onemessage: onemessage.yaml has 1 error; the documents it governs are checked once it loads (see the problems on the spec).']);
  });

  it('is looked up per file: a folder with its own spec is checked against it, not against the one above', async () => {
    const root = acmeCopy();
    mkdirSync(path.join(root, 'partners'));
    writeFileSync(path.join(root, 'partners/onemessage.yaml'), 'version: 1\nclaims:\n  - id: fastest\n    says: ["fastest"]\n    status: forbidden\n');
    const client = await serve(root);
    // said of the offer ("we are"): this spec names no product, and the claim judgement reads a bare superlative as a claim only then
    const partner = await client.open('partners/page.md', 'We are the fastest, the best in the industry.\n');
    expect(lines(await client.diagnostics(partner))).toEqual(['1:12-1:19 claim/forbidden error "fastest" is a forbidden claim (fastest).']);
  });

  it('names a bad setting in a window message and uses the default', async () => {
    const client = await serve(acmeCopy(), { initializationOptions: { asOf: 'tomorrow', delayMs: -1 } });
    await client.waitFor(() => (client.messages.length >= 2 ? true : undefined), 'two warnings');
    expect(client.messages.map((message) => message.message)).toEqual([
      'onemessage: delayMs should be a number of milliseconds from 0 to 60000, found -1; using 100',
      'onemessage: asOf should be a date as YYYY-MM-DD, found "tomorrow"; using today',
    ]);
  });
});

describe('closing a document', () => {
  it('clears its diagnostics and lets its file on disk count again', async () => {
    const root = acmeCopy();
    const client = await serve(root);
    await client.indexed();
    const site = await client.open('site/index.md');
    await client.diagnostics(site, { test: (d) => d.some((x) => x.code === 'fact/mismatch') });
    const script = await client.open('sales/call-script.md', 'Rep: nothing about returns.\n');
    await client.diagnostics(site, { test: (d) => d.find((x) => x.code === 'fact/mismatch')?.relatedInformation?.length === 2 });
    await client.close(script);
    await client.diagnostics(site, { test: (d) => d.find((x) => x.code === 'fact/mismatch')?.relatedInformation?.length === 3 });
    expect(client.published.filter((entry) => entry.uri === script).at(-1)!.diagnostics).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  });
});
