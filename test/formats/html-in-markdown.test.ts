/**
 * HTML inside Markdown and MDX is read as a browser reads it: the text of an HTML block, the
 * customer-visible attributes of inline tags, directives in comments; scripts, styles, code and
 * hidden elements are not text. Positions are exact.
 */
import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/formats/markdown.js';
import { mdx } from '../../src/formats/mdx.js';
import { CHANNELS, lintRepo } from '../helpers/lint.js';
import { lineCol, outline } from './helpers.js';

const SPEC = `version: 1\n${CHANNELS}facts:\n  backups:\n    value: 30 days\n    says: ["kept for {value}", "{value} of backups"]\n`;

/** Every finding as `line:col rule excerpt`, the excerpt being the source the finding points at. */
async function findings(file: string, text: string): Promise<string[]> {
  const result = await lintRepo({ 'onemessage.yaml': SPEC, [file]: text });
  return result.findings.map((f) => `${f.start.line}:${f.start.column} ${f.ruleId} ${text.slice(f.start.offset, f.end.offset)}`);
}

describe('HTML blocks in Markdown', () => {
  it('reads the text of a block-level element at its exact place', async () => {
    const page = '# Backups\n\n<aside class="note">Backups are kept for 9 days.</aside>\n\nMore text.\n';
    expect(await findings('support/backups.md', page)).toEqual([`${lineCol(page, page.indexOf('9 days'))} fact/mismatch 9 days`]);
    expect(lineCol(page, page.indexOf('9 days'))).toBe('3:42');
  });

  it('reads nothing inside a script or a style, as a block or inline', async () => {
    const page = [
      '<script>',
      'const note = "Backups are kept for 9 days.";',
      '</script>',
      '',
      '<style>.note::after { content: "Backups are kept for 9 days." }</style>',
      '',
      'Our policy <script>track("Backups are kept for 9 days.")</script> is simple.',
      '',
    ].join('\n');
    expect(await findings('support/backups.md', page)).toEqual([]);
    const [document] = markdown.read({ path: 'x.md', text: page, options: { markdownFields: [] } }).documents;
    expect(outline(document!)).toEqual([{ kind: 'paragraph', text: 'Our policy  is simple.' }]);
  });

  it('reads nothing inside inline code or a hidden element, and reads on after it closes', async () => {
    const page = 'Run <code>backup --keep "kept for 9 days"</code> or <span hidden>kept for 9 days</span> then: kept for 7 days.\n';
    expect(await findings('support/backups.md', page)).toEqual([`1:${page.indexOf('7 days') + 1} fact/mismatch 7 days`]);
  });

  it('reads alt, title and aria-label of inline tags and of HTML blocks, through entities', async () => {
    const page = [
      'See <img src="backup.png" alt="Backups kept for 9&nbsp;days"> and <abbr title="kept for 8 days">KF8</abbr>.',
      '',
      '<a class="button" href="/backups" aria-label="Backups: kept for 7 days">Learn more</a>',
      '',
      '<meta name="description" content="6 days of backups, always">',
      '',
    ].join('\n');
    const at = (needle: string) => lineCol(page, page.indexOf(needle));
    expect(await findings('support/backups.md', page)).toEqual([
      `${at('9&nbsp;days')} fact/mismatch 9&nbsp;days`,
      `${at('8 days')} fact/mismatch 8 days`,
      `${at('7 days')} fact/mismatch 7 days`,
      `${at('6 days')} fact/mismatch 6 days`,
    ]);
  });

  it('honours directives in comments inside an HTML block', async () => {
    const page = [
      '<!-- onemessage-disable-next-line fact/mismatch -- the legacy plan keeps 9 days -->',
      '<aside class="note">Legacy backups are kept for 9 days.</aside>',
      '',
      '<div>',
      '<p>Archives are kept for 8 days.</p> <!-- onemessage-disable-line fact/mismatch -- archive tier -->',
      '</div>',
      '',
    ].join('\n');
    const result = await lintRepo({ 'onemessage.yaml': SPEC, 'support/backups.md': page });
    expect(result.findings.map((f) => [f.start.line, f.ruleId, f.suppression?.kind])).toEqual([
      [2, 'fact/mismatch', 'directive'],
      [5, 'fact/mismatch', 'directive'],
    ]);
  });

  it('keeps an HTML paragraph in a list item part of the list item', () => {
    const [document] = markdown.read({ path: 'x.md', text: '- <b>Kept</b>\n\n  <p>for 30 days</p>\n', options: { markdownFields: [] } }).documents;
    expect(outline(document!)).toEqual([
      { kind: 'list-item', text: 'Kept' },
      { kind: 'list-item', text: 'for 30 days' },
    ]);
  });
});

describe('HTML written as JSX in MDX', () => {
  it('reads an element\'s text and skips scripts, styles and hidden elements', async () => {
    const page = [
      '<aside className="note">Backups are kept for 9 days.</aside>',
      '',
      '<script>Backups are kept for 8 days.</script>',
      '',
      'Text <span hidden>kept for 7 days</span> and <code>kept for 6 days</code> end.',
      '',
    ].join('\n');
    expect(await findings('support/backups.mdx', page)).toEqual([`1:46 fact/mismatch 9 days`]);
    const [document] = mdx.read({ path: 'x.mdx', text: page, options: { markdownFields: [] } }).documents;
    expect(outline(document!).map((row) => row.text)).toEqual(['Backups are kept for 9 days.', 'Text  and  end.']);
  });
});
