/**
 * What an editor relies on when it keeps one session and re-finishes it after each change: a
 * focused finish gives exactly the focused part of the whole result (waivers, cross-document
 * findings and fingerprints included), and documents can be replaced, re-read from disk and
 * forgotten without leaving anything behind.
 */
import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { focusOn } from '../../src/runner/check.js';
import { createSession } from '../../src/session.js';
import { acmeCopy } from '../helpers/acme.js';
import { tempRepo } from '../helpers/lint.js';

const AS_OF = '2026-12-15';

/** Every kind of waiver, and a conflict across files, so that a focus is tried on each. */
const WAIVERS = {
  'onemessage.yaml': [
    'version: 1',
    'channels:',
    '  marketing: ["site/**"]',
    '  support: ["support/**"]',
    'facts:',
    '  annual-discount:',
    '    says: ["save {value} with annual billing"]',
    'claims:',
    '  - id: best',
    '    says: ["best in the industry"]',
    '    status: forbidden',
    'terms:',
    '  - use: TrailPack',
    '    not: ["Trail Pack"]',
    'exceptions:',
    '  - files: "support/**"',
    '    rule: claim/forbidden',
    '    reason: Legacy macros.',
    '    approved-by: Legal',
    '  - files: "site/old/**"',
    '    rule: term/use',
    '    reason: Old pages.',
    '    approved-by: Legal',
    '    until: 2026-01-31',
    '',
  ].join('\n'),
  'site/a.md': 'Save 20% with annual billing.\n\n<!-- onemessage-disable-next-line claim/forbidden -- the award quote -->\nThe best in the industry.\n\n<!-- onemessage-disable-next-line term/use -->\nThe Trail Pack.\n',
  'site/b.md': 'Save 25% with annual billing.\n\n<!-- onemessage-disable-next-line claim/forbidden -- nothing here -->\nA plain line.\n',
  'site/old/c.md': 'The Trail Pack, since 2019. Save 20% with annual billing.\n',
  'support/d.md': 'The best in the industry. Save 20% with annual billing.\n',
};

async function indexed(cwd: string) {
  const session = createSession({ specPath: 'onemessage.yaml', cwd, asOf: AS_OF });
  await session.lintFiles(['.']);
  return session;
}

describe('a focused finish', () => {
  const corpora = [
    { name: 'fixtures/acme', cwd: acmeCopy },
    { name: 'a repository with every kind of waiver', cwd: () => tempRepo(WAIVERS) },
    { name: 'a generated corpus', cwd: () => tempRepo(Object.fromEntries(generateCorpus({ seed: 3, documents: 80, items: 40, hitRate: 0.6 }).files)) },
  ];
  it.each(corpora)('on $name gives what filtering the whole result gives, for each file and for sets of files', async ({ cwd: makeCwd }) => {
    const cwd = makeCwd();
    const session = await indexed(cwd);
    const whole = session.finish();
    const paths = session.documentPaths().sort();
    if (cwd.includes('onemessage-test-') && !whole.findings.some((f) => f.ruleId.startsWith('fact/'))) throw new Error('the corpus should hold a fact conflict');
    const focuses = [...paths.map((file) => [file]), paths.filter((_, i) => i % 3 === 0), ['site'], [paths[0]!, 'onemessage.yaml']];
    for (const focus of focuses) {
      expect(session.finish({ focus }), focus.join(', ')).toEqual(focusOn(whole, focus, cwd));
    }
    // What an editor asks after each edit: the same, without the message map.
    const { matrix, ...withoutMatrix } = session.finish({ focus: [paths[0]!] });
    expect(matrix).toBeDefined();
    expect(session.finish({ focus: [paths[0]!], matrix: false })).toEqual(withoutMatrix);
  });
});

describe('documents in a session', () => {
  it('finishes again with the same result: a waiver marked in one finish is not seen by the next', async () => {
    const session = await indexed(tempRepo(WAIVERS));
    const first = session.finish();
    expect(first.findings.filter((finding) => finding.suppression).length).toBeGreaterThan(0);
    expect(session.finish()).toEqual(first);
    expect((await session.lintText('site/a.md', WAIVERS['site/a.md'])).findings).toEqual(first.findings.filter((finding) => finding.path === 'site/a.md'));
  });

  it('replaces a document given as text, and a cross-document finding in another file follows it', async () => {
    const cwd = acmeCopy();
    const session = await indexed(cwd);
    const before = session.finish({ focus: ['sales/call-script.md'] }).findings.filter((finding) => finding.ruleId === 'fact/mismatch');
    // The call script says 30 days, the spec too: no mismatch there; the site's 60 days is the one reported, with the call script as related.
    expect(before).toEqual([]);
    const site = session.finish({ focus: ['site/index.md'] }).findings.find((finding) => finding.ruleId === 'fact/mismatch')!;
    expect(site.related.map((related) => related.path)).toContain('sales/call-script.md');

    await session.addText('sales/call-script.md', 'Rep: You can return it within 45 days.\n');
    const after = session.finish({ focus: ['sales/call-script.md', 'site/index.md'] });
    expect(after.findings.filter((finding) => finding.ruleId === 'fact/mismatch').map((finding) => [finding.path, finding.excerpt])).toEqual([
      ['sales/call-script.md', '45 days'],
      ['site/index.md', '60-day'],
    ]);
    const siteAfter = after.findings.find((finding) => finding.path === 'site/index.md' && finding.ruleId === 'fact/mismatch')!;
    expect(siteAfter.related.map((related) => related.path)).not.toContain('sales/call-script.md');
  });

  it('forgets a document, and re-reads one from disk as a folder walk would', async () => {
    const cwd = acmeCopy();
    const session = await indexed(cwd);
    expect(session.forget('sales/call-script.md')).toBe(true);
    expect(session.forget('sales/call-script.md')).toBe(false);
    expect(session.documentPaths()).not.toContain('sales/call-script.md');

    writeFileSync(path.join(cwd, 'sales/new.md'), 'We are the best in the industry.\n');
    expect(await session.recheckFile('sales/new.md')).toBe('sales/new.md');
    expect(session.finish({ focus: ['sales/new.md'] }).findings.map((finding) => finding.ruleId)).toEqual(['claim/forbidden']);

    rmSync(path.join(cwd, 'sales/new.md'));
    await session.recheckFile('sales/new.md');
    expect(session.documentPaths()).not.toContain('sales/new.md');

    // A JSON file outside every channel that is no macro export is no content for a walk: passed over, not reported.
    writeFileSync(path.join(cwd, 'package.json'), '{"name": "acme-content"');
    await session.recheckFile('package.json');
    expect(session.documentPaths()).not.toContain('package.json');
  });

  it('checks a document given as text as a walk finds it when asked (explicit: false)', async () => {
    const session = createSession({ specText: 'version: 1\nchannels:\n  support: ["support/**"]\n', cwd: tempRepo({}), asOf: AS_OF });
    await session.addText('package.json', '{"name": "x"', { explicit: false });
    expect(session.documentPaths()).toEqual([]);
    const named = await session.lintText('package.json', '{"name": "x"');
    expect(named.findings.map((finding) => finding.ruleId)).toEqual(['file/unreadable']);
  });

  it('stops indexing when its signal is aborted, and keeps what it had', async () => {
    const cwd = acmeCopy();
    const session = await indexed(cwd);
    const had = session.documentPaths().length;
    const controller = new AbortController();
    controller.abort(new Error('a newer spec'));
    await expect(session.lintFiles(['.'], { signal: controller.signal })).rejects.toThrow('a newer spec');
    expect(session.documentPaths()).toHaveLength(had);
  });
});
