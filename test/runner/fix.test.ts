/** Fixes on disk: overlap, encodings, BOM, CRLF, permissions, files changed since read, per-format escaping, and the diff. */
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/runner/diff.js';
import { encode, fixFiles } from '../../src/runner/fix-files.js';
import { applyFixes } from '../../src/lint/fix.js';
import { writeAtomic } from '../../src/runner/write-atomic.js';
import { escapeInJsonString } from '../../src/formats/escape.js';
import { escapeMarkdownText } from '../../src/formats/escape-markdown.js';
import { checkFolder, tempRepo } from '../helpers/lint.js';

const SPEC = `version: 1
channels:
  marketing: ["site/**"]
  support: ["support/**"]
claims:
  - id: best-in-industry
    says: ["best in the industry"]
    status: forbidden
    suggest: highly rated by our customers
    fix: true
terms:
  - use: TrailPack
    not: ["Trail Pack", "trail-pack"]
  - use: sign in
    not: ["login to"]
`;

async function runIn(dir: string) {
  return checkFolder(dir);
}

describe('applyFixes', () => {
  it('applies non-overlapping fixes from the end; of overlapping ones the first wins and the rest wait', () => {
    const text = 'The Trail Pack is the best in the industry.';
    const out = applyFixes(text, [
      { start: 4, end: 14, text: 'TrailPack' },
      { start: 8, end: 14, text: 'Bag' },
      { start: 22, end: 42, text: 'highly rated by our customers' },
    ]);
    expect(out.text).toBe('The TrailPack is the highly rated by our customers.');
    expect(out.applied).toHaveLength(2);
    expect(out.deferred).toEqual([{ start: 8, end: 14, text: 'Bag' }]);
  });

  it('counts a fix that writes what is there as no fix, and skips one its format refuses', () => {
    expect(applyFixes('TrailPack', [{ start: 0, end: 9, text: 'TrailPack' }]).applied).toEqual([]);
    expect(applyFixes('a,b', [{ start: 0, end: 1, text: 'x,y' }], () => undefined)).toEqual({ text: 'a,b', applied: [], deferred: [] });
  });
});

describe('escaping per format', () => {
  it('JSON: escapes quotes and backslashes, HTML-escapes inside an HTML string, keeps an ASCII-only file ASCII', () => {
    const source = '{"a": "Plain Trail Pack", "b": "<p>Trail Pack</p>", "c": "it\\u2019s"}';
    const plain = source.indexOf('Trail Pack');
    expect(escapeInJsonString('the "Pack" \\ lid', { source, start: plain, end: plain + 10 })).toBe('the \\"Pack\\" \\\\ lid');
    const html = source.indexOf('Trail Pack', plain + 1);
    expect(escapeInJsonString('Tom & Jerry’s <Pack>', { source, start: html, end: html + 10 })).toBe('Tom &amp; Jerry\\u2019s &lt;Pack&gt;');
    expect(escapeInJsonString('x', { source, start: 3, end: 6 })).toBeUndefined();
  });

  it('Markdown: backslash-escapes emphasis and link characters; front matter takes only plain words', () => {
    const source = '---\ntitle: The Trail Pack\n---\nThe Trail Pack.\n';
    expect(escapeMarkdownText('*Trail_Pack* [v2]', { source, start: 31, end: 41 })).toBe('\\*Trail\\_Pack\\* \\[v2\\]');
    expect(escapeMarkdownText('TrailPack', { source, start: 15, end: 25 })).toBe('TrailPack');
    expect(escapeMarkdownText('TrailPack: v2', { source, start: 15, end: 25 })).toBeUndefined();
  });
});

describe('fixFiles and writeAtomic', () => {
  it('keeps UTF-8 BOM, UTF-16 LE and BE, CRLF line endings and file permissions', async () => {
    const crlf = 'Every Trail Pack ships free.\r\nPlease login to your account.\r\n';
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/.keep': '' });
    const write = (rel: string, bytes: Buffer) => writeFileSync(path.join(dir, rel), bytes);
    write('site/bom.md', encode(crlf, 'utf-8-bom'));
    write('site/le.txt', encode(crlf, 'utf-16le'));
    write('site/be.txt', encode(crlf, 'utf-16be'));
    chmodSync(path.join(dir, 'site/bom.md'), 0o640);
    const result = await runIn(dir);
    const fixes = await fixFiles({ cwd: dir, result, dryRun: false });
    expect(fixes.map((f) => `${f.path} ${f.applied}`)).toEqual(['site/be.txt 2', 'site/bom.md 2', 'site/le.txt 2']);
    const fixed = 'Every TrailPack ships free.\r\nPlease sign in to your account.\r\n';
    expect(readFileSync(path.join(dir, 'site/bom.md'))).toEqual(encode(fixed, 'utf-8-bom'));
    expect(readFileSync(path.join(dir, 'site/le.txt'))).toEqual(encode(fixed, 'utf-16le'));
    expect(readFileSync(path.join(dir, 'site/be.txt'))).toEqual(encode(fixed, 'utf-16be'));
    expect(statSync(path.join(dir, 'site/bom.md')).mode & 0o777).toBe(0o640);
  });

  it('never touches a file that changed since it was read', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': 'The Trail Pack.\n' });
    const result = await runIn(dir);
    writeFileSync(path.join(dir, 'site/a.md'), 'The Trail Pack, now in green.\n');
    const fixes = await fixFiles({ cwd: dir, result, dryRun: false });
    expect(fixes).toEqual([{ path: 'site/a.md', before: '', after: '', applied: 0, deferred: 0, edits: [], skipped: 'it changed since it was read; run again' }]);
    expect(readFileSync(path.join(dir, 'site/a.md'), 'utf8')).toBe('The Trail Pack, now in green.\n');
    const file = path.join(dir, 'site/a.md');
    expect(await writeAtomic({ file, bytes: Buffer.from('x'), expectedSha256: '0'.repeat(64) })).toEqual({ ok: false, reason: 'it changed since it was read; run again' });
    expect(readFileSync(file, 'utf8')).toBe('The Trail Pack, now in green.\n');
  });

  it('leaves waived findings alone: a directive or an exception keeps the wording on purpose', async () => {
    const text = '<!-- onemessage-disable-next-line term/use -- the 2019 print ad, reproduced -->\nThe Trail Pack.\n\nThe Trail Pack.\n';
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': text });
    await fixFiles({ cwd: dir, result: await runIn(dir), dryRun: false });
    expect(readFileSync(path.join(dir, 'site/a.md'), 'utf8')).toBe(text.replace(/The Trail Pack\.\n$/, 'The TrailPack.\n'));
  });
});

describe('unifiedDiff', () => {
  it('prints hunks with three lines of context, merging near changes, and marks a missing final newline', () => {
    const before = ['a', 'b', 'c', 'd', 'Trail Pack', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'Trail Pack'].join('\n');
    const after = before.replace(/Trail Pack/g, 'TrailPack');
    expect(unifiedDiff({ path: 'site/a.md', before, after })).toBe(
      [
        '--- a/site/a.md',
        '+++ b/site/a.md',
        '@@ -2,7 +2,7 @@',
        ' b',
        ' c',
        ' d',
        '-Trail Pack',
        '+TrailPack',
        ' e',
        ' f',
        ' g',
        '@@ -11,4 +11,4 @@',
        ' j',
        ' k',
        ' l',
        '-Trail Pack',
        '\\ No newline at end of file',
        '+TrailPack',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff({ path: 'x', before: 'same\n', after: 'same\n' })).toBe('');
  });
});
