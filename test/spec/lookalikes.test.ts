/**
 * Spec text that is not what it looks like: ids, channels, terms and phrases with invisible
 * characters or letters from another alphabet are spec warnings at their line and column.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/model/diagnostic.js';
import { lookalikeProblem } from '../../src/spec/lookalikes.js';
import { load, workspace } from './helpers.js';

function warningsOf(yaml: string): string[] {
  return load(workspace({ 'onemessage.yaml': yaml })).warnings.map(formatDiagnostic);
}

describe('confusable and invisible characters in the spec', () => {
  it('best, bеst (Cyrillic е) and best + U+200B are three claims: the two look-alikes are warned about where they stand', () => {
    const yaml = [
      'version: 1',
      'channels:',
      '  marketing: ["site/**"]',
      'claims:',
      '  - id: best',
      '    says: ["the best"]',
      '    status: forbidden',
      '  - id: b\u0435st',
      '    says: ["the b\u0435st"]',
      '    status: forbidden',
      '  - id: "best\\u200b"',
      '    says: ["the best\u200b"]',
      '    status: forbidden',
      '',
    ].join('\n');
    expect(warningsOf(yaml)).toEqual([
      'onemessage.yaml:8:5: claim id "bеst" mixes alphabets in "bеst" (Latin with "е" U+0435 Cyrillic): it looks like another word than it is',
      'onemessage.yaml:9:12: phrase "the bеst" mixes alphabets in "bеst" (Latin with "е" U+0435 Cyrillic): it looks like another word than it is',
      'onemessage.yaml:11:5: claim id "best\\u{200B}" holds an invisible character (U+200B) at index 4',
      'onemessage.yaml:12:12: phrase "the best\\u{200B}" holds an invisible character (U+200B) at index 8',
    ]);
  });

  it('a bidi control in a channel name and a homoglyph in a term are warned about, and shown escaped', () => {
    const yaml = [
      'version: 1',
      'channels:',
      '  "sup\\u202Eport": ["support/**"]',
      'terms:',
      '  - use: Trail P\u0430ck',
      '    not: ["trailpack"]',
      '',
    ].join('\n');
    expect(warningsOf(yaml)).toEqual([
      'onemessage.yaml:3:3: channel "sup\\u{202E}port" holds an invisible character (U+202E) at index 3',
      'onemessage.yaml:5:5: term "Trail Pаck" mixes alphabets in "Pаck" (Latin with "а" U+0430 Cyrillic): it looks like another word than it is',
    ]);
  });

  it('text in one alphabet, whatever it is, is not warned about', () => {
    for (const text of ['best', 'лучший', 'καλύτερο', '最高の品質', 'Wi-Fi 6E', 'café']) expect(lookalikeProblem(text)).toBeUndefined();
  });
});
