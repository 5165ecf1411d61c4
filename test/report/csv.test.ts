import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvHeader, formatCsv } from '../../src/report/csv.js';
import { neutraliseCsvCell } from '../../src/report/text.js';
import { oddPath, sampleResult } from './sample.js';

/** csv-parse, strict: every row the same width, quotes only where RFC 4180 allows them, the BOM recognised. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false, relax_quotes: false }) as string[][];
}

describe('csv reporter', () => {
  const text = formatCsv(sampleResult());
  const rows = parseCsv(text);
  const header = 'path,line,column,endLine,endColumn,severity,rule,item,channel,document,message,excerpt,fingerprint,suppressed,suppression reason,approved by,until,sentence,contradicts,context';

  it('starts with a UTF-8 byte-order mark, so that Excel reads it as UTF-8, unless told not to', () => {
    expect(text.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const bare = formatCsv(sampleResult(), { bom: false });
    expect(bare.startsWith(`${header}\r\n`)).toBe(true);
    expect(bare).toBe(text.slice(1));
  });

  it('reads back with a CSV parser, non-ASCII text intact', () => {
    const bytes = Buffer.from(text, 'utf8');
    const again = parse(bytes, { bom: true }) as string[][];
    expect(again[1]![0]).toBe('site/blog/q3 sale, 100% off: été.md');
    expect(again).toEqual(rows);
  });

  it('writes a header and one row per finding, waived ones included, with CRLF endings', () => {
    expect(rows[0]).toEqual([...csvHeader]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(8);
  });

  it('parses back to the findings, with formula-looking cells neutralised', () => {
    expect(rows.slice(1)).toEqual([
      [oddPath, '7', '1', '7', '19', 'warning', 'claim/evidence', 'clinically-tested', 'marketing', '',
        '"clinically tested" needs a citation in its paragraph <script>alert(1)</script>\n"><img src=x onerror=alert(1)>',
        "'=cmd|' /C calc'!A0", '99aa88bb77cc66dd', '', '', '', '', '', '', ''],
      ['site/index.md', '3', '19', '3', '39', 'error', 'claim/forbidden', 'best-in-industry', 'marketing', '',
        'Superiority claims need substantiation we do not have. Say instead: highly rated by our customers',
        'best in the industry', '0a1b2c3d4e5f6071', '', '', '', '', '', '', ''],
      ['site/returns.md', '5', '12', '5', '18', 'error', 'fact/mismatch', 'return-window', 'marketing', '',
        'return-window is 30 days in the spec, but this says 60-day.', '60-day', 'f1e2d3c4b5a69788', '', '', '', '',
        'Enjoy hassle-free 60-day returns on every order.',
        'sales/call-script.md:14:27 (sales): sales says 30 days "30 days"\n' +
          'support/zendesk-macros.json:9:41 (support, Returns: how to start one (360000111)): support says 30 days "30-day"',
        ''],
      ['support/macros.csv', '4', '30', '4', '41', 'error', 'stock/promise', 'trailpack-45', 'support',
        '<img src=x onerror="window.__pwned=1"> (@SUM(A1))',
        '::error::TP-45 is made to order (6-8 weeks), 100% not "ships today": check, then say so',
        "'\tships today", '1234567890abcdef', '', '', '', '', '', '',
        'support/macros.csv:4:5 (support, <img src=x onerror="window.__pwned=1"> (@SUM(A1))): the section is about TrailPack 45 "TP-45"'],
      ['support/macros.csv', '6', '5', '6', '8', 'warning', 'stock/lead-time', 'trailpack-45', 'support',
        'Shipping times (=HYPERLINK("http://x"))',
        "'-2 weeks is shorter than the lead time of trailpack-45 (6-8 weeks)",
        "'+1 day\r\nor two", '', '', '', '', '', '', '', ''],
      ['support/zendesk-macros.json', '4', '52', '4', '60', 'info', 'term/use', 'sign in', 'support', 'Password reset (360000222)',
        'Use "sign in", not "login to".', 'login to', 'abcdefabcdef0001', '', '', '', '', '', '', ''],
      ['support/zendesk-macros.json', '14', '33', '14', '39', 'error', 'fact/mismatch', 'return-window', 'support', 'Legacy returns (360000333)',
        'return-window is 30 days in the spec, but this says 14-day.', '14-day', '5555666677778888',
        'exception', 'Legacy macros for orders placed before the policy change.', 'J. Doe, Legal', '2027-01-31', '', '', ''],
    ]);
  });

  it('quotes a cell holding a line break, a quote or a comma', () => {
    expect(text).toContain(`,"'+1 day\r\nor two",`);
    expect(text).toContain(`,"Shipping times (=HYPERLINK(""http://x""))",`);
    expect(text).toContain('\r\n"site/blog/q3 sale, 100% off: été.md",7,1,');
  });

  it('neutralises every cell a spreadsheet would run', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'ok', '1-2', ' =x'].map(neutraliseCsvCell)).toEqual([
      "'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'ok', '1-2', ' =x',
    ]);
    for (const cell of rows.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes only the header for a clean run, and the same bytes twice', () => {
    expect(formatCsv({ ...sampleResult(), findings: [] })).toBe(`\uFEFF${csvHeader.join(',')}\r\n`);
    expect(formatCsv(sampleResult())).toBe(formatCsv(sampleResult()));
  });
});
