/**
 * The GitLab Code Quality reporter: the subset of the Code Climate issue format that GitLab
 * reads from a `codequality` report artifact, so findings appear in the merge request widget.
 */
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../model/finding.js';
import type { RunResult } from '../model/result.js';
import type { Reporter } from './reporter.js';
import { documentLabel, oneLine, stripControl } from './text.js';

/** Code Climate's severities are info, minor, major, critical and blocker; GitLab sorts by them. */
const severities: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  categories: string[];
  location: {
    path: string;
    lines: { begin: number; end: number };
  };
}

export const gitlabReporter: Reporter = {
  name: 'gitlab',
  description: 'GitLab Code Quality report (Code Climate JSON) for the merge request widget',
  format: (result) => `${JSON.stringify(codeQualityIssues(result), null, 2)}\n`,
};

/** One issue per unsuppressed finding: GitLab has no notion of a waived issue. */
export function codeQualityIssues(result: RunResult): CodeQualityIssue[] {
  return result.findings.filter((finding) => finding.suppression === undefined).map(toIssue);
}

function toIssue(finding: Finding): CodeQualityIssue {
  const begin = Math.max(1, finding.start.line);
  const document = documentLabel(finding);
  const description = oneLine(stripControl(document === undefined ? finding.message : `${finding.message} (in ${document})`));
  return {
    type: 'issue',
    description,
    check_name: finding.ruleId,
    // GitLab diffs the base and head reports by fingerprint, so it must not move with line numbers.
    fingerprint: finding.fingerprint ?? fallbackFingerprint(finding),
    severity: severities[finding.severity],
    categories: ['Style'],
    location: { path: finding.path.replace(/\\/g, '/'), lines: { begin, end: Math.max(begin, finding.end.line) } },
  };
}

function fallbackFingerprint(finding: Finding): string {
  return createHash('sha256')
    .update([finding.ruleId, finding.item?.id ?? '', finding.path, finding.documentId ?? '', finding.excerpt].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}
