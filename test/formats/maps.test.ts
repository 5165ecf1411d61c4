import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormatModule } from '../../src/formats/format.js';
import { allFormats, formatFor } from '../../src/formats/index.js';
import { parseJson, stringMap, type JsonString } from '../../src/formats/json-scan.js';
import { fixture, options } from './helpers.js';

// formatFor answers for loaded format modules only; the engine loads them by extension.
beforeAll(async () => {
  await allFormats();
});

const FIXTURES = ['landing.html', 'zendesk-macros.json', 'helpscout-saved-replies.json', 'freshdesk-canned-responses.json', 'intercom-macros.json', 'macros.csv'];

describe('source maps', () => {
  it.each(FIXTURES)('%s: every verbatim run spells itself, and runs are in order and cover the text', (name) => {
    const source = fixture(name);
    const format = formatFor(name, source) as FormatModule;
    for (const document of format.read({ path: name, text: source, options }).documents) {
      for (const block of document.blocks) {
        let covered = 0;
        for (const run of block.runs) {
          expect(run.text).toBe(covered);
          covered += run.length;
          const text = block.text.slice(run.text, run.text + run.length);
          if (run.length === run.sourceLength) expect(source.slice(run.source, run.source + run.length)).toBe(text);
          else if (run.sourceLength > 0) expect(source.slice(run.source, run.source + run.sourceLength)).toMatch(/^(?:\\|&|"")/);
        }
        expect(covered).toBe(block.text.length);
      }
    }
  });

  it('a JSON string maps each character to a spelling that decodes to it', () => {
    const escaped = fc.string({ unit: 'binary' }).map((value) => {
      // Escape a random selection of characters as \uXXXX on top of JSON.stringify's own escapes.
      const text = JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => (c.charCodeAt(0) % 2 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c));
      return { value, text };
    });
    fc.assert(
      fc.property(escaped, ({ value, text }) => {
        const parsed = parseJson(text) as JsonString;
        expect(parsed.value).toBe(value);
        const map = stringMap(text, parsed);
        for (let i = 0; i < value.length; i++) expect(JSON.parse(`"${text.slice(map.start(i), map.end(i))}"`)).toBe(value[i]);
      }),
      { numRuns: 300 },
    );
  });
});
