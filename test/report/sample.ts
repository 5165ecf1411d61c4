/**
 * A hand-built RunResult in the manner of the acme fixture, for the reporter tests: a fact
 * mismatch with both sides, a forbidden claim with a fix, a waived finding, macros in a Zendesk
 * export, and hostile text in messages, excerpts, titles and paths.
 */
import type { Finding, Position } from '../../src/model/finding.js';
import type { RunResult } from '../../src/model/result.js';
import type { ReportOptions } from '../../src/report/reporter.js';

export function at(line: number, column: number, offset: number): Position {
  return { line, column, offset };
}

/** The path of the hostile Markdown file: spaces, a comma, a colon, a percent sign, non-ASCII. */
export const oddPath = 'site/blog/q3 sale, 100% off: été.md';
export const hostileTitle = '<img src=x onerror="window.__pwned=1">';
export const scriptPayload = '<script>alert(1)</script>';
export const attributePayload = '"><img src=x onerror=alert(1)>';

export const factMismatch: Finding = {
  ruleId: 'fact/mismatch',
  messageId: 'mismatch',
  severity: 'error',
  message: 'return-window is 30 days in the spec, but this says 60-day.',
  path: 'site/returns.md',
  start: at(5, 12, 131),
  end: at(5, 18, 137),
  excerpt: '60-day',
  context: { text: 'Enjoy hassle-free 60-day returns on every order.', start: 18, end: 24 },
  channel: 'marketing',
  item: { kind: 'fact', id: 'return-window', file: 'onemessage.yaml', line: 12, column: 3 },
  related: [
    {
      kind: 'contradiction',
      path: 'sales/call-script.md',
      start: at(14, 27, 402),
      end: at(14, 34, 409),
      message: 'sales says 30 days',
      excerpt: '30 days',
      context: { text: 'Rep: You can return it within 30 days, no questions asked.', start: 30, end: 37 },
      channel: 'sales',
    },
    {
      kind: 'contradiction',
      path: 'support/zendesk-macros.json',
      start: at(9, 41, 288),
      end: at(9, 47, 294),
      message: 'support says 30 days',
      excerpt: '30-day',
      channel: 'support',
      documentTitle: 'Returns: how to start one',
      documentId: '360000111',
    },
  ],
  fingerprint: 'f1e2d3c4b5a69788',
};

export const forbiddenClaim: Finding = {
  ruleId: 'claim/forbidden',
  messageId: 'forbidden',
  severity: 'error',
  message: 'Superiority claims need substantiation we do not have. Say instead: highly rated by our customers',
  path: 'site/index.md',
  start: at(3, 19, 58),
  end: at(3, 39, 78),
  excerpt: 'best in the industry',
  channel: 'marketing',
  item: { kind: 'claim', id: 'best-in-industry', file: 'onemessage.yaml', line: 27, column: 5 },
  related: [],
  fix: { start: 58, end: 78, text: 'highly rated by our customers' },
  fingerprint: '0a1b2c3d4e5f6071',
};

export const hostileClaim: Finding = {
  ruleId: 'claim/evidence',
  severity: 'warning',
  message: `"clinically tested" needs a citation in its paragraph ${scriptPayload}\n${attributePayload}`,
  path: oddPath,
  start: at(7, 1, 210),
  end: at(7, 19, 228),
  excerpt: "=cmd|' /C calc'!A0",
  channel: 'marketing',
  item: { kind: 'claim', id: 'clinically-tested', file: 'onemessage.yaml', line: 35, column: 5 },
  related: [],
  fingerprint: '99aa88bb77cc66dd',
};

export const stockPromise: Finding = {
  ruleId: 'stock/promise',
  severity: 'error',
  message: '\u001b[31m::error::TP-45 is made to order (6-8 weeks), 100% not "ships today": check, then say so\u001b[0m',
  path: 'support/macros.csv',
  start: at(4, 30, 190),
  end: at(4, 41, 201),
  excerpt: '\tships today',
  channel: 'support',
  documentTitle: hostileTitle,
  documentId: '@SUM(A1)',
  item: { kind: 'product', id: 'trailpack-45', file: 'onemessage.yaml', line: 48, column: 3 },
  related: [
    {
      kind: 'context',
      path: 'support/macros.csv',
      start: at(4, 5, 165),
      end: at(4, 10, 170),
      message: 'the section is about TrailPack 45',
      excerpt: 'TP-45',
      documentTitle: hostileTitle,
      documentId: '@SUM(A1)',
      channel: 'support',
    },
  ],
  fingerprint: '1234567890abcdef',
};

export const leadTime: Finding = {
  ruleId: 'stock/lead-time',
  severity: 'warning',
  message: '-2 weeks is shorter than the lead time of trailpack-45 (6-8 weeks)',
  path: 'support/macros.csv',
  start: at(6, 5, 260),
  end: at(6, 8, 263),
  excerpt: '+1 day\r\nor two',
  channel: 'support',
  documentTitle: 'Shipping times',
  documentId: '=HYPERLINK("http://x")',
  item: { kind: 'product', id: 'trailpack-45', file: 'onemessage.yaml', line: 48, column: 3 },
  related: [],
};

export const termInMacro: Finding = {
  ruleId: 'term/use',
  severity: 'info',
  message: 'Use "sign in", not "login to".',
  path: 'support/zendesk-macros.json',
  start: at(4, 52, 120),
  end: at(4, 60, 128),
  excerpt: 'login to',
  channel: 'support',
  documentTitle: 'Password reset',
  documentId: '360000222',
  item: { kind: 'term', id: 'sign in', file: 'onemessage.yaml', line: 70, column: 5 },
  related: [],
  fix: { start: 120, end: 128, text: 'sign in to' },
  fingerprint: 'abcdefabcdef0001',
};

export const waivedMismatch: Finding = {
  ruleId: 'fact/mismatch',
  severity: 'error',
  message: 'return-window is 30 days in the spec, but this says 14-day.',
  path: 'support/zendesk-macros.json',
  start: at(14, 33, 512),
  end: at(14, 39, 518),
  excerpt: '14-day',
  channel: 'support',
  documentTitle: 'Legacy returns',
  documentId: '360000333',
  item: { kind: 'fact', id: 'return-window', file: 'onemessage.yaml', line: 12, column: 3 },
  related: [],
  fingerprint: '5555666677778888',
  suppression: {
    kind: 'exception',
    reason: 'Legacy macros for orders placed before the policy change.',
    approvedBy: 'J. Doe, Legal',
    until: '2027-01-31',
    path: 'onemessage.yaml',
    line: 88,
  },
};

/** A run over seven files, one of them clean and one never named by a finding. */
export function sampleResult(): RunResult {
  return {
    version: '0.1.0',
    spec: { path: 'onemessage.yaml', sha256: 'a'.repeat(64), brand: 'Acme Outdoor' },
    asOf: '2026-05-04',
    startedAt: '2026-05-04T09:30:00.000Z',
    command: ['onemessage', 'check', '--format', 'html', '.'],
    channels: ['marketing', 'sales', 'support'],
    files: [
      { path: 'sales/call-script.md', format: 'markdown', channel: 'sales', sha256: 'b'.repeat(64), documents: 1, bytes: 1840 },
      { path: oddPath, format: 'markdown', channel: 'marketing', sha256: 'c'.repeat(64), documents: 1, bytes: 640 },
      { path: 'site/index.md', format: 'markdown', channel: 'marketing', sha256: 'd'.repeat(64), documents: 1, bytes: 512 },
      { path: 'site/returns.md', format: 'markdown', channel: 'marketing', sha256: 'e'.repeat(64), documents: 1, bytes: 700 },
      { path: 'site/team.html', format: 'html', channel: 'marketing', sha256: 'f'.repeat(64), documents: 1, bytes: 2048 },
      { path: 'support/macros.csv', format: 'csv', channel: 'support', sha256: '1'.repeat(64), documents: 4, bytes: 900 },
      { path: 'support/zendesk-macros.json', format: 'zendesk', channel: 'support', sha256: '2'.repeat(64), documents: 3, bytes: 3100 },
    ],
    findings: [hostileClaim, forbiddenClaim, factMismatch, stockPromise, leadTime, termInMacro, waivedMismatch],
    warnings: ['channel "press" matches no file'],
    matrix: [
      {
        fact: 'free-shipping-minimum',
        specValue: '$50',
        channels: {
          marketing: [{ text: '$50', key: 'USD 50', count: 2, locations: [{ path: 'site/index.md', line: 9, column: 24 }], conflicting: false }],
          sales: [],
          support: [{ text: '50 dollars', key: 'USD 50', count: 1, locations: [{ path: 'support/macros.csv', line: 8, column: 12 }], conflicting: false }],
        },
        conflict: false,
      },
      {
        fact: 'return-window',
        specValue: '30 days',
        channels: {
          marketing: [{ text: '60-day', key: '60 d', count: 1, locations: [{ path: 'site/returns.md', line: 5, column: 12 }], conflicting: true }],
          sales: [{ text: '30 days', key: '30 d', count: 1, locations: [{ path: 'sales/call-script.md', line: 14, column: 27 }], conflicting: false }],
          support: [
            { text: '30-day', key: '30 d', count: 1, locations: [{ path: 'support/zendesk-macros.json', line: 9, column: 41 }], conflicting: false },
            { text: '14-day', key: '14 d', count: 1, locations: [{ path: 'support/zendesk-macros.json', line: 14, column: 33 }], conflicting: true },
          ],
        },
        conflict: true,
      },
    ],
  };
}

export function sampleOptions(): ReportOptions {
  const docs = (id: string) => `https://onemessage.dev/rules/${id.replace('/', '-')}`;
  return {
    color: false,
    cwd: '/home/acme/brand site',
    rules: [
      { id: 'claim/evidence', description: 'A needs-evidence claim has no citation in its paragraph.', defaultSeverity: 'warning', fixable: false, docsUrl: docs('claim/evidence') },
      {
        id: 'claim/forbidden',
        description: 'A forbidden claim is made.',
        defaultSeverity: 'error',
        fixable: true,
        docsUrl: docs('claim/forbidden'),
        details: 'Forbidden claims are ones legal has ruled out; `suggest` says what to write instead.',
        help: { markdown: 'A forbidden claim is made.\n\n**Reported:** `best in the industry`', text: 'A forbidden claim is made.\n\nReported: best in the industry' },
        messages: { forbidden: '"{{phrase}}" is a forbidden claim ({{claim}}).{{note}}' },
      },
      { id: 'fact/mismatch', description: "A fact is stated with a value other than the spec's `value`.", defaultSeverity: 'error', fixable: false, docsUrl: docs('fact/mismatch') },
      { id: 'stock/lead-time', description: "A stated delivery time is shorter than the product's lead time.", defaultSeverity: 'warning', fixable: false },
      { id: 'stock/promise', description: 'An immediate-availability promise for a product that is not in stock.', defaultSeverity: 'error', fixable: false },
      { id: 'term/use', description: "A term's avoided form is used.", defaultSeverity: 'warning', fixable: true, docsUrl: docs('term/use') },
    ],
  };
}
