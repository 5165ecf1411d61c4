/**
 * Every file a folder walk finds is read or accounted for: files no reader takes are counted by
 * extension and reason, said in one line (stylish, markdown, github, html), in the json output
 * and as SARIF notifications; `formats.extensions` maps them to a reader.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { checkFolder, tempRepo } from '../helpers/lint.js';
import { sarifValidator } from '../helpers/sarif.js';

const SPEC = 'version: 1\nchannels:\n  marketing: ["site/**"]\nfacts:\n  trial:\n    value: 30 days\n    says: ["{value} free trial"]\n';
const PAGE = '{% extends "base.njk" %}\n<section class="hero">\n  <h1>Start your 14-day free trial</h1>\n  <script>track("14-day free trial")</script>\n</section>\n';

function site(spec = SPEC): string {
  return tempRepo({
    'onemessage.yaml': spec,
    '.gitignore': 'dist/\n',
    'site/index.njk': PAGE,
    'site/pricing.njk': PAGE,
    'site/about.md': 'Every plan starts with a 30-day free trial.\n',
    'site/img/hero.png': '',
    'site/img/logo.svg': '<svg/>',
    'site/app.tsx': 'export {};\n',
    'site/deck.key': 'PK',
    'site/LICENSE': 'MIT\n',
    'dist/index.html': '<p>A 14-day free trial</p>\n',
  });
}

describe('files no reader reads', () => {
  it('are counted by extension in one summary line, with the way to read those that may be copy', async () => {
    const result = await runCli(['check', '--no-color'], { cwd: site() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      '✔ no problems in 1 file\n' +
        '7 files not read. No reader: .njk (2), no extension (1), .key (1); map .njk with formats.extensions. Not copy: .png (1), .svg (1). Code or data: .tsx (1).\n',
    );
  });

  it('are listed in the json output and as SARIF tool execution notifications', async () => {
    const dir = site();
    const json = JSON.parse((await runCli(['check', '--format', 'json'], { cwd: dir })).stdout) as { notRead: unknown };
    expect(json.notRead).toEqual([
      { extension: '.njk', files: 2, reason: 'mappable' },
      { extension: '', files: 1, reason: 'other' },
      { extension: '.key', files: 1, reason: 'other' },
      { extension: '.png', files: 1, reason: 'not-copy' },
      { extension: '.svg', files: 1, reason: 'not-copy' },
      { extension: '.tsx', files: 1, reason: 'code' },
    ]);
    const sarif = JSON.parse((await runCli(['check', '--format', 'sarif'], { cwd: dir })).stdout) as {
      runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }> }>;
    };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const notifications = sarif.runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notifications[0]).toEqual({
      level: 'warning',
      message: { text: '2 .njk files not read: no reader reads them; map them to one with formats.extensions in the spec' },
      descriptor: { id: 'onemessage/not-read' },
      properties: { extension: '.njk', files: 2, reason: 'mappable' },
    });
    expect(notifications.map((n) => `${n.level} ${n.message.text}`).slice(1)).toEqual([
      'warning 1 file without an extension not read: no reader reads it',
      'warning 1 .key file not read: no reader reads it',
      'note 1 .png file not read: not copy (images, fonts, media, archives or binaries)',
      'note 1 .svg file not read: not copy (images, fonts, media, archives or binaries)',
      'note 1 .tsx file not read: code or data',
    ]);
  });

  it('with formats.extensions, are read by the reader named, and their findings appear', async () => {
    const result = await checkFolder(site(`${SPEC}formats:\n  extensions: { ".njk": html }\n`));
    expect(result.files.map((file) => `${file.path} ${file.format}`)).toEqual(['site/about.md markdown', 'site/index.njk html', 'site/pricing.njk html']);
    expect(result.findings.map((f) => `${f.path}:${f.start.line}:${f.start.column} ${f.ruleId} ${f.excerpt}`)).toEqual([
      'site/index.njk:3:18 fact/mismatch 14-day',
      'site/pricing.njk:3:18 fact/mismatch 14-day',
    ]);
    expect(result.notRead?.map((entry) => entry.extension)).toEqual(['', '.key', '.png', '.svg', '.tsx']);
  });

  it('a glob maps files more narrowly than an extension, and wins over it', async () => {
    const dir = tempRepo({
      'onemessage.yaml': `${SPEC}formats:\n  extensions: { ".page": text, "site/legacy/*.page": html }\n`,
      'site/new.page': '<b>A 14-day free trial</b>\n',
      'site/legacy/old.page': '<b>A 14-day free trial</b>\n',
    });
    const result = await checkFolder(dir);
    expect(result.files.map((file) => `${file.path} ${file.format}`)).toEqual(['site/legacy/old.page html', 'site/new.page text']);
    expect(result.findings.map((f) => `${f.path}:${f.start.column}`)).toEqual(['site/legacy/old.page:6', 'site/new.page:6']);
  });

  it('counts JSON outside every channel that is no macro export as data, in one run or merged from shards', async () => {
    const dir = tempRepo({
      'onemessage.yaml': SPEC,
      'package.json': '{ "name": "site", "version": "1.0.0" }\n',
      'i18n/en.json': '{ "cta": "Start your 14-day free trial" }\n',
      'site/about.md': 'Every plan starts with a 30-day free trial.\n',
    });
    const plain = await runCli(['check', '--no-color'], { cwd: dir });
    expect(plain.stdout).toBe('✔ no problems in 1 file\n2 files not read. Code or data: .json (2).\n');
    for (const i of [1, 2]) await runCli(['check', '--shard', `${i}/2`, '--format', 'shard', '--output', `s${i}.shard`], { cwd: dir });
    const merged = await runCli(['merge', 's1.shard', 's2.shard', '--no-color'], { cwd: dir });
    expect(merged.stdout).toBe(plain.stdout);
  });

  it('are not said at all when the walk passes over nothing', async () => {
    const result = await runCli(['check', '--no-color'], { cwd: tempRepo({ 'onemessage.yaml': SPEC, 'site/a.md': 'Hello.\n' }) });
    expect(result.stdout).toBe('✔ no problems in 1 file\n');
  });
});
