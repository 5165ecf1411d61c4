import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { rules as builtinRules } from '../../rules/index.js';
import { encodePath, formatSarif } from '../../src/report/sarif.js';
import { ruleInfo } from '../../src/session.js';
import { oddPath, sampleOptions, sampleResult } from './sample.js';
import { sarifValidator } from '../helpers/sarif.js';

const validator = sarifValidator;

function run(): Sarif.Run {
  const log = JSON.parse(formatSarif(sampleResult(), sampleOptions())) as Sarif.Log;
  return log.runs[0]!;
}

describe('sarif reporter', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const validate = validator();
    const log = JSON.parse(formatSarif(sampleResult(), sampleOptions()));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const empty = JSON.parse(formatSarif({ ...sampleResult(), findings: [], files: [], matrix: undefined }, sampleOptions()));
    expect(validate(empty), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // the format checks bite: a raw space in a URI is refused
    log.runs[0].artifacts[1].location.uri = 'sales/call script.md';
    expect(validate(log)).toBe(false);
  });

  it('describes the tool, its rules and the invocation', () => {
    const { tool, invocations, originalUriBaseIds, columnKind } = run();
    expect(tool.driver.name).toBe('onemessage');
    expect(tool.driver.version).toBe('0.1.0');
    expect(tool.driver.rules?.map((rule) => rule.id)).toEqual([
      'claim/evidence',
      'claim/forbidden',
      'fact/mismatch',
      'stock/lead-time',
      'stock/promise',
      'term/use',
    ]);
    expect(tool.driver.rules?.[1]).toEqual({
      id: 'claim/forbidden',
      shortDescription: { text: 'A forbidden claim is made.', markdown: 'A forbidden claim is made.' },
      fullDescription: {
        text: 'Forbidden claims are ones legal has ruled out; suggest says what to write instead.',
        markdown: 'Forbidden claims are ones legal has ruled out; `suggest` says what to write instead.',
      },
      help: { text: 'A forbidden claim is made.\n\nReported: best in the industry', markdown: 'A forbidden claim is made.\n\n**Reported:** `best in the industry`' },
      helpUri: 'https://onemessage.dev/rules/claim-forbidden',
      messageStrings: { forbidden: { text: '"{{phrase}}" is a forbidden claim ({{claim}}).{{note}}' } },
      defaultConfiguration: { level: 'error' },
      properties: { fixable: true },
    });
    expect(tool.driver.rules?.[2]?.shortDescription).toEqual({
      text: "A fact is stated with a value other than the spec's value.",
      markdown: "A fact is stated with a value other than the spec's `value`.",
    });
    expect(invocations?.[0]).toEqual({
      executionSuccessful: true,
      commandLine: 'onemessage check --format html .',
      arguments: ['onemessage', 'check', '--format', 'html', '.'],
      startTimeUtc: '2026-05-04T09:30:00.000Z',
      toolConfigurationNotifications: [{ level: 'warning', message: { text: 'channel "press" matches no file' } }],
    });
    expect(originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/acme/brand%20site/' } });
    expect(columnKind).toBe('utf16CodeUnits');
  });

  it('lists the spec and every checked file as artifacts with SHA-256 hashes and encoded URIs', () => {
    const { artifacts } = run();
    expect(artifacts?.map((artifact) => artifact.location?.uri)).toEqual([
      'onemessage.yaml',
      'sales/call-script.md',
      'site/blog/q3%20sale%2C%20100%25%20off%3A%20%C3%A9t%C3%A9.md',
      'site/index.md',
      'site/returns.md',
      'site/team.html',
      'support/macros.csv',
      'support/zendesk-macros.json',
    ]);
    expect(artifacts?.[0]).toEqual({
      location: { uri: 'onemessage.yaml', uriBaseId: '%SRCROOT%' },
      roles: ['userSpecifiedConfiguration'],
      hashes: { 'sha-256': 'a'.repeat(64) },
    });
    expect(artifacts?.[7]).toEqual({
      location: { uri: 'support/zendesk-macros.json', uriBaseId: '%SRCROOT%' },
      length: 3100,
      roles: ['analysisTarget'],
      hashes: { 'sha-256': '2'.repeat(64) },
      properties: { documents: 3, format: 'zendesk', channel: 'support' },
    });
  });

  it('maps a fact mismatch to its region, both other sides, the spec line and a fingerprint', () => {
    const result = run().results![2]!;
    expect(result.ruleId).toBe('fact/mismatch');
    expect(result.ruleIndex).toBe(2);
    expect(result.level).toBe('error');
    expect(result.message).toEqual({ text: 'return-window is 30 days in the spec, but this says 60-day.', id: 'mismatch' });
    expect(result.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'site/returns.md', uriBaseId: '%SRCROOT%', index: 4 },
          region: { startLine: 5, startColumn: 12, endLine: 5, endColumn: 18, charOffset: 131, charLength: 6, snippet: { text: '60-day' } },
        },
      },
    ]);
    expect(result.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'sales/call-script.md', uriBaseId: '%SRCROOT%', index: 1 },
          region: { startLine: 14, startColumn: 27, endLine: 14, endColumn: 34, charOffset: 402, charLength: 7, snippet: { text: '30 days' } },
        },
        message: { text: 'sales says 30 days (in sales)' },
        properties: { kind: 'contradiction' },
      },
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'support/zendesk-macros.json', uriBaseId: '%SRCROOT%', index: 7 },
          region: { startLine: 9, startColumn: 41, endLine: 9, endColumn: 47, charOffset: 288, charLength: 6, snippet: { text: '30-day' } },
        },
        message: { text: 'support says 30 days (in support, Returns: how to start one (360000111))' },
        properties: { kind: 'contradiction' },
      },
      {
        id: 2,
        physicalLocation: {
          artifactLocation: { uri: 'onemessage.yaml', uriBaseId: '%SRCROOT%', index: 0 },
          region: { startLine: 12, startColumn: 3 },
        },
        message: { text: 'spec fact return-window' },
      },
    ]);
    expect(result.partialFingerprints).toEqual({ 'onemessage/v1': 'f1e2d3c4b5a69788' });
    expect(result.properties).toEqual({ channel: 'marketing', item: { kind: 'fact', id: 'return-window' }, sentence: 'Enjoy hassle-free 60-day returns on every order.' });
  });

  it('labels context apart from the other side of a contradiction', () => {
    const result = run().results![3]!;
    expect(result.ruleId).toBe('stock/promise');
    expect(result.relatedLocations?.[0]).toMatchObject({ message: { text: expect.stringContaining('the section is about TrailPack 45') }, properties: { kind: 'context' } });
  });

  it('gives every built-in rule its help, its page and its messages, and stays valid', () => {
    const validate = validator();
    const rules = ruleInfo(builtinRules, { version: '0.1.0' });
    const log = JSON.parse(formatSarif({ ...sampleResult(), git: { commit: 'c'.repeat(40), clean: false, changed: 2 } }, { ...sampleOptions(), rules }));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const descriptors = (log as Sarif.Log).runs[0]!.tool.driver.rules!;
    for (const rule of builtinRules) {
      const descriptor = descriptors.find((d) => d.id === rule.meta.id)!;
      expect(descriptor.helpUri).toBe(`https://unpkg.com/onemessage@0.1.0/docs/rules/${rule.meta.id}.md`);
      expect(descriptor.help?.markdown).toContain(rule.meta.docs.details);
      expect(descriptor.help?.text).not.toContain('`');
      expect(descriptor.fullDescription?.text).not.toContain('`');
      expect(Object.keys(descriptor.messageStrings ?? {})).toEqual(Object.keys(rule.meta.messages));
    }
    expect((log as Sarif.Log).runs[0]!.properties?.git).toEqual({ commit: 'c'.repeat(40), clean: false, changed: 2 });
  });

  it('turns a fix into a replacement of a deleted region in source offsets', () => {
    const result = run().results![1]!;
    expect(result.fixes).toEqual([
      {
        description: { text: 'Replace with "highly rated by our customers"' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'site/index.md', uriBaseId: '%SRCROOT%', index: 3 },
            replacements: [{ deletedRegion: { charOffset: 58, charLength: 20 }, insertedContent: { text: 'highly rated by our customers' } }],
          },
        ],
      },
    ]);
  });

  it('marks an exception as an external, accepted suppression with its justification', () => {
    const result = run().results![6]!;
    expect(result.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Legacy macros for orders placed before the policy change. (approved by J. Doe, Legal; until 2027-01-31)',
        location: {
          physicalLocation: {
            artifactLocation: { uri: 'onemessage.yaml', uriBaseId: '%SRCROOT%', index: 0 },
            region: { startLine: 88 },
          },
        },
        properties: {
          origin: 'exception',
          reason: 'Legacy macros for orders placed before the policy change.',
          approvedBy: 'J. Doe, Legal',
          until: '2027-01-31',
        },
      },
    ]);
    expect(result.properties).toMatchObject({ documentTitle: 'Legacy returns', documentId: '360000333' });
  });

  it('marks a directive as an in-source suppression', () => {
    const base = sampleResult();
    const finding = { ...base.findings[1]!, suppression: { kind: 'directive' as const, reason: 'quoting a review', path: 'site/index.md', line: 2 } };
    const log = JSON.parse(formatSarif({ ...base, findings: [finding] }, sampleOptions())) as Sarif.Log;
    expect(log.runs[0]!.results![0]!.suppressions?.[0]).toMatchObject({ kind: 'inSource', justification: 'quoting a review' });
  });

  it('strips terminal escapes from messages and escapes literal brackets', () => {
    const results = run().results!;
    expect(results[3]!.message.text).toBe('::error::TP-45 is made to order (6-8 weeks), 100% not "ships today": check, then say so');
    const base = sampleResult();
    const bracketed = { ...base.findings[1]!, message: 'see [the policy](1)' };
    const log = JSON.parse(formatSarif({ ...base, findings: [bracketed] }, sampleOptions())) as Sarif.Log;
    expect(log.runs[0]!.results![0]!.message.text).toBe('see \\[the policy\\](1)');
  });

  it('adds rules that findings name but the caller did not list', () => {
    const log = JSON.parse(formatSarif(sampleResult(), { ...sampleOptions(), rules: [] })) as Sarif.Log;
    expect(log.runs[0]!.tool.driver.rules?.map((rule) => rule.id)).toEqual([
      'claim/evidence',
      'claim/forbidden',
      'fact/mismatch',
      'stock/promise',
      'stock/lead-time',
      'term/use',
    ]);
    expect(log.runs[0]!.results![4]!.ruleIndex).toBe(4);
  });

  it('encodes paths as URI references segment by segment', () => {
    expect(encodePath(oddPath)).toBe('site/blog/q3%20sale%2C%20100%25%20off%3A%20%C3%A9t%C3%A9.md');
    expect(encodePath("a#b?c/it's (1).md")).toBe('a%23b%3Fc/it%27s%20%281%29.md');
  });

  it('is byte-identical when formatted twice', () => {
    expect(formatSarif(sampleResult(), sampleOptions())).toBe(formatSarif(sampleResult(), sampleOptions()));
  });
});
