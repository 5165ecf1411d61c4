import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { loadSpec } from '../../src/spec/load.js';
import { runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const FILES = {
  'site/pricing.md': '---\ntitle: Pricing\n---\n\n# Pricing\n\nEvery plan starts with a 14-day free trial. Save 20% with annual billing.\n',
  'sales/scripts/demo.md': '**Rep:** You get a 14-day free trial, and you save 15% with annual billing.\n\n**Prospect:** Is there a 30-day trial?\n',
  'support/macros/billing.md': '---\ntitle: "Macro: Trial ending"\n---\n\nHi,\n\nYour 14-day free trial ends on Friday. Switch now and save 20% with annual billing.\n',
};

describe('onemessage discover', () => {
  it('prints the summary, conflicts first, and writes a draft that loads as a spec', async () => {
    const dir = tempRepo(FILES);
    const result = await runCli(['discover'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Read 3 files (sales 1, marketing 1, support 1; channels from folder names)',
        '',
        'Facts: 2, 1 with conflicting values',
        '  ✖ annual-discount  2 values in 3 statements, channels marketing, sales, support',
        '      20%  ×2  marketing 1, support 1  site/pricing.md:7:50  support/macros/billing.md:7:60',
        '      15%  ×1  sales 1  sales/scripts/demo.md:1:52',
        '      says: "save {value} with annual billing"',
        '  ✔ trial-length  14 days in 3 statements',
        '      14 days  ×3  sales 1, marketing 1, support 1  sales/scripts/demo.md:1:20  site/pricing.md:7:26  support/macros/billing.md:7:6',
        '      says: "{value} free trial"',
        '',
        'Claims: 0',
        '',
        'Draft spec written to onemessage.discovered.yaml: review it, then save it as onemessage.yaml.',
        '',
      ].join('\n'),
    );
    const draft = readFileSync(path.join(dir, 'onemessage.discovered.yaml'), 'utf8');
    expect(draft).toContain(['  # annual discount: CONFLICT, 2 values in 3 statements', '  #   20% (majority): 2 times (marketing 1, support 1) site/pricing.md:7:50, support/macros/billing.md:7:60', '  #   15%: once (sales 1) sales/scripts/demo.md:1:52', '  annual-discount:', '    value: "20%"', '    says:', '      - "save {value} with annual billing"'].join('\n'));
    expect(draft).toContain('channels:\n  marketing: ["site/**"]\n  sales: ["sales/**"]\n  support: ["support/**"]\n');
    const { spec, warnings } = loadSpec({ specPath: path.join(dir, 'onemessage.discovered.yaml'), cwd: dir, knownRuleIds: rules.map((r) => r.meta.id) });
    expect(warnings).toEqual([]);
    expect(spec.facts.map((f) => [f.id, f.value])).toEqual([
      ['annual-discount', '20%'],
      ['trial-length', '14 days'],
    ]);
    expect(spec.speakers.ignore).toEqual(['Prospect']);
  });

  it('never overwrites a draft without --force', async () => {
    const dir = tempRepo(FILES);
    writeFileSync(path.join(dir, 'onemessage.discovered.yaml'), '# hand edits\n');
    expect(await runCli(['discover'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'onemessage: onemessage.discovered.yaml exists; give --force to overwrite it, or --draft FILE to write elsewhere\n',
    });
    expect(readFileSync(path.join(dir, 'onemessage.discovered.yaml'), 'utf8')).toBe('# hand edits\n');
    expect((await runCli(['discover', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'onemessage.discovered.yaml'), 'utf8')).toContain('annual-discount:');
  });

  it('writes JSON and Markdown summaries, with no draft when asked', async () => {
    const dir = tempRepo(FILES);
    const json = await runCli(['discover', '--no-draft', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { draft?: string; facts: Array<{ id: string; agree: boolean; statements: number; values: Array<{ value: string; count: number }> }> };
    expect(parsed.draft).toBeUndefined();
    expect(parsed.facts.map((f) => [f.id, f.agree, f.statements, f.values.map((v) => `${v.value}×${v.count}`)])).toEqual([
      ['annual-discount', false, 3, ['20%×2', '15%×1']],
      ['trial-length', true, 3, ['14 days×3']],
    ]);
    const markdown = await runCli(['discover', '--no-draft', '--format', 'markdown'], { cwd: dir });
    expect(markdown.stdout).toContain('### `annual-discount`: **conflict** (marketing, sales, support)\n\n| value | count | channels | where |\n| --- | --- | --- | --- |\n| 20% | 2 | marketing 1, support 1 | site/pricing.md:7:50  support/macros/billing.md:7:60 |\n');
    expect((await runCli(['discover', '--format', 'sarif'], { cwd: dir })).stderr).toBe('onemessage: unknown format "sarif" for discover (one of: stylish, markdown, json)\n');
  });
});
