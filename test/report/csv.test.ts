import { describe, expect, it } from 'vitest';
import { csvHeader, formatCsv } from '../../src/report/csv.js';
import { neutraliseCsvCell } from '../../src/report/text.js';
import { oddPath, sampleResult } from './sample.js';

/** A strict RFC 4180 reader: CRLF between records, quoted fields may hold anything. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quote');
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] === '"') {
          field += '"';
          i += 1;
        } else break;
      }
    } else {
      const stop = text.slice(i).search(/,|\r\n/);
      const end = stop < 0 ? text.length : i + stop;
      field = text.slice(i, end);
      if (/["\r\n]/.test(field)) throw new Error(`bare quote or line break in ${JSON.stringify(field)}`);
      i = end;
    }
    row.push(field);
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

describe('csv reporter', () => {
  const text = formatCsv(sampleResult());
  const rows = parseCsv(text);

  it('writes a header and one row per finding, waived ones included, with CRLF endings', () => {
    expect(rows[0]).toEqual([...csvHeader]);
    expect(text.startsWith('path,line,column,endLine,endColumn,severity,rule,item,channel,document,message,excerpt,fingerprint,suppressed,suppression reason,approved by,until\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(8);
  });

  it('parses back to the findings, with formula-looking cells neutralised', () => {
    expect(rows.slice(1)).toEqual([
      [oddPath, '7', '1', '7', '19', 'warning', 'claim/evidence', 'clinically-tested', 'marketing', '',
        '"clinically tested" needs a citation in its paragraph <script>alert(1)</script>\n"><img src=x onerror=alert(1)>',
        "'=cmd|' /C calc'!A0", '99aa88bb77cc66dd', '', '', '', ''],
      ['site/index.md', '3', '19', '3', '39', 'error', 'claim/forbidden', 'best-in-industry', 'marketing', '',
        'Superiority claims need substantiation we do not have. Say instead: highly rated by our customers',
        'best in the industry', '0a1b2c3d4e5f6071', '', '', '', ''],
      ['site/returns.md', '5', '12', '5', '18', 'error', 'fact/mismatch', 'return-window', 'marketing', '',
        'return-window is 30 days in the spec, but this says 60-day.', '60-day', 'f1e2d3c4b5a69788', '', '', '', ''],
      ['support/macros.csv', '4', '30', '4', '41', 'error', 'stock/promise', 'trailpack-45', 'support',
        '<img src=x onerror="window.__pwned=1"> (@SUM(A1))',
        '::error::TP-45 is made to order (6-8 weeks), 100% not "ships today": check, then say so',
        "'\tships today", '1234567890abcdef', '', '', '', ''],
      ['support/macros.csv', '6', '5', '6', '8', 'warning', 'stock/lead-time', 'trailpack-45', 'support',
        'Shipping times (=HYPERLINK("http://x"))',
        "'-2 weeks is shorter than the lead time of trailpack-45 (6-8 weeks)",
        "'+1 day\r\nor two", '', '', '', '', ''],
      ['support/zendesk-macros.json', '4', '52', '4', '60', 'info', 'term/use', 'sign in', 'support', 'Password reset (360000222)',
        'Use "sign in", not "login to".', 'login to', 'abcdefabcdef0001', '', '', '', ''],
      ['support/zendesk-macros.json', '14', '33', '14', '39', 'error', 'fact/mismatch', 'return-window', 'support', 'Legacy returns (360000333)',
        'return-window is 30 days in the spec, but this says 14-day.', '14-day', '5555666677778888',
        'exception', 'Legacy macros for orders placed before the policy change.', 'J. Doe, Legal', '2027-01-31'],
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
    expect(formatCsv({ ...sampleResult(), findings: [] })).toBe(`${csvHeader.join(',')}\r\n`);
    expect(formatCsv(sampleResult())).toBe(formatCsv(sampleResult()));
  });
});
