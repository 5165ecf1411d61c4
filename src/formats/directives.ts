/** Parses the body of an inline `onemessage-…` directive comment into a {@link Directive}. */
import type { Directive } from '../model/document.js';

const KINDS: ReadonlyArray<Directive['kind']> = ['disable-next-line', 'disable-line', 'disable', 'enable'];

/** Whether a comment body is meant as a directive (so a reader can drop it from the text). */
export function looksLikeDirective(body: string): boolean {
  return /^\s*onemessage-/.test(body);
}

/**
 * Reads `onemessage-<kind> [selectors] [-- reason]`. Selectors are rule ids or `rule:item`
 * ids separated by commas or spaces; the reason is whatever follows a ` -- ` separator.
 * Returns undefined when the body is not a directive of a known kind, so a typo such as
 * `onemessage-disabled` is not silently read as one.
 */
export function parseDirective(body: string, start: number, end: number): Directive | undefined {
  const trimmed = body.trim();
  if (!trimmed.startsWith('onemessage-')) return undefined;
  const afterPrefix = trimmed.slice('onemessage-'.length);
  const kind = KINDS.find((candidate) => afterPrefix === candidate || new RegExp(`^${candidate}(?=\\s)`).test(afterPrefix));
  if (!kind) return undefined;
  let rest = afterPrefix.slice(kind.length);
  let reason: string | undefined;
  // `--` must stand alone so a rule id or a reason containing a hyphen pair is not cut.
  const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
  if (separator) {
    reason = rest.slice(separator.index + separator[0].length).trim() || undefined;
    rest = rest.slice(0, separator.index);
  }
  const selectors = rest.split(/[\s,]+/).filter((selector) => selector.length > 0);
  const directive: Directive = { kind, selectors, start, end };
  if (reason !== undefined) directive.reason = reason;
  const approvedBy = reason !== undefined ? approverIn(reason) : undefined;
  if (approvedBy !== undefined) directive.approvedBy = approvedBy;
  return directive;
}

/**
 * The approver a reason names: whatever follows "approved by" to the end of the reason, without
 * closing punctuation (`quotes the award, approved by J. Doe, LEGAL-112` gives `J. Doe, LEGAL-112`).
 * The reason itself keeps every word, since a reviewer reads it as it was written.
 */
export function approverIn(reason: string): string | undefined {
  const match = /(?:^|[\s,;(])approved by\s+(\S.*)$/i.exec(reason);
  const approver = match?.[1]?.replace(/[\s.;,]+$/, '');
  return approver ? approver : undefined;
}
