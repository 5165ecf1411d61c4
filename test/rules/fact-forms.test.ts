/**
 * Facts stated in the forms real copy uses: punctuation in templates (`{value}/mo`, a price in
 * brackets, commas), and (below) quantities of a kind. Sentences are written for the tests in
 * the shape of what real pages say, never copied.
 */
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/spec/parse.js';
import { createSession } from '../../src/session.js';
import { CHANNELS, lintRepo, lintSnippet, VIRTUAL_ROOT } from '../helpers/lint.js';

/** Each fact/mismatch finding as `line:column message`. */
async function mismatches(spec: string, text: string): Promise<string[]> {
  return (await lintSnippet(spec, text)).filter((f) => f.ruleId === 'fact/mismatch').map((f) => `${f.start.line}:${f.start.column} ${f.message}`);
}

describe('template punctuation', () => {
  const PRICE = 'facts:\n  starter-price:\n    value: €4.20\n    says: ["{value}/mo"]';
  const TEAM = "facts:\n  team-price:\n    value: €49\n    says: ['Team \\({value}/month\\)']";

  it('matches "{value}/mo" where the text holds the slash, with or without spaces', async () => {
    expect(await mismatches(PRICE, 'The starter plan is €4.50/mo, billed yearly.\n')).toEqual(['1:21 "€4.50/mo" states starter-price as €4.50, but the spec says €4.20.']);
    expect(await mismatches(PRICE, 'Starter: €4.50 / mo.\n')).toEqual(['1:10 "€4.50 / mo" states starter-price as €4.50, but the spec says €4.20.']);
    expect(await mismatches(PRICE, 'The starter plan is €4.20/mo.\n')).toEqual([]);
  });

  it('needs the punctuation the template writes: "€4.50 mo" and "€4.50, mo" are not "{value}/mo"', async () => {
    expect(await mismatches(PRICE, 'It costs €4.50 mo.\n')).toEqual([]);
    expect(await mismatches(PRICE, 'It costs €4.50, mo.\n')).toEqual([]);
  });

  it('matches a price in brackets, written with escaped brackets', async () => {
    expect(await mismatches(TEAM, 'Pick Team (€39/month) for up to ten seats.\n')).toEqual(['1:12 "Team (€39/month)" states team-price as €39, but the spec says €49.']);
    expect(await mismatches(TEAM, 'Pick Team (€49/month) for up to ten seats.\n')).toEqual([]);
    // the closing bracket is part of the template: without it, no statement
    expect(await mismatches(TEAM, 'Pick Team (€39/month for up to ten seats.\n')).toEqual([]);
  });

  it('matches a template with a comma, which used to match nothing', async () => {
    const spec = 'facts:\n  trial:\n    value: 14 days\n    says: ["free for {value}, no card needed"]';
    expect(await mismatches(spec, 'Try it free for 30 days, no card needed.\n')).toEqual(['1:17 "free for 30 days, no card needed" states trial as 30 days, but the spec says 14 days.']);
  });
});

describe('quantities of a kind', () => {
  const TRIAL = 'facts:\n  trial-length:\n    value: 14 days\n    says: ["{value} (of )?(free )?trial", "free trial of {value}"]';

  it('takes no statement of another kind for the fact: money is not a trial length', async () => {
    expect(await mismatches(TRIAL, 'New accounts get $10 of trial credit.\n')).toEqual([]);
    expect(await mismatches(TRIAL, 'Start a 30-day free trial today.\n')).toEqual(['1:9 "30-day free trial" states trial-length as 30-day, but the spec says 14 days.']);
  });

  it('takes no duration for a price: "over a 30-day month" next to a price per GB', async () => {
    const spec = 'facts:\n  storage-price:\n    value: $0.08\n    says: ["(at|over) {value}"]';
    expect(await mismatches(spec, 'Storage is billed at $0.10 per GB over a 30-day month.\n')).toEqual(['1:22 "at $0.10" states storage-price as $0.10, but the spec says $0.08.']);
    expect(await mismatches(spec, 'Storage is billed at $0.08 per GB over a 30-day month.\n')).toEqual([]);
  });

  it('completes a bare number with the unit the template writes after it', async () => {
    const spec = 'facts:\n  annual-bonus:\n    value: 3 months\n    says: ["{value} free months"]';
    expect(await mismatches(spec, 'Pay yearly and get 3 free months.\n')).toEqual([]);
    expect(await mismatches(spec, 'Pay yearly and get 2 free months.\n')).toEqual(['1:20 "2 free months" states annual-bonus as 2, but the spec says 3 months.']);
  });

  it('reads "N or M" and "N to M" as ranges, in values and in text', async () => {
    const spec = 'facts:\n  password-length:\n    value: 8 or 9\n    says: ["{value} characters long"]';
    expect(await mismatches(spec, 'Passwords must be 8 or 10 characters long.\n')).toEqual(['1:19 "8 or 10 characters long" states password-length as 8 or 10, but the spec says 8 or 9.']);
    expect(await mismatches(spec, 'Passwords must be 8 to 9 characters long.\n')).toEqual([]);
    expect(await mismatches(spec, 'Passwords must be 8-9 characters long.\n')).toEqual([]);
  });

  it('says why under --debug', async () => {
    const session = createSession({ specText: `version: 1\n${CHANNELS}${TRIAL}\n`, cwd: VIRTUAL_ROOT, asOf: '2026-11-23', debug: true });
    await session.addText('marketing/page.md', 'New accounts get $10 of trial credit.\n');
    const result = session.finish();
    expect(result.findings).toEqual([]);
    expect(result.warnings).toEqual(['marketing/page.md:1:18: debug: "$10" is money, not a statement of trial-length, which is a duration']);
  });
});

describe('a declared kind', () => {
  it('is checked against the value when the spec loads', () => {
    const parsed = parseSpec('version: 1\nfacts:\n  trial:\n    value: $10\n    kind: duration\n    says: ["{value} trial"]\n', 'onemessage.yaml', { absPath: '/x/onemessage.yaml', knownRuleIds: [] });
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.reason}`)).toEqual(['5:11 facts.trial.kind is duration, but its value "$10" is money']);
  });

  it('keeps an agree-only fact to statements of its kind', async () => {
    const spec = 'facts:\n  discount:\n    kind: percentage\n    says: ["save {value} with annual billing"]';
    const result = await lintRepo({
      'onemessage.yaml': `version: 1\n${CHANNELS}${spec}\n`,
      'marketing/a.md': 'Save 20% with annual billing.\n',
      'sales/b.md': 'Save 20% with annual billing.\n',
      'support/c.md': 'Save $20 with annual billing.\n',
    });
    expect(result.findings.filter((f) => f.ruleId === 'fact/conflict')).toEqual([]);
  });
});
