/**
 * Front matter that real sites publish: a key set twice is read as Jekyll and Hugo read it (the
 * last value), with a warning; front matter too long or too complex is refused before it can
 * stall a run, and the other files are still checked.
 */
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../src/model/document.js';
import { MAX_FRONT_MATTER_LENGTH, MAX_FRONT_MATTER_TOKENS, readFrontMatter } from '../../src/formats/frontmatter.js';
import { markdown } from '../../src/formats/markdown.js';
import { CHANNELS, lintRepo } from '../helpers/lint.js';

const SPEC = `version: 1\n${CHANNELS}facts:\n  trial:\n    value: 30 days\n    says: ["{value} trial", "{value} free trial"]\n`;

function refusal(text: string): FormatError {
  try {
    markdown.read({ path: 'site/page.md', text, options: { markdownFields: ['title', 'description'] } });
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('the page was read');
}

describe('front matter with a key set twice', () => {
  const page = '---\ntitle: A 14-day free trial\ndescription: Plans\ntitle: A 10-day free trial\n---\n# Plans\n';

  it('is read with the last value, and warns at the later key naming the first', async () => {
    const result = await lintRepo({ 'onemessage.yaml': SPEC, 'marketing/plans.md': page });
    expect(result.findings.map((f) => `${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column} ${f.severity} ${f.ruleId} ${f.message}`)).toEqual([
      '4:1-4:6 warning file/duplicate-key "title" is set again here (first on line 2); the last value is the one read.',
      '4:10-4:16 error fact/mismatch "10-day free trial" states trial as 10-day, but the spec says 30 days.',
    ]);
    expect(result.findings[0]!.excerpt).toBe('title');
    expect(result.findings[0]!.channel).toBe('marketing');
  });

  it('is noted in nested maps too, and a first value alone reads as before', () => {
    const matter = '---\nseo:\n  title: One\n  title: Two\nlist:\n  - a: 1\n    a: 2\n---\n';
    const read = readFrontMatter({ source: matter, start: 4, end: matter.length - 4, fields: ['seo.title'] });
    expect(read.blocks.map((block) => block.text)).toEqual(['Two']);
    expect(read.notes.map((note) => [matter.slice(note.start, note.end), note.data])).toEqual([
      ['title', { key: 'title', firstLine: 3 }],
      ['a', { key: 'a', firstLine: 6 }],
    ]);
  });

  it('can be turned off like any rule', async () => {
    const result = await lintRepo({ 'onemessage.yaml': `${SPEC}severity:\n  file/duplicate-key: off\n`, 'marketing/plans.md': page });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['fact/mismatch']);
  });
});

describe('front matter read in bounded time and memory', () => {
  it('refuses front matter longer than the limit before any parser reads it, at the opening fence', () => {
    const long = `---\ndescription: "${'A 10-day free trial, no card needed.\n  '.repeat(MAX_FRONT_MATTER_LENGTH / 36 + 1)}"\n---\n# Plans\n`;
    const error = refusal(long);
    expect(error.message).toBe('front matter is 278 KB, more than the 256 KB onemessage reads; move long text into the page body');
    expect(error.offset).toBe(0);
  });

  it('refuses front matter whose YAML has more tokens than the parser may work through', () => {
    const many = `---\ntags: [${'a,'.repeat(MAX_FRONT_MATTER_TOKENS / 2)}a]\n---\n# Plans\n`;
    expect(many.length).toBeLessThan(MAX_FRONT_MATTER_LENGTH);
    expect(refusal(many).message).toBe(
      'front matter is too complex to read: more than 50,000 YAML tokens; onemessage stops there so that no page can stall a run',
    );
  });

  it('a multi-megabyte front matter string beside ordinary pages: that page is unreadable, the others are checked', async () => {
    // Continuation lines that are not indented: the YAML parser would make one error per line.
    const huge = `---\ntitle: Plans\ndescription: "${'Our 10-day free trial comes with every plan we sell today\n'.repeat(110_000)}"\n---\n# Plans\n`;
    expect(huge.length).toBeGreaterThan(6_000_000);
    const result = await lintRepo({
      'onemessage.yaml': SPEC,
      'marketing/huge.md': huge,
      'marketing/plans.md': 'Start a 14-day free trial today.\n',
      'support/trial.md': 'Every plan comes with a 30-day free trial.\n',
    });
    expect(result.files.map((file) => `${file.path} ${file.documents}`)).toEqual(['marketing/huge.md 0', 'marketing/plans.md 1', 'support/trial.md 1']);
    expect(result.findings.map((f) => `${f.path}:${f.start.line}:${f.start.column} ${f.ruleId} ${f.message}`)).toEqual([
      'marketing/huge.md:1:1 file/unreadable front matter is 6.1 MB, more than the 256 KB onemessage reads; move long text into the page body',
      'marketing/plans.md:1:9 fact/mismatch "14-day free trial" states trial as 14-day, but the spec says 30 days.',
    ]);
  });
});
