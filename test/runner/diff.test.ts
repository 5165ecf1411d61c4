/** The unified diff: both ways of finding changed lines produce a patch that turns the old text into the new. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/runner/diff.js';
import { applyFixes } from '../../src/lint/fix.js';

/** A minimal `patch`: applies the hunks of a unified diff to a text, checking every context and removed line. */
function applyPatch(before: string, diff: string): string {
  if (diff === '') return before;
  const source = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const lines = diff.split('\n').slice(2, -1);
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(lines[i]!);
    if (!header) throw new Error(`expected a hunk header, found ${lines[i]}`);
    const start = Number(header[1]) - (header[2] === '0' ? 0 : 1);
    while (at < start) out.push(source[at++]!);
    while (i + 1 < lines.length && !lines[i + 1]!.startsWith('@@')) {
      const line = lines[++i]!;
      const noNewline = lines[i + 1] === '\\ No newline at end of file';
      if (noNewline) i++;
      const text = line.slice(1) + (noNewline ? '' : '\n');
      if (line[0] === '+') out.push(text);
      else {
        if (source[at] !== text) throw new Error(`line ${at + 1}: expected ${JSON.stringify(text)}, found ${JSON.stringify(source[at])}`);
        if (line[0] === ' ') out.push(text);
        at++;
      }
    }
  }
  while (at < source.length) out.push(source[at++]!);
  return out.join('');
}

const textArb = fc
  .array(fc.tuple(fc.constantFrom('Trail Pack', 'hike', '', 'login to', 'x'), fc.constantFrom('\n', '\r\n', ' ', '\n\n')), { maxLength: 30 })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));

describe('unifiedDiff', () => {
  it('from the fixes or from Myers, the patch turns the old text into the new', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom('TrailPack', 'sign in to', '', '\n', 'A\nB')), { maxLength: 8 }), (before, raw) => {
        const fixes = raw.map(([start, length, text]) => {
          const at = before.length === 0 ? 0 : start % (before.length + 1);
          return { start: at, end: Math.min(before.length, at + length), text };
        });
        const { text: after, applied } = applyFixes(before, fixes);
        expect(applyPatch(before, unifiedDiff({ path: 'f', before, after, edits: applied }))).toBe(after);
        expect(applyPatch(before, unifiedDiff({ path: 'f', before, after }))).toBe(after);
      }),
      { numRuns: 500 },
    );
  });

  it('is linear in the size of a file with thousands of fixes', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `Line ${i}: the Trail Pack.\n`).join('');
    const fixes = Array.from({ length: 20_000 }, (_, i) => {
      const start = before.indexOf('Trail Pack', i * 26);
      return { start, end: start + 10, text: 'TrailPack' };
    });
    const { text: after, applied } = applyFixes(before, fixes);
    const started = performance.now();
    const diff = unifiedDiff({ path: 'f', before, after, edits: applied });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(applyPatch(before, diff)).toBe(after);
  });
});
