/**
 * `onemessage init`: writes a commented `onemessage.yaml` for a new user, with channels guessed
 * from the content folders it finds, and prints the next command to run.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { discoverFiles, toPosix } from '../runner/files.js';
import { knownExtensions } from '../formats/index.js';
import { UsageError } from '../spec/errors.js';
import { SPEC_FILE_NAMES } from '../spec/find.js';
import { builtinPackDir } from '../package-root.js';
import { initTemplate } from './init-template.js';
import { writeOutputFile } from './write-output.js';
import type { Io } from './io.js';

export interface InitFlags {
  force?: boolean;
}

/** Folder names that usually hold a channel's copy, lower case. */
export const CHANNEL_FOLDERS: ReadonlyArray<{ channel: string; folders: readonly string[] }> = [
  { channel: 'marketing', folders: ['site', 'website', 'www', 'web', 'blog', 'marketing', 'content', 'landing', 'landing-pages', 'pages', 'newsletter', 'emails', 'campaigns'] },
  { channel: 'sales', folders: ['sales', 'scripts', 'call-scripts', 'decks', 'playbooks', 'sequences', 'outreach', 'proposals'] },
  { channel: 'support', folders: ['support', 'macros', 'help', 'help-center', 'helpcenter', 'zendesk', 'helpscout', 'freshdesk', 'intercom', 'kb', 'knowledge-base', 'faq'] },
];

/** Folders that never hold copy: dependencies, build output, tooling. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'out', 'vendor', 'coverage', 'tmp']);
const DEPTH = 2;

export const SPEC_FILE = 'onemessage.yaml';
export const SCHEMA_IN_PACKAGE = 'node_modules/onemessage/schema/onemessage.schema.json';

export async function initCommand(folder: string | undefined, flags: InitFlags, io: Io): Promise<number> {
  const dir = path.resolve(io.cwd, folder ?? '.');
  if (!existsSync(dir)) throw new UsageError(`no such folder: ${folder}`);
  const existing = SPEC_FILE_NAMES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
  if (existing && !flags.force) {
    throw new UsageError(`${display(io.cwd, existing)} already exists; run onemessage init --force to replace it`);
  }
  const channels = await guessChannels(dir);
  const text = initTemplate({ channels, schemaRef: schemaRefFrom(dir), packs: availablePacks() });
  const target = path.join(dir, SPEC_FILE);
  await writeOutputFile(target, text, io.cwd);

  const lines = [`Wrote ${display(io.cwd, target)}`];
  if (channels.length === 0) {
    lines.push('No content folders were recognised: add your channels (globs of the files each team owns) to it.');
  } else {
    lines.push('Channels guessed from your folders:');
    for (const channel of channels) {
      lines.push(`  ${channel.name.padEnd(9)} ${channel.globs.join(', ')}  (${channel.files} ${channel.files === 1 ? 'file' : 'files'})`);
    }
  }
  const checkCommand = folder && folder !== '.' ? `npx onemessage check ${folder}` : 'npx onemessage check';
  lines.push('', 'Next: uncomment and adapt the examples in it (facts, claims, terms), then run:', `  ${checkCommand}`, '');
  io.stdout(lines.join('\n'));
  return 0;
}

export interface GuessedChannel {
  name: string;
  globs: string[];
  /** the folders, relative to the spec's folder */
  folders: string[];
  /** how many files in them onemessage reads */
  files: number;
}

/**
 * Channels from folder names, up to two levels down (`site/`, `content/blog/`), in the table's
 * order. A folder claimed by one channel is not searched further, and a folder is never in two;
 * a folder with no file onemessage reads is left out, since its glob would match nothing.
 */
export async function guessChannels(dir: string): Promise<GuessedChannel[]> {
  const found = new Map<string, string[]>();
  const channelOf = (name: string) => CHANNEL_FOLDERS.find((entry) => entry.folders.includes(name.toLowerCase()))?.channel;
  const walk = (abs: string, rel: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds nothing to guess from
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const channel = channelOf(entry.name);
      if (channel) found.set(channel, [...(found.get(channel) ?? []), childRel]);
      else if (depth < DEPTH) walk(path.join(abs, entry.name), childRel, depth + 1);
    }
  };
  walk(dir, '', 1);
  const channels: GuessedChannel[] = [];
  for (const entry of CHANNEL_FOLDERS) {
    const folders: string[] = [];
    let files = 0;
    for (const folder of found.get(entry.channel) ?? []) {
      const count = await countFiles(dir, [folder]);
      if (count === 0) continue;
      folders.push(folder);
      files += count;
    }
    if (folders.length > 0) channels.push({ name: entry.channel, globs: folders.map((folder) => `${folder}/**`), folders, files });
  }
  return channels;
}

/** The schema of the onemessage installed nearest the spec, relative to it; else where `npm install` will put it. */
export function schemaRefFrom(dir: string): string {
  let current = dir;
  for (;;) {
    const candidate = path.join(current, SCHEMA_IN_PACKAGE);
    if (existsSync(candidate)) {
      const relative = toPosix(path.relative(dir, candidate));
      return relative.startsWith('.') ? relative : `./${relative}`;
    }
    const parent = path.dirname(current);
    if (parent === current) return `./${SCHEMA_IN_PACKAGE}`;
    current = parent;
  }
}

function availablePacks(): string[] {
  try {
    return readdirSync(builtinPackDir())
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return [];
  }
}

async function countFiles(dir: string, folders: string[]): Promise<number> {
  const { files } = await discoverFiles({ cwd: dir, paths: folders, specDir: dir, ignoreGlobs: [], extensions: knownExtensions() });
  return files.length;
}

function display(cwd: string, file: string): string {
  return toPosix(path.relative(cwd, file)) || path.basename(file);
}
