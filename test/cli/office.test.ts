/**
 * Office documents and PDFs in a run: the planted contradictions of acme's deck and battle card
 * with their slide and page in every report, files that cannot be read reported while the run
 * goes on, and the prefilter and the cache sparing a deck with no phrase.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../src/session.js';
import { docxFormat } from '../../src/formats/office/docx.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';

const ACME = ['check', 'fixtures/acme', '--as-of', '2026-12-15'];
const DECK = 'fixtures/acme/sales/pitch.pptx';
const CARD = 'fixtures/acme/sales/battle-card.docx';

describe('acme sales deck and battle card', () => {
  it('stylish shows the slide and page of each planted contradiction', async () => {
    const { stdout } = await runCli(ACME);
    expect(stdout).toContain(
      `${DECK}\n  slide 3 ¶3:21  error    "in stock and ships today" promises immediate availability, but TrailPack 45 (trailpack-45) is made to order with a 6-8 week lead time.  stock/promise\n`,
    );
    expect(stdout).toContain(`${CARD}\n  page 2 ¶2:30  error    "60-day money-back guarantee" states return-window as 60-day, but the spec says 30 days.`);
    // A claim in the speaker notes with a link beside it has its evidence: no finding on the deck but the promise.
    expect(stdout.split(`${DECK}\n`)[1]!.split('\n\n')[0]!.split('\n')).toHaveLength(1);
  });

  it('json carries the place beside the position in the extracted text, and no fix', async () => {
    const { stdout } = await runCli([...ACME, '--format', 'json']);
    const findings = (JSON.parse(stdout) as { findings: Array<Record<string, any>> }).findings;
    const promise = findings.find((f) => f.path === DECK)!;
    expect(promise.start).toEqual({ line: 10, column: 21, offset: 277, place: { unit: 'slide', number: 3, paragraph: 3, character: 21 } });
    expect(promise.excerpt).toBe('in stock and ships today');
    expect(promise.fix).toBeUndefined();
    const mismatch = findings.find((f) => f.path === CARD)!;
    expect(mismatch.start.place).toEqual({ unit: 'page', number: 2, paragraph: 2, character: 30 });
    // The other side of a contradiction elsewhere names the battle card by its place too.
    const related = findings.flatMap((f) => f.related as Array<Record<string, any>>).filter((r) => r.path === CARD);
    expect(related.every((r) => r.start.place?.unit === 'page')).toBe(true);
  });

  it('sarif gives a logical location beside a region over the extracted text, valid against the schema', async () => {
    const { stdout } = await runCli([...ACME, '--format', 'sarif']);
    const log = JSON.parse(stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const result = log.runs[0].results.find((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === 'fixtures/acme/sales/pitch.pptx');
    expect(result.locations[0].logicalLocations).toEqual([
      { name: 'slide 3 ¶3:21', fullyQualifiedName: `${DECK} slide 3 ¶3:21`, kind: 'slide', properties: { unit: 'slide', number: 3, paragraph: 3, character: 21 } },
    ]);
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 10, startColumn: 21, charOffset: 277, charLength: 24, snippet: { text: 'in stock and ships today' } });
  });

  it('the html report names the slide and the page', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'om-office-'));
    try {
      const out = path.join(dir, 'report.html');
      await runCli([...ACME, '--format', 'html', '--output', out]);
      const html = (await import('node:fs')).readFileSync(out, 'utf8');
      expect(html).toContain(`<span class="loc mono">${DECK} slide 3 ¶3:21</span>`);
      expect(html).toContain(`<span class="loc mono">${CARD} page 2 ¶2:30</span>`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('files that cannot be read', () => {
  it('a password-protected .docx, a corrupt .pptx, a scanned PDF and a zip bomb each say why, and the run goes on', async () => {
    const { stdout, code, stderr } = await runCli(['check', 'fixtures/formats/office', '--spec', 'fixtures/acme/onemessage.yaml', '--as-of', '2026-12-15']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        'fixtures/formats/office/bomb.docx',
        '  1:1  error    too large when unpacked: word/document.xml unpacks to 64 MiB (the limit for one part is 32 MiB); a zip bomb, or a document too large to check  file/unreadable',
        '',
        'fixtures/formats/office/broken.pptx',
        '  1:1  error    corrupt: not a readable zip archive (.pptx files are zip archives); it may be truncated or damaged  file/unreadable',
        '',
        'fixtures/formats/office/locked.docx',
        '  1:1  error    password-protected: the file is encrypted; onemessage takes no passwords, so check a copy saved without one  file/unreadable',
        '',
        'fixtures/formats/office/scanned.pdf',
        '  1:1  error    scanned: no text layer on any of its 1 page (images only); onemessage reads text, so run OCR on it first  file/unreadable',
        '',
        // The six readable files were read: ten files in all.
        '✖ 4 problems (4 errors, 0 warnings) in 10 files',
        '',
      ].join('\n'),
    );
  });
});

describe('prefilter and cache', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function workspace(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'om-office-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'onemessage.yaml'), 'version: 1\nclaims:\n  - id: best\n    says: ["best in the industry"]\n    status: forbidden\nspeakers:\n  ignore: ["Prospect"]\n');
    copyFileSync(path.join(ROOT, 'fixtures/formats/office/newsletter.docx'), path.join(dir, 'newsletter.docx'));
    copyFileSync(path.join(ROOT, 'fixtures/formats/office/script.docx'), path.join(dir, 'script.docx'));
    return dir;
  }

  it('a document with no phrase is unpacked but never matched; the one with a phrase is', async () => {
    const dir = workspace();
    const session = createSession({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, asOf: '2026-12-15' });
    const match = vi.spyOn(session.context.compiled.matcher, 'match');
    const records = await session.lintFiles(['.']);
    expect(records.map((r) => [r.path, r.format, r.documents])).toEqual([
      ['newsletter.docx', 'docx', 1],
      ['script.docx', 'docx', 1],
    ]);
    // script.docx holds "best in the industry" (said by a prospect, so no finding); newsletter.docx holds no phrase.
    expect(match).toHaveBeenCalledTimes(1);
    expect(session.finish().findings).toEqual([]);
  });

  it('with --cache an unchanged document is not unpacked again', async () => {
    const dir = workspace();
    const extract = vi.spyOn(docxFormat, 'extract');
    const first = createSession({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, asOf: '2026-12-15' });
    await first.lintFiles(['.'], { cache: true });
    expect(extract).toHaveBeenCalledTimes(2);
    const second = createSession({ specPath: path.join(dir, 'onemessage.yaml'), cwd: dir, asOf: '2026-12-15' });
    const records = await second.lintFiles(['.'], { cache: true });
    expect(extract).toHaveBeenCalledTimes(2);
    expect(records.map((r) => r.path)).toEqual(['newsletter.docx', 'script.docx']);
  });
});
