/**
 * Markdown read again after an edit, piece by piece, is exactly Markdown read whole: over
 * generated texts of every block that can reach across a blank line (fences closed and not, HTML
 * comments and blocks, list items holding fences, front matter with blank lines, definitions),
 * through sequences of edits, and over the fixtures; and an edit in one paragraph parses one piece.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadInput } from '../../src/formats/format.js';
import { checkMarkdown, markdown, parseMarkdown } from '../../src/formats/markdown.js';
import { pieceReader, pieceStarts } from '../../src/formats/markdown-pieces.js';
import { ROOT } from '../helpers/cli.js';

const OPTIONS: ReadInput['options'] = { markdownFields: ['title', 'description'] };
const input = (text: string): ReadInput => ({ path: 'site/page.md', text, options: OPTIONS });
/** What reading gives: the documents, or the error with its offset (a piece reader must fail as `read` fails). */
function outcome(read: (given: ReadInput) => unknown, text: string): unknown {
  try {
    return read(input(text));
  } catch (error) {
    return { error: String(error), offset: (error as { offset?: number }).offset };
  }
}
const whole = (text: string) => outcome((given) => markdown.read(given), text);

const FRAGMENTS = [
  'A paragraph about the best in the industry.',
  'Second line of text\ncontinued here, with the Trail Pack.',
  '# Heading one',
  '## Heading *two*',
  'Setext title\n=====',
  '- item one\n- item two',
  '- item\n\n  continued in the item',
  '1. first\n2. second',
  '- list\n\n  ```\n  code in an item\n\n  more\n  ```',
  '- list\n\n  ```\n  an item fence left open',
  '```\ncode\n\nText in code\n```',
  '```\nunclosed code\n\nText after',
  '~~~md\nTilde code\n\nStill code\n~~~',
  '    indented code\n\n    more indented',
  '    ```\n    not a fence',
  '   ```\nfence three spaces in\n\nGap\n   ```',
  '<!-- a comment -->',
  '<!-- onemessage-disable-next-line claim/forbidden -- quoting the award -->\nThe best in the industry.',
  '<!-- an open comment\n\nText inside the comment\n-->',
  'Inline <!-- comment --> here.',
  'Text with <!-- an unclosed inline comment',
  '-->',
  '<div>\nHTML block\n</div>',
  '<script>\nvar x;\n\nText in the script\n</script>',
  '<pre>\npre\n\nText in pre',
  '> quote\n> more',
  '| a | b |\n| --- | --- |\n| c | best in the industry |',
  '[a link](https://example.com) and https://auto.example',
  '***',
  'A footnote reference[^1] here.',
  '[^1]: The note.',
  '[ref]: /url',
  'See [text][ref].',
  '*emphasis\n\nnot closed*',
  'Line with a hard break  \nnext line',
];

const documentText = fc
  .record({
    frontMatter: fc.constantFrom('', '---\ntitle: The best\n\ndescription: A page\n---\n', '---\ntitle: never closed\n\nText'),
    parts: fc.array(fc.record({ fragment: fc.constantFrom(...FRAGMENTS), gap: fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n') }), { minLength: 1, maxLength: 10 }),
    crlf: fc.boolean(),
  })
  .map(({ frontMatter, parts, crlf }) => {
    const text = frontMatter + parts.map(({ fragment, gap }) => fragment + gap).join('');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.constantFrom('', 'x', '\n\n', '```\n', '<!--', '-->', '\n\nNew paragraph.\n\n', '# ', '- ', '[^9]: n\n', ...FRAGMENTS) });

describe('pieceReader', () => {
  it('reads every version of a text as reading it whole does', () => {
    fc.assert(
      fc.property(documentText, fc.array(edit, { maxLength: 5 }), (first, edits) => {
        const read = markdown.editReader!();
        let text = first;
        expect(outcome(read, text)).toEqual(whole(text));
        for (const change of edits) {
          const at = change.at % (text.length + 1);
          text = text.slice(0, at) + change.insert + text.slice(Math.min(text.length, at + change.length));
          expect(outcome(read, text)).toEqual(whole(text));
        }
      }),
      { numRuns: Number(process.env.PIECES_RUNS ?? 80) },
    );
  }, Number(process.env.PIECES_RUNS ?? 80) * 1000);

  it('reads the fixtures’ Markdown, and each one edited, as reading it whole does', () => {
    const files = ['fixtures/acme/site', 'fixtures/acme/sales', 'fixtures/acme/support'].flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md')).map((file) => path.join(ROOT, dir, file)),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const read = markdown.editReader!();
      expect(read(input(text)), file).toEqual(whole(text));
      const edited = text.replace(/\n\n/, '\n\nAn added paragraph, the best in the industry.\n\n');
      expect(read(input(edited)), file).toEqual(whole(edited));
    }
  });

  it('parses only the piece an edit touched', () => {
    const paragraphs = Array.from({ length: 20 }, (_, i) => `Paragraph ${i} says something about packs.`);
    const text = `---\ntitle: Packs\n---\n\n# Packs\n\n${paragraphs.join('\n\n')}\n`;
    expect(pieceStarts(text)).toHaveLength(22);
    let parses = 0;
    const read = pieceReader({ read: (given) => markdown.read(given), parse: (given) => (parses++, parseMarkdown(given)), check: checkMarkdown });
    read(input(text));
    expect(parses).toBe(22);
    parses = 0;
    const edited = text.replace('Paragraph 7 says', 'Paragraph 7 now says');
    expect(read(input(edited))).toEqual(whole(edited));
    expect(parses).toBe(1);
  });

  it('reads the text whole where a definition reaches across it, or nothing can be cut', () => {
    expect(pieceStarts('A [link][x].\n\nMore.\n\n[x]: /url\n')).toEqual([0]);
    expect(pieceStarts('One paragraph.\nNo blank line.\n')).toEqual([0]);
    expect(pieceStarts('---\ntitle: a\n\ndescription: b\n---\n\nText.\n')).toEqual([0, 34]);
  });
});
