/**
 * Which channel a document speaks for: its own declaration (front matter `channel:`, a macro's
 * channel field) wins over the spec's globs, which are relative to the spec's folder.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { Spec } from '../spec/types.js';
import { toPosix } from './paths.js';

export interface ChannelResolver {
  /** the channel of a file by the spec's globs */
  byPath(abs: string): string | undefined;
  /** globs that matched no file so far, for the "matches nothing" warning */
  unusedGlobs(): Array<{ channel: string; glob: string }>;
  /** whether every glob has matched some file */
  allUsed(): boolean;
}

export function channelResolver(spec: Spec): ChannelResolver {
  const compiled = spec.channels.flatMap((channel) =>
    channel.globs.map((glob) => ({ channel: channel.name, glob, test: picomatch(glob, { dot: true }), used: false })),
  );
  return {
    byPath(abs) {
      const rel = toPosix(path.relative(spec.dir, abs));
      let found: string | undefined;
      for (const entry of compiled) {
        if (entry.test(rel)) {
          entry.used = true;
          found ??= entry.channel;
        }
      }
      return found;
    },
    unusedGlobs() {
      return compiled.filter((entry) => !entry.used).map(({ channel, glob }) => ({ channel, glob }));
    },
    allUsed() {
      return compiled.every((entry) => entry.used);
    },
  };
}
