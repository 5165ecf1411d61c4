import { describe, expect, it } from 'vitest';
import { reporters } from '../../src/report/index.js';
import { sampleOptions, sampleResult } from './sample.js';

describe('reporter registry', () => {
  it('names every reporter by its --format name', () => {
    expect(Object.keys(reporters)).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'csv', 'html', 'gitlab']);
    for (const [name, reporter] of Object.entries(reporters)) {
      expect(reporter.name).toBe(name);
      expect(reporter.description).toMatch(/^[a-zA-Z].+[^.]$/);
    }
  });

  it.each(Object.keys(reporters))('%s: same result, byte-identical output; only startedAt may differ', (name) => {
    const reporter = reporters[name]!;
    const first = reporter.format(sampleResult(), sampleOptions());
    expect(reporter.format(sampleResult(), sampleOptions())).toBe(first);
    const later = reporter.format({ ...sampleResult(), startedAt: '2026-05-05T10:00:00.000Z' }, sampleOptions());
    expect(later.replaceAll('2026-05-05T10:00:00.000Z', '2026-05-04T09:30:00.000Z')).toBe(first);
  });

  it.each(Object.keys(reporters))('%s: a run with no files and no findings still formats', (name) => {
    const empty = { ...sampleResult(), files: [], findings: [], warnings: [], matrix: undefined, command: undefined, startedAt: undefined };
    expect(typeof reporters[name]!.format(empty, sampleOptions())).toBe('string');
  });
});
