/**
 * One spec and the documents it governs: the spec loaded from its editor buffer or from disk
 * (its problems published on the spec file), the session the open documents are checked in, and
 * the background index of every other file under the spec's folder, which cross-document rules
 * need. A broken spec keeps the last session that loaded; the server never goes down with it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { knownExtensions, readFromBytes } from '../formats/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import { CACHE_FILE } from '../runner/cache.js';
import { excludedFromWalk } from '../runner/files.js';
import { createSession, today, type Session } from '../session.js';
import { SpecLoadError } from '../spec/errors.js';
import { fileUri, findingDiagnostic, specDiagnostic } from './convert.js';
import { CheckScheduler } from './scheduler.js';
import { editorSpecHost } from './spec-host.js';

/** An open document the scope checks. */
export interface OpenDocument {
  uri: string;
  abs: string;
  text: TextDocument;
}

/** What a scope needs from the server around it. */
export interface ScopeHost {
  /** the text of an open editor buffer, by absolute path */
  buffer(abs: string): string | undefined;
  /** the nearest spec of a file (absolute), as the workspace finds it */
  specFor(abs: string): string | undefined;
  /** a file's name in messages: relative to the workspace folder */
  display(abs: string): string;
  publish(uri: string, diagnostics: LspDiagnostic[], version?: number): void;
  /** tells the user something once, in a window message */
  tell(message: string, kind: 'info' | 'warning' | 'error'): void;
  progress(title: string): Promise<{ report(percentage: number, message: string): void; done(): void }>;
  log(message: string): void;
  settings: ScopeSettings;
}

export interface ScopeSettings {
  /** the date claims and exceptions are judged at (default: today, when the spec loads) */
  asOf?: string;
  /** checks start at most this often while changes keep coming */
  delayMs: number;
  /** after the spec is edited, wait this long without edits before indexing the workspace again */
  indexDelayMs: number;
  /** use `.onemessage-cache`: true, false, or (undefined) when the file exists */
  cache?: boolean;
  relatedInformation: boolean;
}

/** The session open documents are checked in, and what it has seen of them. */
interface Serving {
  session: Session;
  /** the session holds every file of the spec's folder, not only the open ones */
  indexed: boolean;
  /** uri -> the version of the open text the session has */
  versions: Map<string, number>;
}

export class SpecScope {
  readonly dir: string;
  private serving: Serving | undefined;
  private readonly documents = new Map<string, OpenDocument & { rel: string; excluded: Promise<string | undefined> }>();
  private readonly scheduler: CheckScheduler;
  /** spec edits, gathered like document edits: a spec is parsed and compiled at most once per delay */
  private readonly specScheduler: CheckScheduler;
  private indexing: { controller: AbortController; changedOnDisk: Set<string> } | undefined;
  private indexTimer: NodeJS.Timeout | undefined;
  /** files the spec was read from (itself and what it extends): a change to any reloads it */
  private sources = new Set<string>();
  private specPublished = new Set<string>();
  /** uri -> what was last published, to publish again only what changed */
  private readonly published = new Map<string, string>();
  /** uri -> the findings last published there, for hovers and code actions */
  readonly findings = new Map<string, { version: number; findings: Finding[] }>();
  private failedBefore = false;
  private disposed = false;

  constructor(
    readonly specPath: string,
    private readonly host: ScopeHost,
  ) {
    this.dir = path.dirname(specPath);
    this.scheduler = new CheckScheduler(() => this.check(), { delayMs: host.settings.delayMs, onError: (error) => this.internalError(error) });
    this.specScheduler = new CheckScheduler(async () => this.load('edit'), { delayMs: host.settings.delayMs, onError: (error) => this.internalError(error) });
  }

  /** The session checking this scope's documents, once the spec has loaded. */
  get session(): Session | undefined {
    return this.serving?.session;
  }

  /** Whether a change to this file (absolute path) changes the spec. */
  readsSpecFrom(abs: string): boolean {
    return abs === this.specPath || this.sources.has(abs);
  }

  /** The spec (or a file it extends) was edited in the editor. */
  specEdited(): void {
    this.specScheduler.request();
  }

  /** The path of an open document relative to the session's folder. */
  relativePath(abs: string): string {
    return path.relative(this.dir, abs).split(path.sep).join('/');
  }

  /**
   * Loads the spec (its buffer if open, else the disk) and starts a session on it; on success
   * the open documents are checked again and the workspace is indexed again (at once, or after
   * `indexDelayMs` without edits when the spec is being typed).
   */
  load(reason: 'start' | 'edit' | 'disk'): void {
    if (this.disposed) return;
    const text = this.host.buffer(this.specPath) ?? readSpec(this.specPath);
    const specHost = editorSpecHost({ cwd: this.dir, buffer: (abs) => this.host.buffer(abs) });
    let problems: Diagnostic[];
    try {
      if (text === undefined) throw new SpecLoadError([{ severity: 'error', source: 'spec', reason: 'cannot read the spec', file: path.basename(this.specPath) }]);
      const session = createSession({ specText: text, specFile: this.specPath, cwd: this.dir, asOf: this.host.settings.asOf ?? today(), specHost });
      problems = [...session.specWarnings];
      this.serving = { session, indexed: false, versions: new Map() };
      this.failedBefore = false;
    } catch (error) {
      if (!(error instanceof SpecLoadError)) throw error;
      problems = error.diagnostics;
      if (this.serving === undefined && !this.failedBefore) {
        const errors = problems.filter((problem) => problem.severity === 'error').length;
        this.host.tell(`onemessage: ${this.host.display(this.specPath)} has ${errors} error${errors === 1 ? '' : 's'}; the documents it governs are checked once it loads (see the problems on the spec).`, 'error');
      }
      this.failedBefore = true;
    }
    this.sources = new Set([this.specPath, ...specHost.files]);
    this.publishSpecProblems(problems);
    if (!this.serving || this.failedBefore) return;
    // The spec's ignore globs may have changed which open documents are content.
    for (const doc of this.documents.values()) doc.excluded = this.exclusion(doc.abs);
    this.scheduler.request();
    this.indexLater(reason === 'edit' ? this.host.settings.indexDelayMs : 0);
  }

  attach(doc: OpenDocument): void {
    this.documents.set(doc.uri, { ...doc, rel: this.relativePath(doc.abs), excluded: this.exclusion(doc.abs) });
    this.scheduler.request();
  }

  /** Why the CLI's walk of the spec's folder would pass over this file, if it would. */
  private exclusion(abs: string): Promise<string | undefined> {
    const ignoreGlobs = this.serving?.session.spec.ignore ?? [];
    return excludedFromWalk({ abs, root: this.dir, specDir: this.dir, ignoreGlobs, extensions: knownExtensions() }).catch(() => 'cannot tell');
  }

  changed(uri: string): void {
    if (this.documents.has(uri)) this.scheduler.request();
  }

  /** A document was closed: its file on disk counts again, and its diagnostics go. */
  async detach(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    this.documents.delete(uri);
    this.published.delete(uri);
    this.findings.delete(uri);
    this.host.publish(uri, []);
    const serving = this.serving;
    if (serving) {
      serving.versions.delete(uri);
      if ((await doc.excluded) === undefined) await serving.session.recheckFile(doc.rel);
    }
    this.scheduler.request();
  }

  hasDocuments(): boolean {
    return this.documents.size > 0;
  }

  documentUris(): string[] {
    return [...this.documents.keys()];
  }

  /** A file changed, appeared or went away on disk (not one open in the editor). */
  async diskChanged(abs: string): Promise<void> {
    if (this.readsSpecFrom(abs)) {
      if (this.host.buffer(abs) === undefined) this.load('disk');
      return;
    }
    const serving = this.serving;
    if (!serving || !abs.startsWith(this.dir + path.sep)) return;
    this.indexing?.changedOnDisk.add(abs);
    if (this.host.specFor(abs) !== this.specPath) return;
    if ((await this.exclusion(abs)) !== undefined) return;
    await serving.session.recheckFile(this.relativePath(abs));
    this.scheduler.request();
  }

  dispose(): void {
    this.disposed = true;
    this.scheduler.close();
    this.specScheduler.close();
    clearTimeout(this.indexTimer);
    this.indexing?.controller.abort(new Error('the spec went away'));
    for (const uri of this.specPublished) this.host.publish(uri, []);
    for (const uri of this.documents.keys()) this.host.publish(uri, []);
  }

  private indexLater(delayMs: number): void {
    clearTimeout(this.indexTimer);
    this.indexing?.controller.abort(new Error('a newer spec'));
    this.indexing = undefined;
    this.indexTimer = setTimeout(() => void this.index().catch((error) => this.internalError(error)), delayMs);
  }

  /**
   * Indexes the spec's folder into a fresh session (the cache the CLI writes is used when the spec
   * is the one on disk), then takes the open documents' text into it and swaps it in: checks go
   * on in the old session meanwhile, and never see a half-read workspace.
   */
  private async index(): Promise<void> {
    const current = this.serving;
    if (!current || this.disposed) return;
    const controller = new AbortController();
    const indexing = { controller, changedOnDisk: new Set<string>() };
    this.indexing = indexing;
    let fresh: Session;
    try {
      fresh = createSession({ specText: this.host.buffer(this.specPath) ?? readSpec(this.specPath) ?? '', specFile: this.specPath, cwd: this.dir, asOf: current.session.asOf, specHost: editorSpecHost({ cwd: this.dir, buffer: (abs) => this.host.buffer(abs) }) });
    } catch (error) {
      if (error instanceof SpecLoadError) return; // broken again since it loaded: the next load says so
      throw error;
    }
    const progress = await this.host.progress(`onemessage: indexing ${this.host.display(this.dir) || 'the workspace'}`);
    let reported = -1;
    try {
      await fresh.lintFiles(['.'], {
        cache: this.useCache(),
        signal: controller.signal,
        onProgress: (done, total) => {
          const percentage = total === 0 ? 100 : Math.floor((done / total) * 100);
          if (percentage === reported) return;
          reported = percentage;
          progress.report(percentage, `${done}/${total} files`);
        },
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      throw error;
    } finally {
      progress.done();
    }
    // A folder below holding its own spec governs its files (nested specs), whatever this walk read.
    for (const rel of fresh.documentPaths()) if (this.host.specFor(path.resolve(this.dir, rel)) !== this.specPath) fresh.forget(rel);
    for (const abs of indexing.changedOnDisk) if (this.host.buffer(abs) === undefined && this.host.specFor(abs) === this.specPath) await fresh.recheckFile(this.relativePath(abs));
    const versions = new Map<string, number>();
    for (const doc of this.documents.values()) {
      if ((await doc.excluded) !== undefined) continue;
      versions.set(doc.uri, doc.text.version);
      if (!readFromBytes(doc.rel)) await fresh.addText(doc.rel, doc.text.getText(), { explicit: false });
    }
    if (controller.signal.aborted || this.serving !== current || this.disposed) return;
    this.indexing = undefined;
    this.serving = { session: fresh, indexed: true, versions };
    this.host.log(`indexed ${fresh.documentPaths().length} files under ${this.dir}`);
    this.scheduler.request();
  }

  /**
   * Checks the open documents: their changed text goes into the session, the session is finished
   * for them alone (every indexed file still counts), and each document's diagnostics are
   * published when they changed. Until the index is in, findings of cross-document rules wait:
   * judged over the open documents alone, a fact's majority value could be wrong.
   */
  private async check(): Promise<void> {
    const serving = this.serving;
    if (!serving) return;
    const { session } = serving;
    const checked: Array<{ doc: OpenDocument & { rel: string }; version: number; changed: boolean }> = [];
    for (const doc of [...this.documents.values()]) {
      const excluded = await doc.excluded;
      if (excluded !== undefined) {
        this.publishOnce(doc.uri, [], doc.text.version);
        continue;
      }
      const version = doc.text.version;
      const changed = serving.versions.get(doc.uri) !== version;
      if (changed) {
        serving.versions.set(doc.uri, version);
        // An Office document or a PDF open in an editor is not its text: its findings are the file's on disk.
        if (readFromBytes(doc.rel)) await session.recheckFile(doc.rel);
        else await session.addText(doc.rel, doc.text.getText(), { explicit: false });
      }
      checked.push({ doc, version, changed });
    }
    if (this.serving !== serving || this.disposed) {
      this.scheduler.request();
      return;
    }
    const result = session.finish({ focus: checked.map(({ doc }) => doc.rel), matrix: false });
    const corpusRules = new Set(session.context.rules.corpus.map(({ rule }) => rule.meta.id));
    const byPath = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      if (finding.suppression) continue;
      if (!serving.indexed && corpusRules.has(finding.ruleId)) continue;
      const list = byPath.get(finding.path);
      if (list) list.push(finding);
      else byPath.set(finding.path, [finding]);
    }
    for (const { doc, version, changed } of checked) {
      if (!this.documents.has(doc.uri)) continue;
      const findings = byPath.get(doc.rel) ?? [];
      const bom = doc.text.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF';
      const diagnostics = findings.map((finding) => findingDiagnostic(finding, { cwd: this.dir, bom, relatedInformation: this.host.settings.relatedInformation }));
      this.findings.set(doc.uri, { version, findings });
      if (changed) this.publishNow(doc.uri, diagnostics, version);
      else this.publishOnce(doc.uri, diagnostics, version);
    }
  }

  private publishNow(uri: string, diagnostics: LspDiagnostic[], version: number): void {
    this.published.set(uri, JSON.stringify(diagnostics));
    this.host.publish(uri, diagnostics, version);
  }

  /** Publishes only what differs from what the client has. */
  private publishOnce(uri: string, diagnostics: LspDiagnostic[], version: number): void {
    if (this.published.get(uri) === JSON.stringify(diagnostics)) return;
    this.publishNow(uri, diagnostics, version);
  }

  private publishSpecProblems(problems: Diagnostic[]): void {
    const byUri = new Map<string, LspDiagnostic[]>();
    for (const uri of this.specPublished) byUri.set(uri, []);
    for (const problem of problems) {
      if (problem.file.startsWith('pack:')) continue; // a built-in pack's problem is ours to fix, not the writer's
      const abs = path.resolve(this.dir, problem.file);
      const uri = fileUri(abs);
      const lines = (this.host.buffer(abs) ?? readSpec(abs) ?? '').split(/\r\n|\r|\n/);
      const list = byUri.get(uri) ?? [];
      list.push(specDiagnostic(problem, (line) => lines[line]));
      byUri.set(uri, list);
    }
    this.specPublished = new Set([...byUri].filter(([, list]) => list.length > 0).map(([uri]) => uri));
    for (const [uri, list] of byUri) this.host.publish(uri, list);
  }

  private useCache(): boolean {
    const { cache } = this.host.settings;
    if (cache === false) return false;
    // The cache belongs to the spec on disk: a spec being edited must not overwrite it.
    for (const source of this.sources) if (this.host.buffer(source) !== undefined && this.host.buffer(source) !== readSpec(source)) return false;
    return cache === true || existsSync(path.join(this.dir, CACHE_FILE));
  }

  private internalError(error: unknown): void {
    this.host.log(`internal error in ${this.specPath}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

function readSpec(abs: string): string | undefined {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}
