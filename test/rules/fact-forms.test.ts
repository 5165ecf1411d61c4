/**
 * Facts stated in the forms real copy uses: punctuation in templates (`{value}/mo`, a price in
 * brackets, commas), and (below) quantities of a kind. Sentences are written for the tests in
 * the shape of what real pages say, never copied.
 */
import { describe, expect, it } from 'vitest';
import { lintSnippet } from '../helpers/lint.js';

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
