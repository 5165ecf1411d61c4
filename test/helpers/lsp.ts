/**
 * An LSP client for the tests, on vscode-languageserver-protocol: it speaks to the server either
 * as a real process over stdio (`onemessage lsp --stdio`) or in this process over a pair of
 * in-memory streams (the same server code, the same JSON-RPC messages, without a process start
 * per case). It records what the server publishes and says, and waits for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type Location,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../src/lsp/server.js';
import { ROOT } from './cli.js';

/** What a client such as VS Code says it can do. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    codeAction: { disabledSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  window: { workDoneProgress: true },
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
};

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly progress: Progress[] = [];
  readonly registrations: unknown[] = [];
  /** publishes and progress in the order they arrived */
  readonly events: Array<{ publish: PublishDiagnosticsParams } | { progress: Progress }> = [];
  private readonly versions = new Map<string, number>();
  private waiters: Array<() => void> = [];

  private constructor(
    readonly connection: ProtocolConnection,
    readonly root: string,
    private readonly stop: () => Promise<void>,
    readonly child?: ChildProcess,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.record(() => this.published.push(params) && this.events.push({ publish: params })));
    connection.onNotification(ShowMessageNotification.type, (params) => this.record(() => this.messages.push(params)));
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onProgress(WorkDoneProgress.type, 'ignored', () => undefined);
    connection.onNotification('$/progress', (params: { value: Progress }) => this.record(() => this.progress.push(params.value) && this.events.push({ progress: params.value })));
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.listen();
  }

  /** The server in this process, over in-memory streams. */
  static inProcess(root: string): LspClient {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = startServer({ input: toServer, output: toClient });
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    return new LspClient(connection, root, async () => {
      connection.dispose();
      server.dispose();
      toServer.end();
      toClient.end();
    });
  }

  /** The real executable, `onemessage lsp --stdio`, as an editor starts it. */
  static spawn(root: string): LspClient {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'onemessage.js'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(
      connection,
      root,
      async () => {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        if (child.exitCode === null) {
          await connection.sendNotification(ExitNotification.type).catch(() => undefined);
          const timer = setTimeout(() => child.kill(), 5000);
          await exited;
          clearTimeout(timer);
        }
        connection.dispose();
      },
      child,
    );
    client.stderr = () => stderr;
    return client;
  }

  stderr: () => string = () => '';

  async initialize(options: { initializationOptions?: unknown; capabilities?: ClientCapabilities; folders?: string[] } = {}): Promise<unknown> {
    const folders = options.folders ?? [this.root];
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: this.uri(folders[0]!),
      workspaceFolders: folders.map((folder) => ({ uri: this.uri(folder), name: path.basename(folder) })),
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions ?? { asOf: '2026-12-15' },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** A `file:` URI for a path relative to the root (or absolute). */
  uri(file: string): string {
    return pathToFileURL(path.resolve(this.root, file)).href;
  }

  /** Opens a document with the given text (default: the file's text on disk). */
  async open(file: string, text?: string, languageId = 'plaintext'): Promise<string> {
    const uri = this.uri(file);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: text ?? readFileSync(path.resolve(this.root, file), 'utf8') } });
    return uri;
  }

  /** Changes an open document (whole text, or ranged edits); resolves to its new version. */
  async change(uri: string, change: string | TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const contentChanges = typeof change === 'string' ? [{ text: change }] : change;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** The latest diagnostics published for a document, once one satisfies `until` (by default: any, for at least `version`). */
  async diagnostics(uri: string, until: { version?: number; test?: (diagnostics: Diagnostic[]) => boolean } = {}): Promise<Diagnostic[]> {
    const found = await this.waitFor(() => {
      const latest = this.published.filter((entry) => entry.uri === uri).at(-1);
      if (!latest) return undefined;
      if (until.version !== undefined && (latest.version ?? 0) < until.version) return undefined;
      if (until.test && !until.test(latest.diagnostics)) return undefined;
      return latest.diagnostics;
    }, `diagnostics for ${uri}${until.version !== undefined ? ` at version ${until.version}` : ''}`);
    return found;
  }

  /** Resolves once the server has finished indexing `count` times. */
  async indexed(count = 1): Promise<void> {
    await this.waitFor(() => (this.progress.filter((entry) => entry.kind === 'end').length >= count ? true : undefined), `${count} index(es) to end`);
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
    return (result ?? []) as CodeAction[];
  }

  async hover(uri: string, position: Range['start']): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async definition(uri: string, position: Range['start']): Promise<Location[]> {
    return ((await this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) ?? []) as Location[];
  }

  async waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
    const now = probe();
    if (now !== undefined) return now;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        reject(new Error(`timed out waiting for ${what}; published: ${JSON.stringify(this.published.map((entry) => [entry.uri.split('/').slice(-2).join('/'), entry.version, entry.diagnostics.length]))}; messages: ${JSON.stringify(this.messages)}; logs: ${this.logs.join(' | ')}${this.stderr()}`));
      }, timeoutMs);
      const check = () => {
        const value = probe();
        if (value === undefined) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        resolve(value);
      };
      this.waiters.push(check);
    });
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await this.stop();
  }

  private record(push: () => void): void {
    push();
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** `line:col-line:col` (1-based, as an editor shows it) of a range. */
export function where(range: Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}
