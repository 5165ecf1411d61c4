/**
 * The prefilter's view of Markdown: what it blanks and joins, where it gives up, and, against the
 * real reader and matcher on generated pages, that it never hides a phrase the reader finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/formats/markdown.js';
import { markdownPhraseView } from '../../src/formats/markdown-view.js';
import { compilePrefilter } from '../../src/match/prefilter.js';
import { Matcher } from '../../src/match/matcher.js';
import { compileTemplate } from '../../src/spec/compile.js';
import type { SpecPhrase } from '../../src/match/types.js';

const phrase = (source: string): SpecPhrase => ({
  kind: 'term',
  itemId: source,
  phrase: { source, isRegex: false, pos: { file: 's', line: 1, column: 1 }, template: compileTemplate(source, { allowValue: false }) },
});
const PHRASES = ['in stock', 'money-back guarantee', 'trail pack', 'waterproof', 'box', 'get it today', 'e-mail'].map(phrase);
const prefilter = compilePrefilter(PHRASES)!;
const matcher = new Matcher(PHRASES, { ignoredSpeakers: [] });
const options = { markdownFields: ['title', 'description'] };

/** Whether the Markdown reader and the matcher find a phrase in the text. */
function readerFinds(text: string): boolean {
  return markdown.read({ path: 'page.md', text, options }).documents.some((doc) => matcher.match(doc).all.length > 0);
}

const admits = (text: string) => prefilter.mayMatch(text, () => markdownPhraseView(text));

describe('markdownPhraseView', () => {
  it('blanks code, inline HTML and autolinks, and joins link text to its neighbours', () => {
    expect(markdownPhraseView('Use `in stock` here.\n')).toBe('Use   here.\n');
    expect(markdownPhraseView('```\nin stock\n```\nafter\n')).toBe(' \nafter\n');
    expect(markdownPhraseView('in <b>stock</b> at <https://x.example/in-stock>\n')).toBe('in  stock  at  \n');
    expect(markdownPhraseView('st[oc](/x "t")k and ![in stock](a.png)\n')).toBe('stock and  \n\n\nin stock');
    expect(markdownPhraseView('caf&eacute; \\*latte\\*\n')).toBe('café *latte*\n');
  });

  it('keeps literal brackets and backticks that open nothing', () => {
    expect(markdownPhraseView('- [c]reate an archive with `tar\n')).toBe('- [c]reate an archive with `tar\n');
  });

  it('gives up where it cannot be sure what the reader makes of it', () => {
    expect(markdownPhraseView('st**o**ck\n')).toBeUndefined();
    expect(markdownPhraseView('see www.example.com\n')).toBeUndefined();
    expect(markdownPhraseView('[a][ref]\n\n[ref]: /x\n')).toBeUndefined();
    expect(markdownPhraseView('| a | b |\n| - | - |\n| `x | y` | z |\n')).toBeUndefined();
    expect(markdownPhraseView('---\ntitle: "in\\x20stock"\n---\n')).toBeUndefined();
  });

  it('lets the prefilter tell a phrase in code from a phrase in text', () => {
    expect(admits('The box is `in stock`.\n')).toBe(true);
    expect(admits('The tent is `in stock`.\n')).toBe(false);
    expect(admits('Now in\n> stock: no.\n')).toBe(true);
    expect(admits('In st&#111;ck today.\n')).toBe(true);
    expect(admits('e.g. mail\n')).toBe(false);
  });
});

/** Pieces of Markdown: phrase words spelt through syntax, and syntax around them. */
const WORDS = ['in', 'stock', 'money', 'back', 'guarantee', 'trail', 'pack', 'waterproof', 'box', 'boxes', 'get', 'it', 'today', 'e', 'mail', 'the', 'now'];
const word = fc.constantFrom(...WORDS);
const inline: fc.Arbitrary<string> = fc.oneof(
  word,
  word.map((w) => `*${w}*`),
  word.map((w) => `**${w}**`),
  word.map((w) => `_${w}_`),
  word.map((w) => `\`${w}\``),
  word.map((w) => `[${w}](/x)`),
  word.map((w) => `[${w}]`),
  word.map((w) => `![${w}](a.png)`),
  word.map((w) => `<b>${w}</b>`),
  word.map((w) => `${w.slice(0, 1)}<i>${w.slice(1)}</i>`),
  word.map((w) => `${w.slice(0, 1)}**${w.slice(1)}**`),
  word.map((w) => `${w.slice(0, 1)}[${w.slice(1)}](/y)`),
  word.map((w) => `&#${w.charCodeAt(0)};${w.slice(1)}`),
  word.map((w) => `${w}\\`),
  fc.constantFrom('-', '—', '&amp;', '&nbsp;', '"', '`', '``', '<', '>', '[', ']', '(', ')', '!', '\\*', '*', '_', '~', '~~', '|', '<!-- c -->', '<https://x.example>', 'www.x.example', 'a@b.example', '[^1]', '&', '#'),
);
const line = fc.array(inline, { minLength: 1, maxLength: 8 }).chain((parts) =>
  fc.array(fc.constantFrom(' ', ' ', ' ', '', '\n', '  \n'), { minLength: parts.length, maxLength: parts.length }).map((gaps) => parts.map((p, k) => p + gaps[k]).join('')),
);
const block = fc.oneof(
  line,
  line.map((l) => `> ${l.replace(/\n/g, '\n> ')}`),
  line.map((l) => `- ${l}`),
  line.map((l) => `# ${l}`),
  line.map((l) => `    ${l}`),
  line.map((l) => `\`\`\`\n${l}\n\`\`\``),
  line.map((l) => `| ${l.replace(/\n/g, ' ')} |\n| - |`),
  line.map((l) => `[x]: /url\n${l}`),
  line.map((l) => `${l}\n\n[^1]: note`),
);
const page = fc.array(block, { minLength: 1, maxLength: 4 }).chain((blocks) =>
  fc.constantFrom('\n\n', '\n').map((sep) => blocks.join(sep) + '\n'),
);

describe('against the Markdown reader', () => {
  // FUZZ_RUNS=20000 runs it longer, on a fresh seed each time.
  it('never hides from the prefilter a phrase the reader finds', () => {
    fc.assert(
      fc.property(page, (text) => {
        if (readerFinds(text)) expect(admits(text), JSON.stringify(text)).toBe(true);
      }),
      { interruptAfterTimeLimit: Number(process.env.FUZZ_MS ?? 1e9), numRuns: Number(process.env.FUZZ_RUNS ?? 400), ...(process.env.FUZZ_RUNS ? {} : { seed: 18 }) },
    );
  });
});
