/** Reporters by `--format` name. */
import { json } from './json.js';
import type { Reporter } from './reporter.js';
import { stylish } from './stylish.js';

const reporters: Record<string, Reporter> = { stylish, json };

export function reporterFor(name: string): Reporter | undefined {
  return Object.hasOwn(reporters, name) ? reporters[name] : undefined;
}

export function reporterNames(): string[] {
  return Object.keys(reporters);
}
