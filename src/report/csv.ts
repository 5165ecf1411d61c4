/**
 * The CSV reporter: one RFC 4180 row per finding, waived ones included, safe to open in a
 * spreadsheet, with a byte-order mark so that Excel reads it as UTF-8.
 */
import { stringify } from 'csv-stringify/sync';
import type { Finding, RelatedKind } from '../model/finding.js';
import type { RunResult } from '../model/result.js';
import { describeRelated } from './location.js';
import type { ReportOptions, Reporter } from './reporter.js';
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
  // added after the first columns, so that a sheet reading columns by position keeps working
  'sentence',
  'contradicts',
  'context',
] as const;

export const csvReporter: Reporter = {
  name: 'csv',
  description: 'one CSV row per finding (RFC 4180), waived findings included',
  format: formatCsv,
};

/** `options.bom: false` leaves out the UTF-8 byte-order mark, for programs that read it as text. */
export function formatCsv(result: RunResult, options: Pick<ReportOptions, 'bom'> = {}): string {
  // csv-stringify quotes a field holding the CRLF record delimiter but not a lone LF or CR, which
  // would split the row in a spreadsheet: a multi-line excerpt, or a file name with a newline.
  // Excel reads a CSV without a BOM in the machine's legacy code page, garbling "été" and "€".
  return stringify([[...csvHeader], ...result.findings.map(row)], { record_delimiter: 'windows', quoted_match: /[\r\n]/, bom: options.bom !== false });
}

/** The related locations of one kind, one per line of the cell. */
function relatedCell(finding: Finding, kind: RelatedKind): string {
  return finding.related
    .filter((place) => place.kind === kind)
    .map((place) => `${describeRelated(place)}${place.excerpt !== undefined ? ` "${place.excerpt}"` : ''}`)
    .join('\n');
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
    finding.context?.text ?? '',
    relatedCell(finding, 'contradiction'),
    relatedCell(finding, 'context'),
  ];
  return cells.map((cell) => neutraliseCsvCell(stripControl(cell, { keep: '\n\r\t' })));
}
