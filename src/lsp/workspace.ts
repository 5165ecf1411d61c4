/**
 * The server's picture of the workspace: which spec governs each file (its nearest
 * `onemessage.yaml`, looked up per file, so that several specs in one repository each get their
 * own scope), the open documents routed to their scope, spec buffers and files on disk that
 * change, and the one message a user gets when a document has no spec at all.
 */
import path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { knownExtensions, readFromBytes } from '../formats/index.js';
import type { Finding } from '../model/finding.js';
import { findSpec, SPEC_FILE_NAMES } from '../spec/find.js';
import { uriPath } from './convert.js';
import { SpecScope, type ScopeHost } from './scope.js';

export type WorkspaceHost = Omit<ScopeHost, 'buffer' | 'specFor' | 'display'>;

export class Workspace {
  private readonly scopes = new Map<string, SpecScope>();
  /** folder -> its nearest spec (null: none), as found; a spec created or deleted clears it */
  private readonly nearest = new Map<string, string | null>();
  /** open documents by URI */
  private readonly open = new Map<string, TextDocument>();
  /** open documents by absolute path: spec buffers are read through it */
  private readonly byPath = new Map<string, TextDocument>();
  /** open content documents no spec governs, checked once a spec appears above them */
  private readonly homeless = new Set<string>();
  private saidNoSpec = false;
  private readonly scopeHost: ScopeHost;

  constructor(
    private readonly host: WorkspaceHost,
    /** the workspace folders, absolute */
    private folders: string[],
  ) {
    this.scopeHost = {
      ...host,
      buffer: (abs) => this.byPath.get(abs)?.getText(),
      specFor: (abs) => this.specFor(abs),
      display: (abs) => this.display(abs),
    };
  }

  /** Loads the spec of each workspace folder (at or above it) and indexes its files. */
  start(): void {
    for (const folder of this.folders) {
      const spec = this.specIn(folder);
      if (spec) this.scope(spec);
    }
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.start();
  }

  opened(doc: TextDocument): void {
    const abs = uriPath(doc.uri);
    if (!abs) return;
    this.open.set(doc.uri, doc);
    this.byPath.set(abs, doc);
    if (this.specEdited(abs)) return;
    if (!knownExtensions().has(path.extname(abs).toLowerCase())) return;
    this.home(doc, abs);
  }

  changed(doc: TextDocument): void {
    const abs = uriPath(doc.uri);
    if (!abs) return;
    if (this.specEdited(abs)) return;
    for (const scope of this.scopes.values()) scope.changed(doc.uri);
  }

  async closed(doc: TextDocument): Promise<void> {
    const abs = uriPath(doc.uri);
    if (!abs) return;
    this.open.delete(doc.uri);
    this.byPath.delete(abs);
    this.homeless.delete(doc.uri);
    // A spec buffer closed unsaved: the file on disk is the spec again.
    if (this.specEdited(abs)) return;
    for (const scope of this.scopes.values()) await scope.detach(doc.uri);
  }

  /** Files changed on disk, as the client's file watcher reports them. */
  async filesChanged(paths: string[]): Promise<void> {
    const specs = paths.filter((abs) => (SPEC_FILE_NAMES as readonly string[]).includes(path.basename(abs)));
    if (specs.length > 0) this.specsMoved();
    for (const abs of paths) {
      // Open in the editor, its buffer is what counts; but an Office document or a PDF is read from disk.
      if (this.byPath.has(abs) && !readFromBytes(abs)) continue;
      for (const scope of [...this.scopes.values()]) await scope.diskChanged(abs);
    }
  }

  /** The findings last published for an open document, with the scope that found them. */
  findingsOf(uri: string): { scope: SpecScope; version: number; findings: Finding[] } | undefined {
    for (const scope of this.scopes.values()) {
      const entry = scope.findings.get(uri);
      if (entry) return { scope, ...entry };
    }
    return undefined;
  }

  document(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  /** The text of an open buffer by absolute path. */
  buffer(abs: string): string | undefined {
    return this.byPath.get(abs)?.getText();
  }

  dispose(): void {
    for (const scope of this.scopes.values()) scope.dispose();
    this.scopes.clear();
  }

  /** The nearest spec of a file (absolute path), or undefined. */
  specFor(abs: string): string | undefined {
    return this.specIn(path.dirname(abs));
  }

  /** The spec in a folder or the nearest folder above it. */
  private specIn(dir: string): string | undefined {
    let found = this.nearest.get(dir);
    if (found === undefined) {
      found = findSpec(dir) ?? null;
      this.nearest.set(dir, found);
    }
    return found ?? undefined;
  }

  private display(abs: string): string {
    const folder = this.folders.find((root) => abs === root || abs.startsWith(root + path.sep));
    return path.relative(folder ?? path.dirname(abs), abs).split(path.sep).join('/') || path.basename(abs);
  }

  private scope(specPath: string): SpecScope {
    let scope = this.scopes.get(specPath);
    if (!scope) {
      scope = new SpecScope(specPath, this.scopeHost);
      this.scopes.set(specPath, scope);
      scope.load('start');
    }
    return scope;
  }

  private home(doc: TextDocument, abs: string): void {
    const spec = this.specFor(abs);
    if (!spec) {
      this.homeless.add(doc.uri);
      if (!this.saidNoSpec) {
        this.saidNoSpec = true;
        this.host.tell(`onemessage: no onemessage.yaml in ${path.dirname(abs)} or any folder above it, so nothing there is checked. Create one with "npx onemessage init".`, 'info');
      }
      return;
    }
    this.homeless.delete(doc.uri);
    this.scope(spec).attach({ uri: doc.uri, abs, text: doc });
  }

  /**
   * Whether the file is a spec or a file a spec reads; then the scopes that read it reload, and a
   * spec file opened for the first time starts its scope.
   */
  private specEdited(abs: string): boolean {
    const affected = [...this.scopes.values()].filter((scope) => scope.readsSpecFrom(abs));
    const isSpecName = (SPEC_FILE_NAMES as readonly string[]).includes(path.basename(abs));
    if (affected.length === 0 && !isSpecName) return false;
    for (const scope of affected) scope.specEdited();
    if (isSpecName && !this.scopes.has(abs)) this.scope(abs);
    return true;
  }

  /** A spec file appeared or went away: every open document's nearest spec is looked up again. */
  private specsMoved(): void {
    this.nearest.clear();
    for (const [specPath, scope] of [...this.scopes]) {
      if (findSpec(path.dirname(specPath)) !== specPath) {
        scope.dispose();
        this.scopes.delete(specPath);
      }
    }
    for (const [uri, doc] of this.open) {
      const abs = uriPath(uri)!;
      if (!knownExtensions().has(path.extname(abs).toLowerCase())) continue;
      const spec = this.specFor(abs);
      const current = [...this.scopes.values()].find((scope) => scope.documentUris().includes(uri));
      if (current && current.specPath === spec) continue;
      void current?.detach(uri);
      this.home(doc, abs);
    }
    this.start();
  }
}
