/**
 * The CSV reporter: one RFC 4180 row per finding, waived ones included, safe to open in a
 * spreadsheet.
 */
import { stringify } from 'csv-stringify/sync';
import type { Finding } from '../model/finding.js';
import type { RunResult } from '../model/result.js';
import type { Reporter } from './reporter.js';
import { documentLabel, neutraliseCsvCell, stripControl } from './text.js';

export const csvHeader = [
  'path',
  'line',
  'column',
  'endLine',
  'endColumn',
  'severity',
  'rule',
  'item',
  'channel',
  'document',
  'message',
  'excerpt',
  'fingerprint',
  'suppressed',
  'suppression reason',
  'approved by',
  'until',
] as const;

export const csvReporter: Reporter = {
  name: 'csv',
  description: 'one CSV row per finding (RFC 4180), waived findings included',
  format: formatCsv,
};

export function formatCsv(result: RunResult): string {
  // csv-stringify quotes a field holding the CRLF record delimiter but not a lone LF or CR, which
  // would split the row in a spreadsheet: a multi-line excerpt, or a file name with a newline.
  return stringify([[...csvHeader], ...result.findings.map(row)], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

function row(finding: Finding): string[] {
  const suppression = finding.suppression;
  const cells = [
    finding.path,
    String(finding.start.line),
    String(finding.start.column),
    String(finding.end.line),
    String(finding.end.column),
    finding.severity,
    finding.ruleId,
    finding.item?.id ?? '',
    finding.channel ?? '',
    documentLabel(finding) ?? '',
    finding.message,
    finding.excerpt,
    finding.fingerprint ?? '',
    // the kind of waiver, so that a filter on "not empty" finds every waived finding
    suppression?.kind ?? '',
    suppression?.reason ?? '',
    suppression?.approvedBy ?? '',
    suppression?.until ?? '',
  ];
  return cells.map((cell) => neutraliseCsvCell(stripControl(cell, { keep: '\n\r\t' })));
}
