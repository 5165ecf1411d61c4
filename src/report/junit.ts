/**
 * The JUnit XML reporter, shaped as ESLint's junit formatter: a test suite per checked file and a
 * test case per finding (a failure; a waived finding is skipped, with who waived it), so that CI
 * servers list every finding rather than the first of each file. A clean file is one passing case.
 */
import type { Finding } from '../model/finding.js';
import type { RunResult } from '../model/result.js';
import { describeRelated } from './location.js';
import type { Reporter } from './reporter.js';
import { describeSuppression, documentLabel, formatLocation, formatPosition, stripControl } from './text.js';

export const junitReporter: Reporter = {
  name: 'junit',
  audit: true,
  description: 'JUnit XML: a test suite per checked file, a test case per finding',
  format: formatJunit,
};

interface Suite {
  path: string;
  channel?: string;
  findings: Finding[];
}

export function formatJunit(result: RunResult): string {
  const suites = testSuites(result);
  const tests = suites.reduce((sum, suite) => sum + Math.max(1, suite.findings.length), 0);
  const failures = result.findings.filter((f) => f.suppression === undefined).length;
  const name = result.spec.brand !== undefined ? `onemessage: ${result.spec.brand}` : 'onemessage';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(name)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.flatMap((suite) => testSuite(suite, result)),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

/** Every checked file in the run's order, then any other file a finding names (the spec, say). */
function testSuites(result: RunResult): Suite[] {
  const byPath = new Map<string, Suite>();
  for (const file of result.files) byPath.set(file.path, { path: file.path, ...(file.channel !== undefined ? { channel: file.channel } : {}), findings: [] });
  for (const finding of result.findings) {
    const entry = byPath.get(finding.path) ?? { path: finding.path, ...(finding.channel !== undefined ? { channel: finding.channel } : {}), findings: [] };
    entry.findings.push(finding);
    byPath.set(finding.path, entry);
  }
  return [...byPath.values()];
}

/** The run's provenance, on every suite: CI servers show a suite's properties, and the schema gives the root none. */
function runProperties(result: RunResult): Array<[string, string]> {
  const properties: Array<[string, string]> = [
    ['onemessage.version', result.version],
    ['spec', result.spec.path],
    ['spec.sha256', result.spec.sha256],
  ];
  if (result.spec.revision !== undefined) properties.push(['spec.revision', result.spec.revision]);
  // with nested specs, the brand folders' own specs, numbered in the run's order
  (result.specs ?? [])
    .filter((spec) => spec.path !== result.spec.path)
    .forEach((spec, index) => properties.push([`spec.nested.${index + 1}`, spec.path], [`spec.nested.${index + 1}.sha256`, spec.sha256]));
  properties.push(['asOf', result.asOf]);
  if (result.git) properties.push(['git.commit', result.git.commit], ['git.clean', String(result.git.clean)]);
  return properties;
}

/** No timestamp: it would be repeated on every suite, and a run's bytes may differ in one place only. */
function testSuite(suite: Suite, result: RunResult): string[] {
  const failures = suite.findings.filter((f) => f.suppression === undefined).length;
  const skipped = suite.findings.length - failures;
  const channel = suite.channel !== undefined ? ` package="onemessage.${attr(suite.channel)}"` : '';
  const className = classNameOf(suite.path);
  const cases =
    suite.findings.length === 0
      ? [`    <testcase name="${attr(suite.path)}" classname="${attr(className)}" time="0"/>`]
      : suite.findings.flatMap((finding) => testCase(finding, className));
  return [
    `  <testsuite name="${attr(suite.path)}" tests="${Math.max(1, suite.findings.length)}" failures="${failures}" errors="0" skipped="${skipped}" time="0" file="${attr(suite.path)}"${channel}>`,
    '    <properties>',
    ...runProperties(result).map(([key, value]) => `      <property name="${attr(key)}" value="${attr(value)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
  ];
}

/** As ESLint does: the path without its extension, so that a server splitting class names at dots keeps the path whole. */
function classNameOf(path: string): string {
  return path.replace(/\.[^./]+$/, '');
}

function testCase(finding: Finding, className: string): string[] {
  const document = documentLabel(finding);
  const name = `${finding.ruleId} at ${formatPosition(finding.start)}${document !== undefined ? ` in ${document}` : ''}`;
  const open = `    <testcase name="${attr(name)}" classname="${attr(className)}" time="0">`;
  if (finding.suppression) {
    return [open, `      <skipped message="${attr(`waived by ${finding.suppression.kind}: ${describeSuppression(finding.suppression)}`)}"/>`, '    </testcase>'];
  }
  return [open, `      <failure message="${attr(finding.message)}" type="${attr(finding.ruleId)}">${text(failureBody(finding))}</failure>`, '    </testcase>'];
}

function failureBody(finding: Finding): string {
  const lines = [`${formatLocation(finding.path, finding.start)}: ${finding.severity} ${finding.ruleId}: ${finding.message}`];
  const document = documentLabel(finding);
  if (document !== undefined) lines.push(`document: ${document}`);
  lines.push(`excerpt: ${finding.excerpt}`);
  if (finding.context !== undefined) lines.push(`sentence: ${finding.context.text}`);
  if (finding.item) lines.push(`spec: ${finding.item.kind} ${finding.item.id} (${finding.item.file}:${finding.item.line})`);
  for (const place of finding.related) {
    const quoted = place.excerpt !== undefined ? ` "${place.excerpt}"` : '';
    lines.push(`${place.kind === 'contradiction' ? 'contradicts' : 'context'}: ${describeRelated(place)}${quoted}`);
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
