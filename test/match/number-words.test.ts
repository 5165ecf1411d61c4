/**
 * The one number-word table serves the quantity reader, the matcher and the prefilter: every word
 * it knows is read as a value wherever a fact template has `{value}` (a matcher-private list
 * without the teens once missed "fifteen-day returns").
 */
import { describe, expect, it } from 'vitest';
import { NUMBER_WORDS } from '../../src/match/number-words.js';
import { lintSnippet } from '../helpers/lint.js';

const SPEC = 'facts:\n  return-window:\n    value: 30 days\n    says: ["{value} return"]';

/** How each word of the table is written as an amount of days: scale words need a number before them. */
function spelled(word: string, value: number): { text: string; days: number } {
  if (word === 'hundred' || word === 'thousand' || word === 'million' || word === 'billion') return { text: `one ${word}`, days: value };
  if (word === 'dozen') return { text: 'a dozen', days: 12 };
  return { text: word, days: value };
}

describe('number words through the matcher', () => {
  it('"Enjoy fifteen-day returns." is a fact/mismatch against 30 days', async () => {
    const findings = await lintSnippet(SPEC, 'Enjoy fifteen-day returns.\n');
    expect(findings.map((f) => `${f.start.line}:${f.start.column}-${f.end.column} ${f.ruleId} ${f.message}`)).toEqual([
      '1:7-18 fact/mismatch "fifteen-day returns" states return-window as fifteen-day, but the spec says 30 days.',
    ]);
  });

  it('every word the table knows is read as a value', async () => {
    expect(NUMBER_WORDS.size).toBe(33);
    for (const [word, value] of NUMBER_WORDS) {
      const { text, days } = spelled(word, value);
      const findings = (await lintSnippet(SPEC, `Enjoy ${text}-day returns.\n`)).filter((f) => f.ruleId === 'fact/mismatch');
      // Thirty days is the spec's value: no finding; every other amount is one mismatch, quoting the words as written.
      expect(findings.map((f) => f.excerpt), `${text} (${days} days)`).toEqual(days === 30 ? [] : [`${text}-day`]);
    }
  });
});
