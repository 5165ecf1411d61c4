/**
 * The JUnit XML reporter: the run as one test suite with a test case per checked file, so CI
 * servers that read test results show each file as passed or failed.
 */
import type { Finding } from '../model/finding.js';
import type { RunResult } from '../model/result.js';
import type { Reporter } from './reporter.js';
import { describeSuppression, documentLabel, formatLocation, formatPosition, stripControl } from './text.js';

export const junitReporter: Reporter = {
  name: 'junit',
  description: 'JUnit XML: one test case per checked file, one failure per finding',
  format: formatJunit,
};

interface Case {
  path: string;
  channel?: string;
  findings: Finding[];
}

export function formatJunit(result: RunResult): string {
  const cases = testCases(result);
  const failed = cases.filter((testCase) => testCase.findings.some((f) => f.suppression === undefined)).length;
  const counts = `tests="${cases.length}" failures="${failed}" errors="0" skipped="0"`;
  const suiteName = result.spec.brand !== undefined ? `onemessage: ${result.spec.brand}` : 'onemessage';
  const timestamp = result.startedAt !== undefined ? ` timestamp="${attr(result.startedAt)}"` : '';
  const properties: Array<[string, string]> = [
    ['onemessage.version', result.version],
    ['spec', result.spec.path],
    ['spec.sha256', result.spec.sha256],
    ['asOf', result.asOf],
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="onemessage" ${counts}>`,
    `  <testsuite name="${attr(suiteName)}" ${counts}${timestamp}>`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`),
    '    </properties>',
    ...cases.flatMap(testCase),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

/** Every checked file in the run's order, then any other file a finding names (the spec, say). */
function testCases(result: RunResult): Case[] {
  const byPath = new Map<string, Case>();
  for (const file of result.files) byPath.set(file.path, { path: file.path, channel: file.channel, findings: [] });
  for (const finding of result.findings) {
    const entry = byPath.get(finding.path) ?? { path: finding.path, channel: finding.channel, findings: [] };
    entry.findings.push(finding);
    byPath.set(finding.path, entry);
  }
  return [...byPath.values()];
}

function testCase({ path, channel, findings }: Case): string[] {
  const open = `    <testcase name="${attr(path)}" classname="onemessage.${attr(channel ?? '(none)')}" file="${attr(path)}"`;
  if (findings.length === 0) return [`${open}/>`];
  const active = findings.filter((f) => f.suppression === undefined);
  const waived = findings.filter((f) => f.suppression !== undefined);
  const failures = active.map(
    (f) => `      <failure message="${attr(f.message)}" type="${attr(f.ruleId)}">${text(failureBody(f))}</failure>`,
  );
  const out =
    waived.length > 0
      ? [`      <system-out>${text(waived.map(waivedLine).join('\n'))}</system-out>`]
      : [];
  return [`${open}>`, ...failures, ...out, '    </testcase>'];
}

function waivedLine(finding: Finding): string {
  return `suppressed ${finding.ruleId} at ${formatPosition(finding.start)}: ${finding.message}\n  waived: ${describeSuppression(finding.suppression!)}`;
}

function failureBody(finding: Finding): string {
  const lines = [`${formatLocation(finding.path, finding.start)}: ${finding.severity} ${finding.ruleId}: ${finding.message}`];
  const document = documentLabel(finding);
  if (document !== undefined) lines.push(`document: ${document}`);
  lines.push(`excerpt: ${finding.excerpt}`);
  if (finding.item) lines.push(`spec: ${finding.item.kind} ${finding.item.id} (${finding.item.file}:${finding.item.line})`);
  for (const place of finding.related) {
    const quoted = place.excerpt !== undefined ? ` "${place.excerpt}"` : '';
    const where = [place.channel, documentLabel(place)].filter((part) => part !== undefined).join(', ');
    lines.push(`also: ${formatLocation(place.path, place.start)}${where ? ` (${where})` : ''}: ${place.message}${quoted}`);
  }
  if (finding.fix) lines.push(`fix: replace with "${finding.fix.text}"`);
  return lines.join('\n');
}

/** Removes what XML 1.0 cannot hold at all: terminal escapes, most C0 controls, lone surrogates, U+FFFE/U+FFFF. */
export function xmlSafe(value: string): string {
  return stripControl(value, { keep: '\n\r\t' }).replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

function text(value: string): string {
  // a raw carriage return would be read back as a line feed
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values keep their line breaks and tabs as character references, which parsers would otherwise normalise to spaces. */
function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}
