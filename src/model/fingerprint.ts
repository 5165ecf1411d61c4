/**
 * Stable fingerprints: a finding keeps its fingerprint when lines are added or removed elsewhere
 * in the file, so dashboards, reviewers and the baseline can follow one finding across edits.
 * Built from the rule, the spec item, the file, and the matched text with a little of its
 * neighbourhood (case and white space folded), never from line numbers.
 */
import { createHash } from 'node:crypto';

const NEIGHBOURHOOD = 24;

/**
 * The matched text with up to 24 characters either side on its own lines, folded, for
 * fingerprints and baselines. Clipped at line breaks so an edit on a neighbouring line does not
 * change it.
 */
export function neighbourhood(text: string, start: number, end: number): string {
  const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
  const before = text.slice(Math.max(0, start - NEIGHBOURHOOD), start);
  const after = text.slice(end, end + NEIGHBOURHOOD);
  const clippedBefore = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1);
  const lineEnd = after.search(/[\r\n]/);
  const clippedAfter = lineEnd < 0 ? after : after.slice(0, lineEnd);
  return `${fold(clippedBefore)}[${fold(text.slice(start, end))}]${fold(clippedAfter)}`;
}

export function fingerprintOf(parts: { ruleId: string; itemId?: string; path: string; documentId?: string; neighbourhood: string }): string {
  return createHash('sha256')
    .update([parts.ruleId, parts.itemId ?? '', parts.path, parts.documentId ?? '', parts.neighbourhood].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Two findings with the same fingerprint (the same phrase twice in one neighbourhood) are told
 * apart by their order: the second gets `:2`. Expects findings in their final order.
 */
export function disambiguate(findings: Array<{ fingerprint?: string }>): void {
  const seen = new Map<string, number>();
  for (const finding of findings) {
    if (!finding.fingerprint) continue;
    const count = (seen.get(finding.fingerprint) ?? 0) + 1;
    seen.set(finding.fingerprint, count);
    if (count > 1) finding.fingerprint = `${finding.fingerprint}:${count}`;
  }
}
