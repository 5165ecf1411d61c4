import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('onemessage matrix', () => {
  it('shows the planted contradictions of fixtures/acme, fact by channel', async () => {
    const result = await runCli(['matrix', 'fixtures/acme', '--as-of', '2026-12-15']);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^fact\s+spec\s+marketing\s+sales\s+support$/);
    expect(lines.find((l) => l.startsWith('return-window'))).toMatch(/^return-window\s+30 days\s+30[- ]days? ×\d+, 60-day ×1 ✖\s+60-day ×1 ✖, 30 days ×\d+\s+14 days ×\d+ ✖$/);
    expect(lines.find((l) => l.startsWith('annual-discount'))).toMatch(/^annual-discount\s+\(agree\)\s+20% ×1\s+25% ×1 ✖\s+20% ×1$/);
    expect(result.stdout).toContain('  return-window: support says 14 days at fixtures/acme/support/macros/returns.md:7:77\n');
    expect(result.stdout).toContain('  annual-discount: sales says 25% at fixtures/acme/sales/trail-club-pitch.md:12:37\n');
  });

  it('gives the same data as json', async () => {
    const result = await runCli(['matrix', 'fixtures/acme', '--format', 'json']);
    const data = JSON.parse(result.stdout);
    expect(data.channels).toEqual(['marketing', 'sales', 'support']);
    const returns = data.facts.find((row: { fact: string }) => row.fact === 'return-window');
    expect(returns.specValue).toBe('30 days');
    expect(returns.conflict).toBe(true);
    expect(returns.channels.support).toEqual([
      {
        text: '14 days',
        key: 'duration:day:14',
        count: 2,
        locations: [
          { path: 'fixtures/acme/support/macros/returns.md', line: 7, column: 77 },
          { path: 'fixtures/acme/support/zendesk-macros.json', line: 15, column: 164 },
        ],
        conflicting: true,
      },
    ]);
  });

  it('exits 0 when every channel agrees', async () => {
    const { tempRepo } = await import('../helpers/lint.js');
    const dir = tempRepo({
      'onemessage.yaml': 'version: 1\nchannels:\n  marketing: ["site/**"]\n  support: ["help/**"]\nfacts:\n  trial:\n    value: 14 days\n    says: ["{value} free trial"]\n',
      'site/a.md': 'Start your 14-day free trial.\n',
      'help/b.md': 'Every plan starts with a fourteen-day free trial.\n',
    });
    const result = await runCli(['matrix'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(['fact   spec     marketing  support', 'trial  14 days  14-day ×1  fourteen-day ×1', '', '✔ every channel states every fact the same way (1 fact)', ''].join('\n'));
  });
});
