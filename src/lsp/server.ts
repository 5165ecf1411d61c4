/**
 * The language server: LSP over a pair of streams (stdio for `onemessage lsp`), wired to the
 * workspace of spec scopes: open documents checked as they change, the workspace indexed in the
 * background with progress, code actions, hovers and go-to-definition to the spec item.
 */
import path from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { knownExtensions } from '../formats/index.js';
import { VERSION } from '../version.js';
import { codeActions, FIX_ALL } from './actions.js';
import { uriPath } from './convert.js';
import { definitionAt, hoverAt, type FindingsAt } from './hover.js';
import { readSettings, type ServerSettings } from './settings.js';
import { Workspace } from './workspace.js';

export interface ServerStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** Starts a server on the streams; it runs until the streams close (the returned connection can be disposed). */
export function startServer(streams: ServerStreams): Connection {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(streams.input), new StreamMessageWriter(streams.output));
  const documents = new TextDocuments(TextDocument);
  let workspace: Workspace | undefined;
  let settings: ServerSettings;
  let folders: string[] = [];
  let client = { relatedInformation: false, disabledActions: false, watchFiles: false, folders: false };

  // After the client went away, there is no one to tell: a late message is dropped, not thrown.
  const send = (work: () => unknown) => {
    try {
      const sent = work();
      if (sent instanceof Promise) sent.catch(() => undefined);
    } catch {
      // the connection is closed
    }
  };
  const log = (message: string) => send(() => connection.console.log(message));
  const guard = (work: () => Promise<void> | void) => {
    // A handler's failure is logged; it never takes the server (and every open document) down.
    void (async () => work())().catch((error: unknown) => log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const read = readSettings(params.initializationOptions);
    settings = read.settings;
    const caps = params.capabilities;
    client = {
      relatedInformation: caps.textDocument?.publishDiagnostics?.relatedInformation === true,
      disabledActions: caps.textDocument?.codeAction?.disabledSupport === true,
      watchFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      folders: caps.workspace?.workspaceFolders === true,
    };
    folders = foldersOf(params);
    // through send: a client gone before the message is written must not leave a rejection behind
    for (const problem of read.problems) send(() => connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `onemessage: ${problem}` }));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
        hoverProvider: true,
        definitionProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'onemessage', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    workspace = new Workspace(
      {
        publish: (uri, diagnostics, version) => send(() => connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) })),
        tell: (message, kind) => send(() => connection.sendNotification(ShowMessageNotification.type, { type: kind === 'error' ? MessageType.Error : kind === 'warning' ? MessageType.Warning : MessageType.Info, message })),
        progress: async (title) => {
          const reporter = await connection.window.createWorkDoneProgress().catch(() => undefined);
          reporter?.begin(title, 0, undefined, false);
          return { report: (percentage, message) => send(() => reporter?.report(percentage, message)), done: () => send(() => reporter?.done()) };
        },
        log,
        settings: { ...settings, relatedInformation: client.relatedInformation },
      },
      folders,
    );
    if (client.watchFiles) {
      const extensions = [...knownExtensions(), '.yaml', '.yml'].map((ext) => ext.slice(1)).sort();
      guard(async () => {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/*.{${extensions.join(',')}}` }] });
      });
    }
    if (client.folders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => uriPath(folder.uri)));
        folders = [...folders.filter((folder) => !removed.has(folder)), ...event.added.flatMap((folder) => uriPath(folder.uri) ?? [])];
        workspace?.setFolders(folders);
      });
    }
    guard(() => workspace!.start());
    // Documents the client opened before the server was ready.
    for (const doc of documents.all()) guard(() => workspace!.opened(doc));
  });

  documents.onDidOpen((event) => guard(() => workspace?.opened(event.document)));
  documents.onDidChangeContent((event) => guard(() => workspace?.changed(event.document)));
  documents.onDidClose((event) => guard(() => workspace?.closed(event.document)));
  connection.onDidChangeWatchedFiles((params) => guard(() => workspace?.filesChanged(params.changes.flatMap((change) => uriPath(change.uri) ?? []).map((abs) => path.resolve(abs)))));

  const findingsAt = (uri: string, position: FindingsAt['position']): FindingsAt | undefined => {
    const document = documents.get(uri);
    const found = workspace?.findingsOf(uri);
    const session = found?.scope.session;
    if (!document || !found || !session || found.version !== document.version) return undefined;
    return { findings: found.findings, session, cwd: found.scope.dir, position, bom: document.getText().startsWith('\uFEFF'), buffer: (abs) => workspace!.buffer(abs) };
  };
  connection.onHover((params) => {
    const at = findingsAt(params.textDocument.uri, params.position);
    return at ? (hoverAt(at) ?? null) : null;
  });
  connection.onDefinition((params) => {
    const at = findingsAt(params.textDocument.uri, params.position);
    return at ? definitionAt(at) : [];
  });
  connection.onCodeAction((params) => {
    const { uri } = params.textDocument;
    const document = documents.get(uri);
    const found = workspace?.findingsOf(uri);
    const session = found?.scope.session;
    const abs = uriPath(uri);
    // Findings of an older version of the text would put edits in the wrong place: the client asks again after the next publish.
    if (!document || !found || !session || !abs || found.version !== document.version) return [];
    return codeActions({
      uri,
      document,
      path: found.scope.relativePath(abs),
      session,
      findings: found.findings,
      range: params.range,
      diagnostics: params.context.diagnostics,
      ...(params.context.only ? { only: params.context.only } : {}),
      disabledSupport: client.disabledActions,
    });
  });
  connection.onShutdown(() => workspace?.dispose());
  connection.onExit(() => workspace?.dispose());

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** The workspace folders as absolute paths: `workspaceFolders`, else the root. */
function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const folders = uris.flatMap((uri) => uriPath(uri) ?? []);
  if (folders.length === 0 && params.rootPath) folders.push(params.rootPath);
  return folders.map((folder) => path.resolve(folder));
}
