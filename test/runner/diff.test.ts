/** The unified diff: both ways of finding changed lines produce a patch that turns the old text into the new. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/runner/diff.js';
import { applyFixes } from '../../src/lint/fix.js';
import type { Fix } from '../../src/model/finding.js';

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

  // Linear time is checked by counting the lines unifiedDiff walks (its `stats` hook), not by a
  // clock: 10 times the lines and fixes must cost about 10 times the steps (quadratic: 100 times).
  it('is linear in the size of a file with a fix on every line (steps counted, not timed)', () => {
    const small = diffSteps(2_000, 1);
    const large = diffSteps(20_000, 1);
    expect(large / small).toBeGreaterThan(9);
    expect(large / small).toBeLessThan(11);
  });

  // Each hunk's header once counted the lines before it from the top of the file, so a file with
  // many hunks cost hunks x lines; the start lines are now carried from hunk to hunk.
  it('gives a right patch for fixes far apart, one hunk each', () => {
    expect(diffSteps(2_000, 10)).toBeGreaterThan(0);
  });

  it('is linear in the size of a file whose fixes are far apart, one hunk each', () => {
    const small = diffSteps(2_000, 10);
    const large = diffSteps(20_000, 10);
    expect(large / small).toBeGreaterThan(9);
    expect(large / small).toBeLessThan(11);
  });

  // applyFixes once rebuilt the whole text per fix (15,000 fixes in a 1.7 MB export took two
  // minutes); its `stats` hook counts the characters it writes, which must not grow with the fixes.
  it('applyFixes is linear in the number of fixes (characters written counted, not timed)', () => {
    const copied = (lines: number, every: number) => {
      const { before, after, edits } = fixedFile(lines, every);
      const stats = { copied: 0 };
      expect(applyFixes(before, edits, undefined, stats).text).toBe(after);
      return { copied: stats.copied, length: after.length };
    };
    for (const [lines, every] of [[2_000, 1], [20_000, 1], [20_000, 10]] as const) {
      const { copied: written, length } = copied(lines, every);
      expect(written).toBe(length);
    }
  });
});

/** A file of `lines` lines with a fix on every `every`-th, the fixed text and the fixes, made directly. */
function fixedFile(lines: number, every: number): { before: string; after: string; edits: Fix[] } {
  const before: string[] = [];
  const after: string[] = [];
  const edits: Fix[] = [];
  let offset = 0;
  for (let i = 0; i < lines; i++) {
    const line = `Line ${i}: the Trail Pack.\n`;
    if (i % every === 0) {
      const start = offset + line.indexOf('Trail Pack');
      edits.push({ start, end: start + 'Trail Pack'.length, text: 'TrailPack' });
      after.push(line.replace('Trail Pack', 'TrailPack'));
    } else after.push(line);
    before.push(line);
    offset += line.length;
  }
  return { before: before.join(''), after: after.join(''), edits };
}

/** The steps unifiedDiff takes on such a file; its patch must still turn the old text into the new. */
function diffSteps(lines: number, every: number): number {
  const { before, after, edits } = fixedFile(lines, every);
  const stats = { steps: 0 };
  const diff = unifiedDiff({ path: 'f', before, after, edits, stats });
  expect(applyPatch(before, diff)).toBe(after);
  return stats.steps;
}
