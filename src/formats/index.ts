/** The registry of format modules, and the choice of one for a file: by extension, then by content. */
import { csvFormat } from './csv.js';
import { freshdeskFormat } from './freshdesk.js';
import type { FormatModule } from './format.js';
import { helpscoutFormat } from './helpscout.js';
import { htmlFormat } from './html.js';
import { intercomFormat } from './intercom.js';
import { unknownJsonFormat } from './json-unknown.js';
import { zendeskFormat } from './zendesk.js';
import { markdown } from './markdown.js';
import { mdx } from './mdx.js';
import { text } from './text.js';

/** Asked in this order; for a shared extension the first whose `sniff` says yes reads the file. */
const registry: FormatModule[] = [
  markdown,
  mdx,
  text,
  htmlFormat,
  // .json: the four vendors sniff their own shapes; the last reports any other JSON.
  zendeskFormat,
  helpscoutFormat,
  freshdeskFormat,
  intercomFormat,
  unknownJsonFormat,
  csvFormat,
];

/** Every extension some format reads, for file discovery. */
export function knownExtensions(): Set<string> {
  return new Set(registry.flatMap((format) => format.extensions));
}

/** The format for a file, or undefined when no format reads it. */
export function formatFor(path: string, text: string): FormatModule | undefined {
  const dot = path.lastIndexOf('.');
  const ext = dot >= 0 ? path.slice(dot).toLowerCase() : '';
  const candidates = registry.filter((format) => format.extensions.includes(ext));
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((format) => format.sniff?.(text) ?? true);
}
