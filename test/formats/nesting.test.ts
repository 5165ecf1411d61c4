import { EditMap } from 'micromark-util-edit-map';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../src/model/document.js';
import { markdown } from '../../src/formats/markdown.js';
import { mdx } from '../../src/formats/mdx.js';
import { checkContainerDepth, checkInlineMarks, checkTreeDepth } from '../../src/formats/nesting.js';

const options = { markdownFields: ['title', 'description'] };

function refusal(read: () => unknown): { message: string; offset: number | undefined } {
  try {
    read();
  } catch (error) {
    if (error instanceof FormatError) return { message: error.message, offset: error.offset };
    throw error;
  }
  throw new Error('expected a FormatError');
}

describe('micromark EditMap patch', () => {
  // micromark's own algorithm, to compare against: rebuild the array with every edit in place.
  function rebuild(map: Array<[number, number, number[]]>, events: number[]): number[] {
    const sorted = [...map].sort((a, b) => a[0] - b[0]);
    const out = [...events];
    const pieces: number[][] = [];
    for (let i = sorted.length - 1; i >= 0; i--) {
      const [at, remove, add] = sorted[i]!;
      pieces.push(out.slice(at + remove), add);
      out.length = at;
    }
    pieces.push(out.slice());
    return pieces.reverse().flat();
  }

  it('applies any set of edits exactly as micromark does', () => {
    const edits = fc.array(fc.tuple(fc.nat(60), fc.nat(5), fc.array(fc.integer({ min: 1000, max: 2000 }), { maxLength: 4 })), { maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.nat(999), { minLength: 60, maxLength: 80 }), edits, (events, changes) => {
        const map = new EditMap();
        const applied: Array<[number, number, number[]]> = [];
        for (const [at, remove, add] of changes) {
          if (applied.some(([other]) => other === at) || (remove === 0 && add.length === 0)) continue;
          applied.push([at, remove, [...add]]);
          map.add(at, remove, add as never[]);
        }
        const actual = [...events];
        map.consume(actual as never[]);
        expect(actual).toEqual(rebuild(applied, events));
      }),
      { numRuns: 2000 },
    );
  });

  // micromark applies an EditMap each time a nested list item closes; rebuilding the whole event
  // array each time made a 0.7 MB page of nested lists take 25 s. Linear time is checked by
  // counting the writes consume makes into the event array (through a Proxy), not with a clock:
  // 10 times the items must cost about 10 times the writes. micromark's own consume (a rebuild
  // per edit) makes 100 times the writes here.
  it('parses nested list items in linear time: each edit writes only what it moves', () => {
    const writes = (items: number): number => {
      const page = Array.from({ length: items }, (_, i) => `- Feature ${i}: the TrailPack 45 ships free\n  - Returns within 30 days\n`).join('');
      const consume = EditMap.prototype.consume;
      let count = 0;
      type Events = Parameters<EditMap['consume']>[0];
      const counted: ProxyHandler<Events> = {
        set: (target, key, value) => (count++, Reflect.set(target, key, value)),
        deleteProperty: (target, key) => (count++, Reflect.deleteProperty(target, key)),
      };
      EditMap.prototype.consume = function (this: EditMap, events: Events) {
        return consume.call(this, new Proxy(events, counted));
      };
      try {
        const doc = markdown.read({ path: 'site/features.md', text: page, options }).documents[0]!;
        expect(doc.blocks).toHaveLength(2 * items);
      } finally {
        EditMap.prototype.consume = consume;
      }
      return count;
    };
    const ratio = writes(1500) / writes(150);
    expect(ratio).toBeGreaterThan(9);
    expect(ratio).toBeLessThan(11);
  });
});

describe('nesting limits', () => {
  it('refuses 101 nested block quotes at the 101st marker', () => {
    expect(refusal(() => checkContainerDepth(`${'> '.repeat(101)}Free returns`))).toEqual({ message: 'lists or block quotes nested more than 100 levels deep; onemessage reads at most 100', offset: 200 });
  });

  it('reads 100 nested list items', () => {
    expect(() => checkContainerDepth(`${'- '.repeat(100)}Free returns`)).not.toThrow();
  });

  it('counts indentation before a marker as enclosing list items', () => {
    const ladder = Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const { offset } = refusal(() => checkContainerDepth(ladder));
    expect(ladder.slice(offset!, offset! + 11)).toBe('- level 100');
  });

  it('does not count a long thematic break as nesting', () => {
    expect(() => checkContainerDepth(`Intro\n\n${'- '.repeat(300)}\n\nOutro`)).not.toThrow();
    expect(() => checkContainerDepth(`${'* '.repeat(300)}\n`)).not.toThrow();
  });

  it('splits lines at lone CR too', () => {
    expect(refusal(() => checkContainerDepth(`Intro\r${'>'.repeat(101)} quote`)).offset).toBe(106);
  });

  it('refuses a paragraph with more than 1000 emphasis marks and brackets', () => {
    const text = `Intro.\n\n${'a* '.repeat(1001)}\n`;
    expect(refusal(() => checkInlineMarks(text, { mdx: false }))).toEqual({ message: 'a paragraph holds more than 1000 emphasis marks and brackets; onemessage reads at most 1000', offset: 8 + 3 * 1000 + 1 });
  });

  it('counts each paragraph, table row and code fence apart', () => {
    const paragraphs = Array.from({ length: 20 }, () => '*Free* shipping, [details](/shipping). '.repeat(100)).join('\n\n');
    expect(() => checkInlineMarks(paragraphs, { mdx: false })).not.toThrow();
    const table = `| a | b |\n|---|---|\n${'| *x* [y](z) | *w* |\n'.repeat(500)}`;
    expect(() => checkInlineMarks(table, { mdx: false })).not.toThrow();
    const code = `\`\`\`json\n${'[['.repeat(50)}${']]'.repeat(50)}\n${'{"a": [1, 2]}\n'.repeat(2000)}\`\`\`\n`;
    expect(() => checkInlineMarks(code, { mdx: true })).not.toThrow();
  });

  it('refuses brackets nested 33 deep, and MDX braces', () => {
    expect(refusal(() => checkInlineMarks(`${'['.repeat(33)}a${'](u)'.repeat(33)}`, { mdx: false })).message).toBe('brackets nested more than 32 levels deep; onemessage reads at most 32');
    expect(refusal(() => checkInlineMarks(`${'{'.repeat(40)}`, { mdx: true })).offset).toBe(32);
    expect(() => checkInlineMarks(`${'{'.repeat(40)}`, { mdx: false })).not.toThrow();
  });

  it('refuses a tree deeper than the limit at its node', () => {
    const leaf = { type: 'text', position: { start: { offset: 7 } } };
    let tree: { type: string; children?: unknown[]; position?: { start: { offset: number } } } = leaf;
    for (let i = 0; i < 5; i++) tree = { type: 'x', children: [tree], position: { start: { offset: 0 } } };
    expect(refusal(() => checkTreeDepth(tree as never, 4))).toEqual({ message: 'markup nested more than 4 levels deep; onemessage reads at most 4', offset: 7 });
  });

  it('turns 10,000 nested JSX elements into a FormatError, not a stack overflow', () => {
    const text = `${'<Card>'.repeat(10000)}Free returns${'</Card>'.repeat(10000)}`;
    expect(refusal(() => mdx.read({ path: 'site/deep.mdx', text, options })).message).toMatch(/^markup nested (too deeply to read|more than 400 levels deep)/);
  });
});
