/**
 * `onemessage/testing`: ESLint's RuleTester for onemessage rules, for the authors of plugins (and
 * used on the built-in rules): cases that must not fire and cases that must, at exact positions,
 * linted in memory through the same engine as `onemessage check`. Framework-free: it throws an
 * AssertionError, and registers one test per case where `describe`/`it` exist (vitest, jest,
 * mocha, node:test's describe/it).
 */
import { AssertionError } from 'node:assert';
import path from 'node:path';
import type { Rule } from './lint/rule.js';
import type { Finding } from './model/finding.js';
import type { RunResult } from './model/result.js';
import { createSession } from './session.js';

/** The channels every case's spec starts with: a document's folder picks its channel. */
export const TEST_CHANNELS = 'channels:\n  marketing: ["marketing/**"]\n  sales: ["sales/**"]\n  support: ["support/**"]\n';

export interface RuleTestCase {
  /** shown in the test's name */
  name?: string;
  /** the document (Markdown unless `file` says otherwise) */
  text: string;
  /** YAML added to the spec (`version: 1` and the channels above), e.g. a fact the rule reads */
  spec?: string;
  /** the document's channel (default `marketing`); it is linted as `<channel>/page.md` */
  channel?: string;
  /** the document's path instead, whose extension picks the format (`support/macros.json`) */
  file?: string;
  /** the date claims are judged at (default 2026-01-01) */
  asOf?: string;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  /** the whole message, or a pattern it matches */
  message?: string | RegExp;
}

export interface InvalidCase extends RuleTestCase {
  errors: ExpectedFinding[];
}

export interface RuleTestSuite {
  valid: Array<RuleTestCase | string>;
  invalid: InvalidCase[];
}

type Describe = (name: string, body: () => void) => unknown;
type It = (name: string, body: () => Promise<void>) => unknown;

/** Lints documents (path -> text) against a spec, with more rules than the built-in ones, in memory. */
export async function lintWith(options: { rules?: readonly Rule[]; spec?: string; files: Record<string, string>; asOf?: string }): Promise<RunResult> {
  const session = createSession({
    specText: `version: 1\n${TEST_CHANNELS}${options.spec ?? ''}\n`,
    cwd: path.resolve('/onemessage-rule-tester'),
    files: false,
    asOf: options.asOf ?? '2026-01-01',
    ...(options.rules ? { rules: options.rules } : {}),
  });
  for (const [file, text] of Object.entries(options.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) await session.addText(file, text);
  return session.finish();
}

export class RuleTester {
  /** Set these to your framework's (they default to the globals, when a test runner defines them). */
  static describe: Describe | undefined;
  static it: It | undefined;

  /** Registers one test per case (and per documented example); without a test framework, call `verify`. */
  run(rule: Rule, suite: RuleTestSuite): void {
    const describe = RuleTester.describe ?? (globalThis as { describe?: Describe }).describe;
    const it = RuleTester.it ?? (globalThis as { it?: It }).it;
    if (!describe || !it) throw new Error('RuleTester.run needs describe and it: set RuleTester.describe and RuleTester.it, or await verify(rule, suite)');
    describe(rule.meta.id, () => {
      for (const [name, check] of cases(rule, suite)) it(name, check);
    });
  }

  /** Runs every case and throws an AssertionError at the first that does not hold. */
  async verify(rule: Rule, suite: RuleTestSuite): Promise<void> {
    for (const [, check] of cases(rule, suite)) await check();
  }
}

function cases(rule: Rule, suite: RuleTestSuite): Array<[string, () => Promise<void>]> {
  const id = rule.meta.id;
  const findingsOf = async (test: RuleTestCase): Promise<Finding[]> => {
    const file = test.file ?? `${test.channel ?? 'marketing'}/page.md`;
    const result = await lintWith({ rules: [rule], ...(test.spec !== undefined ? { spec: test.spec } : {}), files: { [file]: test.text }, ...(test.asOf ? { asOf: test.asOf } : {}) });
    return result.findings.filter((finding) => finding.ruleId === id);
  };
  const show = (findings: Finding[]) => findings.map((f) => `${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column} ${f.messageId} ${f.message}`).join('\n') || '(none)';
  const out: Array<[string, () => Promise<void>]> = [];
  const { docs } = rule.meta;
  out.push([
    'the documented bad example reports it',
    async () => {
      const found = await findingsOf({ spec: docs.bad.spec, text: docs.bad.text, ...(docs.bad.channel ? { channel: docs.bad.channel } : {}) });
      if (found.length === 0) throw new AssertionError({ message: `${id}: meta.docs.bad reports nothing` });
    },
  ]);
  out.push([
    'the documented good example does not',
    async () => {
      const found = await findingsOf({ spec: docs.good.spec, text: docs.good.text, ...(docs.good.channel ? { channel: docs.good.channel } : {}) });
      if (found.length > 0) throw new AssertionError({ message: `${id}: meta.docs.good reports:\n${show(found)}` });
    },
  ]);
  for (const given of suite.valid) {
    const test = typeof given === 'string' ? { text: given } : given;
    out.push([
      `valid: ${test.name ?? test.text.trim().slice(0, 60)}`,
      async () => {
        const found = await findingsOf(test);
        if (found.length > 0) throw new AssertionError({ message: `${id} should not report, but reports:\n${show(found)}`, actual: show(found), expected: '(none)', operator: 'deepStrictEqual' });
      },
    ]);
  }
  for (const test of suite.invalid) {
    out.push([
      `invalid: ${test.name ?? test.text.trim().slice(0, 60)}`,
      async () => {
        const found = await findingsOf(test);
        const actual = found.map((finding, i) => describeFinding(finding, test.errors[i]));
        const expected = test.errors.map((error) => describeExpected(error));
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          throw new AssertionError({ message: `${id}: expected ${expected.length} finding(s), got:\n${show(found)}`, actual, expected, operator: 'deepStrictEqual' });
        }
      },
    ]);
  }
  return out;
}

/** A finding as much as the expectation names of it, so that an expectation may leave parts out. */
function describeFinding(finding: Finding, expected: ExpectedFinding | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = { line: finding.start.line, column: finding.start.column };
  if (expected?.endLine !== undefined) out.endLine = finding.end.line;
  if (expected?.endColumn !== undefined) out.endColumn = finding.end.column;
  if (expected?.messageId !== undefined) out.messageId = finding.messageId ?? '';
  if (typeof expected?.message === 'string') out.message = finding.message;
  else if (expected?.message instanceof RegExp) out.message = expected.message.test(finding.message) ? String(expected.message) : finding.message;
  return out;
}

function describeExpected(error: ExpectedFinding): Record<string, string | number> {
  const out: Record<string, string | number> = { line: error.line, column: error.column };
  if (error.endLine !== undefined) out.endLine = error.endLine;
  if (error.endColumn !== undefined) out.endColumn = error.endColumn;
  if (error.messageId !== undefined) out.messageId = error.messageId;
  if (error.message !== undefined) out.message = String(error.message);
  return out;
}

export type { Rule, RuleMeta, DocumentRule, CorpusRule, DocumentContext, Report } from './lint/rule.js';
export type { Finding } from './model/finding.js';
