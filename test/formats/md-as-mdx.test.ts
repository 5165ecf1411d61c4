/**
 * A `.md` page written as MDX (Docusaurus and Nextra read `.md` as MDX): detected by its imports,
 * exports and components, read as MDX, its ESM never prose; a page that fails as MDX is still
 * read, as Markdown; `formats.markdown.mdx` says always or never instead.
 */
import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/formats/markdown.js';
import { asMdx, looksLikeMdx, withoutEsm } from '../../src/formats/mdx-detect.js';
import type { FormatOptions } from '../../src/formats/format.js';
import { CHANNELS, lintRepo } from '../helpers/lint.js';
import { lineCol, outline } from './helpers.js';

const SPEC = `version: 1\n${CHANNELS}facts:\n  trial:\n    value: 30 days\n    says: ["{value} trial", "{value} free trial"]\n`;

const DOCUSAURUS = [
  '---',
  'title: Pricing',
  '---',
  '',
  "import PricingHero from '@site/src/components/PricingHero';",
  "import { Tabs, TabItem } from '@theme/Tabs';",
  '',
  '<PricingHero headline="Start your 10-day trial" />',
  '',
  '<!-- onemessage-disable-next-line fact/mismatch -- the partner plan -->',
  'Partners get a 14-day trial.',
  '',
].join('\n');

function read(text: string, options: Partial<FormatOptions> = {}) {
  return markdown.read({ path: 'site/pricing.md', text, options: { markdownFields: ['title'], ...options } }).documents[0]!;
}

async function findings(text: string, spec = SPEC): Promise<string[]> {
  const result = await lintRepo({ 'onemessage.yaml': spec, 'marketing/pricing.md': text });
  return result.findings.map((f) => `${f.start.line}:${f.start.column} ${f.ruleId} ${text.slice(f.start.offset, f.end.offset)}${f.suppression ? ' (waived)' : ''}`);
}

describe('a .md page written as MDX', () => {
  it('gives a finding at the exact place inside the component prop; the import lines give nothing', async () => {
    expect(await findings(DOCUSAURUS)).toEqual([
      `${lineCol(DOCUSAURUS, DOCUSAURUS.indexOf('10-day'))} fact/mismatch 10-day`,
      '11:16 fact/mismatch 14-day (waived)',
    ]);
    expect(lineCol(DOCUSAURUS, DOCUSAURUS.indexOf('10-day'))).toBe('8:35');
  });

  it('reads no import line as prose, and an HTML comment still carries its directive', () => {
    const document = read(DOCUSAURUS);
    expect(outline(document)).toEqual([
      { kind: 'field', field: 'title', text: 'Pricing' },
      { kind: 'field', field: 'headline', text: 'Start your 10-day trial' },
      { kind: 'paragraph', text: 'Partners get a 14-day trial.' },
    ]);
    expect(document.directives.map((d) => [d.kind, DOCUSAURUS.slice(d.start, d.end).slice(0, 4)])).toEqual([['disable-next-line', '<!--']]);
  });

  it('that does not parse as MDX is read as Markdown, its imports still not prose', async () => {
    const broken = `${DOCUSAURUS}\nLine one<br>line two, and 2 < 3 {oops.\n`;
    const document = read(broken);
    expect(outline(document).map((row) => row.text)).toEqual(['Pricing', 'Partners get a 14-day trial.', 'Line one line two, and 2 < 3 {oops.']);
    expect((await findings(broken)).map((line) => line.split(' ')[0])).toEqual(['11:16']);
  });

  it('with formats.markdown.mdx: false is Markdown, and with true is MDX or unreadable', () => {
    expect(outline(read(DOCUSAURUS, { markdownMdx: false })).map((row) => row.text)).toContain("import PricingHero from '@site/src/components/PricingHero';\nimport { Tabs, TabItem } from '@theme/Tabs';");
    expect(outline(read('Plain text with a <Badge text="New plan" />.\n', { markdownMdx: true }))).toEqual([
      { kind: 'paragraph', text: 'Plain text with a .' },
      { kind: 'field', field: 'text', text: 'New plan' },
    ]);
    expect(() => read('Line one<br>line two\n', { markdownMdx: true })).toThrow(expect.objectContaining({ name: 'FormatError', message: expect.stringMatching(/^Invalid MDX: /) }));
  });
});

describe('telling MDX from Markdown', () => {
  it('by an import or export statement, or a component opening a line, outside code and front matter', () => {
    expect(looksLikeMdx("import Tabs from '@theme/Tabs';\n\nText.\n")).toBe(true);
    expect(looksLikeMdx('import {\n  Tabs,\n} from "@theme/Tabs"\n')).toBe(true);
    expect(looksLikeMdx('export const meta = { title: "x" };\n')).toBe(true);
    expect(looksLikeMdx('<CtaBox\n  headline="Try it"\n/>\n')).toBe(true);
    expect(looksLikeMdx('Import these files first.\n\nWe export to CSV.\n')).toBe(false);
    expect(looksLikeMdx('import the data and go\n')).toBe(false);
    expect(looksLikeMdx('```js\nimport x from "y";\n```\n\n    <Indented />\n')).toBe(false);
    expect(looksLikeMdx('---\ntitle: import x from "y"\n---\n<div>html</div>\n')).toBe(false);
  });

  it('reads a Docusaurus heading id as no text', () => {
    expect(outline(read("import X from './x';\n\n## Date range <X /> {#date_range}\n"))).toEqual([{ kind: 'heading', depth: 2, text: 'Date range ' }]);
  });

  it('rewrites without moving a character', () => {
    const page = '---\nnote: <!-- kept -->\n---\nA <!-- onemessage-disable-line -->\n<!-- {braces} -->\nimport x from "y"\nimport {\n  z } from "w"\n\nText 😀.\n';
    const mdxText = asMdx(page);
    expect(mdxText.length).toBe(page.length);
    expect(mdxText).toBe('---\nnote: <!-- kept -->\n---\nA {/*  onemessage-disable-line */}\n<!-- {braces} -->\nimport x from "y"\nimport {\n  z } from "w"\n\nText 😀.\n');
    const plain = withoutEsm(page);
    expect(plain.length).toBe(page.length);
    expect(plain.split('\n').slice(5)).toEqual(['                 ', '        ', '              ', '', 'Text 😀.', '']);
  });
});
