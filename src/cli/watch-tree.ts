/**
 * Watches a folder tree with one non-recursive watcher per folder, skipping dependency and
 * version-control folders. Node 20's recursive `fs.watch` on Linux would walk and watch
 * node_modules too, which a content repo that installs onemessage always has.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface TreeWatcher {
  close(): void;
}

export interface WatchTreeOptions {
  root: string;
  /** folder names never watched */
  skip: ReadonlySet<string>;
  /** a file or folder under the root was created, changed or removed (absolute path) */
  onChange(abs: string): void;
}

export function watchTree(options: WatchTreeOptions): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string): void => {
    if (watchers.has(dir) || options.skip.has(path.basename(dir))) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => {
        if (name === null) return;
        const abs = path.join(dir, name.toString());
        if (event === 'rename') follow(abs);
        options.onChange(abs);
      });
    } catch {
      return; // unreadable or already gone: nothing to watch there
    }
    watcher.on('error', () => forget(dir));
    watchers.set(dir, watcher);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) add(path.join(dir, entry.name));
  };
  // A folder created (or moved in) is watched from now on; one removed is let go.
  const follow = (abs: string): void => {
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      for (const dir of [...watchers.keys()]) if (dir === abs || dir.startsWith(`${abs}${path.sep}`)) forget(dir);
      return;
    }
    if (isDir) add(abs);
  };
  const forget = (dir: string): void => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };
  add(options.root);
  return {
    close() {
      for (const dir of [...watchers.keys()]) forget(dir);
    },
  };
}
