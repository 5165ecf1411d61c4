/**
 * The sentence a finding carries (what a report quotes around the matched words), and the kind of
 * its related locations: a contradiction (another channel's statement) or context.
 */
import { describe, expect, it } from 'vitest';
import { sentenceAround, tidy } from '../../src/lint/sentence.js';
import { TextBuilder, type Document, type TextBlock } from '../../src/model/document.js';
import type { Finding, SentenceContext } from '../../src/model/finding.js';
import { CHANNELS, lintRepo } from '../helpers/lint.js';

const marked = (context: SentenceContext | undefined) =>
  context === undefined ? undefined : `${context.text.slice(0, context.start)}[${context.text.slice(context.start, context.end)}]${context.text.slice(context.end)}`;

const SPEC = `version: 1
${CHANNELS}facts:
  return-window:
    value: 30 days
    says: ["{value} return", "return (it)? within {value}"]
claims:
  - id: best
    says: ["best in the industry"]
    status: forbidden
products:
  trailpack-45:
    names: ["TrailPack 45"]
    stock: made-to-order
    lead-time: 6-8 weeks
`;

describe('the sentence around a finding', () => {
  it('is the sentence a reader sees, markup gone and white space collapsed, with the matched words marked', async () => {
    const result = await lintRepo({
      'onemessage.yaml': SPEC,
      'marketing/index.md': '# Home\n\nWelcome. We are the **best** in\nthe industry, says everyone. Thanks!\n',
    });
    const [finding] = result.findings;
    expect(finding!.excerpt).toBe('best** in\nthe industry');
    expect(marked(finding!.context)).toBe('We are the [best in the industry], says everyone.');
  });

  it('travels with a corpus finding, and with the other side of the contradiction', async () => {
    const result = await lintRepo({
      'onemessage.yaml': SPEC,
      'marketing/returns.md': 'Changed your mind? Enjoy 60-day returns on every order.\n',
      'sales/script.md': 'Rep: You can return it within 30 days. No questions asked.\n',
    });
    const [finding] = result.findings;
    expect(finding!.ruleId).toBe('fact/mismatch');
    expect(marked(finding!.context)).toBe('Enjoy [60-day] returns on every order.');
    expect(finding!.related).toHaveLength(1);
    expect(finding!.related[0]!.kind).toBe('contradiction');
    expect(marked(finding!.related[0]!.context)).toBe('Rep: You can return it within [30 days].');
  });

  it('marks a product named earlier in the section as context, not as a contradiction', async () => {
    const result = await lintRepo({
      'onemessage.yaml': SPEC,
      'marketing/pack.md': '# The TrailPack 45\n\nBuilt for long trails.\n\nIn stock and ready to ship.\n',
    });
    const promise = result.findings.find((f: Finding) => f.ruleId === 'stock/promise');
    expect(promise?.related.map((r) => [r.kind, r.message, marked(r.context)])).toEqual([['context', 'the section is about TrailPack 45', 'The [TrailPack 45]']]);
  });

  it('cuts a long sentence around the match on word boundaries', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const text = `${words} MATCH ${words}.`;
    const at = text.indexOf('MATCH');
    const context = tidy(text, at, at + 5);
    expect(context.text.length).toBeLessThan(300);
    expect(context.text.startsWith('… word')).toBe(true);
    expect(context.text.endsWith(' …')).toBe(true);
    expect(context.text.slice(context.start, context.end)).toBe('MATCH');
  });

  it('keeps the match right when white space before it collapses', () => {
    const context = tidy('  a \n\n  b   MATCH  c ', 12, 17);
    expect(context).toEqual({ text: 'a b MATCH c', start: 4, end: 9 });
  });
});

describe('finding the sentence in a document of many blocks', () => {
  it('reads each block\'s source map a bounded number of times, not once per finding per block', () => {
    // A page of thousands of component props, each a block with a finding in it.
    let reads = 0;
    const blocks: TextBlock[] = [];
    const source: string[] = [];
    let at = 0;
    for (let i = 0; i < 2000; i++) {
      const text = `Start your 14-day trial ${i}.`;
      const builder = new TextBuilder();
      builder.appendVerbatim(text, at);
      const block = builder.build({ kind: 'field', field: 'headline' })!;
      const runs = block.runs;
      Object.defineProperty(block, 'runs', { get: () => (reads++, runs) });
      blocks.push(block);
      source.push(`${text}\n`);
      at += text.length + 1;
    }
    const doc: Document = { path: 'site/props.md', format: 'markdown', blocks, directives: [] };
    let offset = 0;
    const found: string[] = [];
    for (const line of source) {
      const context = sentenceAround(doc, offset + 11, offset + 17);
      found.push(context!.text.slice(context!.start, context!.end));
      offset += line.length;
    }
    expect(found.every((excerpt) => excerpt === '14-day')).toBe(true);
    expect(reads).toBeLessThan(3 * blocks.length);
  });
});
