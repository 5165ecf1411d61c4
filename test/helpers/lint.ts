/**
 * Test helpers: lint realistic snippets through the real engine (spec loader, format readers,
 * matcher, rules), in a temporary folder laid out like a content repo.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import type { Finding, RunResult } from '../../src/model/finding.js';
import { check } from '../../src/lint/run.js';
import { loadSpec } from '../../src/spec/load.js';

export const CHANNELS = 'channels:\n  marketing: ["marketing/**"]\n  sales: ["sales/**"]\n  support: ["support/**"]\n';

/** Writes files (path -> content) into a fresh temporary folder and returns it. */
export function tempRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onemessage-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

export async function lintRepo(files: Record<string, string>, options: { asOf?: string; paths?: string[] } = {}): Promise<RunResult> {
  const dir = tempRepo(files);
  const { spec, warnings } = loadSpec({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, knownRuleIds: rules.map((r) => r.meta.id) });
  return check({ cwd: dir, paths: options.paths ?? ['.'], spec, asOf: options.asOf ?? '2026-11-23', specWarnings: warnings });
}

/** Lints one document in a channel against a spec snippet (channels are added). */
export async function lintSnippet(specYaml: string, text: string, options: { channel?: string; file?: string; asOf?: string } = {}): Promise<Finding[]> {
  const channel = options.channel ?? 'marketing';
  const file = options.file ?? `${channel}/page.md`;
  const result = await lintRepo({ 'onemessage.yaml': `version: 1\n${CHANNELS}${specYaml}\n`, [file]: text }, { asOf: options.asOf });
  return result.findings;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
}

export interface RuleCase {
  name: string;
  text: string;
  channel?: string;
  file?: string;
  asOf?: string;
}

/** ESLint's RuleTester, for onemessage: cases that must not fire, and cases that must, exactly. */
export function ruleTester(ruleId: string, suite: { spec: string; valid: RuleCase[]; invalid: Array<RuleCase & { errors: ExpectedFinding[] }> }): void {
  describe(ruleId, () => {
    for (const testCase of suite.valid) {
      it(`does not fire: ${testCase.name}`, async () => {
        const findings = (await lintSnippet(suite.spec, testCase.text, testCase)).filter((f) => f.ruleId === ruleId);
        expect(findings.map((f) => `${f.start.line}:${f.start.column} ${f.message}`)).toEqual([]);
      });
    }
    for (const testCase of suite.invalid) {
      it(`fires: ${testCase.name}`, async () => {
        const findings = (await lintSnippet(suite.spec, testCase.text, testCase)).filter((f) => f.ruleId === ruleId);
        expect(findings).toHaveLength(testCase.errors.length);
        testCase.errors.forEach((expected, i) => {
          const actual = findings[i]!;
          expect({ line: actual.start.line, column: actual.start.column }).toEqual({ line: expected.line, column: expected.column });
          if (expected.endLine !== undefined) expect(actual.end.line).toBe(expected.endLine);
          if (expected.endColumn !== undefined) expect(actual.end.column).toBe(expected.endColumn);
          if (typeof expected.message === 'string') expect(actual.message).toBe(expected.message);
          else if (expected.message) expect(actual.message).toMatch(expected.message);
        });
      });
    }
  });
}
