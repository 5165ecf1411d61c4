/**
 * `onemessage init` for a new user: a spec that loads, channels guessed from the folders found,
 * a clean first check, no overwriting without --force, and examples that are valid once uncommented.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { guessChannels, schemaRefFrom } from '../../src/cli/init.js';
import { initTemplate } from '../../src/cli/init-template.js';
import { loadSpec } from '../../src/spec/load.js';
import { runCli } from '../helpers/cli.js';
import { lintRepo, tempRepo } from '../helpers/lint.js';

const ruleIds = rules.map((rule) => rule.meta.id);

/** A small company's content, before onemessage: a site with a blog, call scripts, help-desk macros. */
const CONTENT = {
  'site/index.md': '---\ntitle: Acme Outdoor\n---\n# Gear for the long way round\n\nEvery TrailPack ships with a 30-day return window.\n',
  'site/blog/packing-list.md': '# What to pack for three days on the ridge\n\nStart with a Summit Tent and a stove you trust.\n',
  'scripts/discovery-call.md': '**Rep:** Thanks for taking the call. What trips are you planning?\n\n**Prospect:** Mostly weekends.\n',
  'help/macros/returns.md': '# Returns\n\nYou can return your order within 30 days for a full refund.\n',
  'drafts/.gitkeep': '',
  'node_modules/some-lib/site/readme.md': 'not ours\n',
};

describe('onemessage init', () => {
  it('writes a spec for the folders it finds, prints the next step, and the first check is clean', async () => {
    const dir = tempRepo(CONTENT);
    const init = await runCli(['init'], { cwd: dir });
    expect(init).toEqual({
      code: 0,
      stdout: [
        'Wrote onemessage.yaml',
        'Channels guessed from your folders:',
        '  marketing site/**  (2 files)',
        '  sales     scripts/**  (1 file)',
        '  support   help/**  (1 file)',
        '',
        'Next: uncomment and adapt the examples in it (facts, claims, terms), then run:',
        '  npx onemessage check',
        '',
      ].join('\n'),
      stderr: '',
    });
    const text = readFileSync(path.join(dir, 'onemessage.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/onemessage/schema/onemessage.schema.json');
    expect(text).toContain('channels:\n  marketing: ["site/**"]\n  sales: ["scripts/**"]\n  support: ["help/**"]\n');

    const { spec, warnings } = loadSpec({ specPath: 'onemessage.yaml', cwd: dir, knownRuleIds: ruleIds });
    expect(warnings).toEqual([]);
    expect(spec.channels.map((channel) => [channel.name, channel.globs])).toEqual([['marketing', ['site/**']], ['sales', ['scripts/**']], ['support', ['help/**']]]);

    // the starter spec's examples are all commented out: the first check says it can report nothing yet
    expect(await runCli(['check'], { cwd: dir })).toEqual({ code: 0, stdout: '✔ no problems in 4 files\n', stderr: emptyNote('onemessage.yaml') });
  });

  it('refuses to replace an existing spec without --force, in one line with exit 2', async () => {
    const dir = tempRepo({ ...CONTENT, 'onemessage.yml': 'version: 1\nbrand: Acme\n' });
    expect(await runCli(['init'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'onemessage: onemessage.yml already exists; run onemessage init --force to replace it\n' });
    expect(readFileSync(path.join(dir, 'onemessage.yml'), 'utf8')).toBe('version: 1\nbrand: Acme\n');

    writeFileSync(path.join(dir, 'onemessage.yaml'), 'version: 1\n');
    expect((await runCli(['init', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'onemessage.yaml'), 'utf8')).toContain('# Which files speak for which channel');
  });

  it('writes into a given folder and names it in the next command', async () => {
    const dir = tempRepo({ 'content/marketing/home.md': '# Welcome\n' });
    const result = await runCli(['init', 'content'], { cwd: dir });
    expect(result.stdout).toBe('Wrote content/onemessage.yaml\nChannels guessed from your folders:\n  marketing marketing/**  (1 file)\n\nNext: uncomment and adapt the examples in it (facts, claims, terms), then run:\n  npx onemessage check content\n');
    expect(await runCli(['check', 'content'], { cwd: dir })).toEqual({ code: 0, stdout: '✔ no problems in 1 file\n', stderr: emptyNote('content/onemessage.yaml') });
  });

  it('says so when no content folder is recognised, and the spec still loads', async () => {
    const dir = tempRepo({ 'README.md': '# Our repo\n' });
    const result = await runCli(['init'], { cwd: dir });
    expect(result.stdout).toContain('No content folders were recognised: add your channels (globs of the files each team owns) to it.\n');
    expect(loadSpec({ specPath: 'onemessage.yaml', cwd: dir, knownRuleIds: ruleIds }).spec.channels).toEqual([]);
  });
});

describe('guessChannels', () => {
  it('looks two levels down, case-insensitively, skips dependencies, hidden and empty folders', async () => {
    const dir = tempRepo({
      'copy/Blog/launch.md': '# Launch\n',
      'copy/landing/pricing.html': '<h1>Pricing</h1>',
      'sales/decks/notes.md': '# Notes\n',
      'support/.gitkeep': '',
      'zendesk/macros.json': '{"macros": []}',
      '.github/site/x.md': '# not copy\n',
      'node_modules/pkg/blog/x.md': '# not copy\n',
    });
    mkdirSync(path.join(dir, 'help'));
    expect(await guessChannels(dir)).toEqual([
      { name: 'marketing', globs: ['copy/Blog/**', 'copy/landing/**'], folders: ['copy/Blog', 'copy/landing'], files: 2 },
      { name: 'sales', globs: ['sales/**'], folders: ['sales'], files: 1 },
      { name: 'support', globs: ['zendesk/**'], folders: ['zendesk'], files: 1 },
    ]);
  });
});

describe('the schema reference', () => {
  it('points at the onemessage installed nearest the spec, relative to it', () => {
    const dir = tempRepo({ 'node_modules/onemessage/schema/onemessage.schema.json': '{}', 'copy/site/a.md': '# A\n' });
    expect(schemaRefFrom(dir)).toBe('./node_modules/onemessage/schema/onemessage.schema.json');
    expect(schemaRefFrom(path.join(dir, 'copy'))).toBe('../node_modules/onemessage/schema/onemessage.schema.json');
  });
});

describe('the examples in the written spec', () => {
  const configurations = {
    'no channels': [],
    'marketing only': [{ name: 'marketing', globs: ['site/**'] }],
    'sales and support': [{ name: 'sales', globs: ['sales/**'] }, { name: 'support', globs: ['support/**'] }],
    'all three': [{ name: 'marketing', globs: ['site/**'] }, { name: 'sales', globs: ['sales/**'] }, { name: 'support', globs: ['support/**'] }],
  };
  for (const [label, channels] of Object.entries(configurations)) {
    it(`load once uncommented (${label})`, () => {
      const dir = tempRepo({ 'onemessage.yaml': initTemplate({ channels, schemaRef: 'x', packs: [], examplesLive: true }) });
      const { spec } = loadSpec({ specPath: 'onemessage.yaml', cwd: dir, knownRuleIds: ruleIds });
      expect([spec.brand, spec.facts.length, spec.claims.length > 1, spec.products.length, spec.disclosures.length, spec.terms.length, spec.exceptions.length]).toEqual(['Acme Outdoor', 1, true, 1, 1, 1, 1]);
    });
  }

  it('report what they describe once uncommented', async () => {
    const channels = [{ name: 'marketing', globs: ['site/**'] }, { name: 'support', globs: ['support/**'] }];
    const result = await lintRepo({
      'onemessage.yaml': initTemplate({ channels, schemaRef: 'x', packs: [], examplesLive: true }),
      'site/index.md': 'Rated the best in the industry by weekend hikers.\n',
      'support/macros/login.md': 'Please login to your account to start a return.\n',
    });
    expect(result.findings.map((f) => `${f.path}:${f.start.line}:${f.start.column} ${f.ruleId}`)).toEqual(['site/index.md:1:11 claim/forbidden', 'support/macros/login.md:1:8 term/use']);
  });
});

function emptyNote(spec: string): string {
  return `onemessage: note: ${spec} holds no facts, claims, products, disclosures or terms yet, so nothing can be reported; uncomment and adapt its examples (see docs/spec.md)\n`;
}
