/**
 * A minimal stand-in for `parseDirective` from `directives.ts` (written in parallel): the
 * integrator swaps the import in `html.ts` for the real one and deletes this file.
 */
import type { Directive } from './document.js';

/** Reads `onemessage-disable-next-line rule/a, rule/b -- reason` from a comment body. */
export function parseDirective(body: string, start: number, end: number): Directive | undefined {
  const match = /^\s*onemessage-(disable-next-line|disable-line|disable|enable)(?![\w-])([\s\S]*)$/.exec(body);
  if (!match) return undefined;
  let rest = match[2]!;
  let reason: string | undefined;
  const separator = rest.indexOf('--');
  if (separator >= 0) {
    reason = rest.slice(separator + 2).trim() || undefined;
    rest = rest.slice(0, separator);
  }
  const selectors = rest.split(/[\s,]+/).filter((selector) => selector.length > 0);
  return { kind: match[1] as Directive['kind'], selectors, ...(reason ? { reason } : {}), start, end };
}
