/**
 * The language server's small parts on their own: when checks run (counted, never timed), the
 * settings a client may pass, and the conversions to LSP ranges.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findingDiagnostic, specDiagnostic, toRange } from '../../src/lsp/convert.js';
import type { Finding } from '../../src/model/finding.js';
import { CheckScheduler } from '../../src/lsp/scheduler.js';
import { readSettings } from '../../src/lsp/settings.js';

describe('CheckScheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('checks at once after a quiet spell, gathers the changes made during a check into one more, and never runs two at once', async () => {
    vi.useFakeTimers();
    let running = 0;
    let most = 0;
    let runs = 0;
    let release: (() => void) | undefined;
    const scheduler = new CheckScheduler(
      async () => {
        runs++;
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => (release = resolve));
        running--;
      },
      { delayMs: 100, onError: (error) => { throw error; } },
    );
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    for (let i = 0; i < 5; i++) scheduler.request();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1); // the first check is still running
    release!();
    await vi.advanceTimersByTimeAsync(99);
    expect(runs).toBe(1); // the next waits for the delay after the last check ended
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    release!();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    expect(most).toBe(1);
    scheduler.close();
  });

  it('reports a failed check and goes on', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const scheduler = new CheckScheduler(async () => {
      runs++;
      if (runs === 1) throw new Error('boom');
    }, { delayMs: 0, onError: (error) => errors.push(error) });
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(2);
    expect(errors).toEqual([new Error('boom')]);
  });
});

describe('readSettings', () => {
  it('takes good values, and names each bad one with the default it uses instead', () => {
    expect(readSettings({ asOf: '2026-11-30', delayMs: 0, indexDelayMs: 500, cache: false })).toEqual({ settings: { asOf: '2026-11-30', delayMs: 0, indexDelayMs: 500, cache: false }, problems: [] });
    expect(readSettings(undefined)).toEqual({ settings: { delayMs: 100, indexDelayMs: 1000 }, problems: [] });
    expect(readSettings('fast').problems).toEqual(['initializationOptions should be an object; using the defaults']);
    expect(readSettings({ cache: 'yes', delays: 3, asOf: '2026-02-30' }).problems).toEqual([
      'asOf should be a date as YYYY-MM-DD, found "2026-02-30"; using today',
      'cache should be true or false, found "yes"; using the cache when it exists',
      'unknown setting "delays" (known: asOf, delayMs, indexDelayMs, cache)',
    ]);
  });
});

describe('ranges', () => {
  it('takes 1 off lines and columns, and moves first-line columns past a byte order mark the editor kept', () => {
    const start = { line: 1, column: 5, offset: 4 };
    const end = { line: 2, column: 3, offset: 20 };
    expect(toRange(start, end)).toEqual({ start: { line: 0, character: 4 }, end: { line: 1, character: 2 } });
    expect(toRange(start, end, true)).toEqual({ start: { line: 0, character: 5 }, end: { line: 1, character: 2 } });
  });

  it('runs a spec problem to the end of its line, short of a comment and of a bare key’s colon', () => {
    const text = ['version: 1', 'clams:', '  - status: forbiden   # forbidden | allowed'];
    const at = (line: number, column: number) => specDiagnostic({ severity: 'error', source: 'spec', reason: 'r', file: 'onemessage.yaml', line, column }, (i) => text[i]).range;
    expect(at(2, 1)).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
    expect(at(3, 13)).toEqual({ start: { line: 2, character: 12 }, end: { line: 2, character: 20 } });
    expect(specDiagnostic({ severity: 'error', source: 'spec', reason: 'cannot read the spec', file: 'onemessage.yaml' }, () => undefined).range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('puts a place in an Office document or a PDF at the start of the file, and names it', () => {
    const inDeck = { line: 7, column: 15, offset: 120, place: { unit: 'slide' as const, number: 4, paragraph: 2, character: 15 } };
    const finding = {
      ruleId: 'fact/mismatch',
      severity: 'error',
      message: 'states return-window as 45 days',
      path: 'sales/pitch.pptx',
      start: inDeck,
      end: { ...inDeck, column: 22, offset: 127, place: { ...inDeck.place, character: 22 } },
      excerpt: '45 days',
      related: [{ kind: 'contradiction', path: 'sales/battle-card.docx', start: inDeck, end: inDeck, message: 'sales says "30 days"' }],
    } as Finding;
    const diagnostic = findingDiagnostic(finding, { cwd: '/repo', relatedInformation: true });
    expect(diagnostic.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    expect(diagnostic.message).toBe('slide 4 ¶2:15: states return-window as 45 days');
    expect(diagnostic.relatedInformation).toEqual([{ location: { uri: 'file:///repo/sales/battle-card.docx', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: 'sales says "30 days" (at slide 4 ¶2:15)' }]);
  });
});
