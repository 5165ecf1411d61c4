/**
 * Parses a phrase template (`"return (it|them|your order)? within {value}"`) into a small
 * tree of words, punctuation, alternatives and `{value}` slots. Syntax errors carry the index
 * of the offending character so the spec loader can point at it.
 */
import { punctuationOf, tokenize } from './tokens.js';

/**
 * What the matcher walks: normalised words, `{value}` slots, groups of alternatives, and the
 * punctuation written between words (`{value}/mo`, `Team \({value}/month\)`, a comma), which
 * the text must hold at that place. White space, hyphens and quotes are not punctuation here:
 * they stay as tolerant as everywhere else.
 */
export type TemplateNode =
  | { type: 'word'; word: string }
  | { type: 'punct'; text: string }
  | { type: 'value' }
  | { type: 'group'; options: TemplateNode[][]; optional: boolean };

/** What a reader is shown (messages, the guide): the literal text as written, escapes undone. */
export type DisplayNode =
  | { type: 'text'; text: string }
  | { type: 'value' }
  | { type: 'group'; options: DisplayNode[][]; optional: boolean };

export interface Template {
  source: string;
  nodes: TemplateNode[];
  /** the same tree for display, from the same parse */
  display: DisplayNode[];
  hasValue: boolean;
}

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    /** index in the template string of the character at fault */
    readonly index: number,
  ) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

const SPECIAL = new Set(['(', ')', '|', '?', '{', '}']);

/** Parses a template; `allowValue` is false outside facts, where `{value}` means nothing. */
export function parseTemplate(source: string, options: { allowValue: boolean } = { allowValue: true }): Template {
  let i = 0;
  let hasValue = false;

  function literalRun(): string {
    let out = '';
    while (i < source.length) {
      const ch = source[i]!;
      if (ch === '\\') {
        const next = source[i + 1];
        if (next === undefined) throw new TemplateSyntaxError('a backslash at the end escapes nothing', i);
        out += next;
        i += 2;
        continue;
      }
      if (SPECIAL.has(ch)) break;
      // the matcher reads "*" as markup between words, so a wildcard would be dropped unseen
      if (ch === '*') throw new TemplateSyntaxError('"*" is no wildcard: a template matches words; write the alternatives as (a|b), or use { regex: }', i);
      out += ch;
      i += 1;
    }
    return out;
  }

  function sequence(depth: number, openAt: number): { nodes: TemplateNode[][]; display: DisplayNode[][] } {
    const options: TemplateNode[][] = [[]];
    const shown: DisplayNode[][] = [[]];
    while (i < source.length) {
      const ch = source[i]!;
      const current = options[options.length - 1]!;
      const currentShown = shown[shown.length - 1]!;
      if (ch === '(') {
        const at = i;
        i += 1;
        const inner = sequence(depth + 1, at);
        let optional = false;
        if (source[i] === '?') {
          optional = true;
          i += 1;
        }
        current.push({ type: 'group', options: inner.nodes, optional });
        currentShown.push({ type: 'group', options: inner.display, optional });
      } else if (ch === ')') {
        if (depth === 0) throw new TemplateSyntaxError('unbalanced ")": no "(" opens it', i);
        i += 1;
        return { nodes: checkOptions(options, openAt), display: shown };
      } else if (ch === '|') {
        if (depth === 0) throw new TemplateSyntaxError('"|" outside a group: write alternatives as (a|b)', i);
        options.push([]);
        shown.push([]);
        i += 1;
      } else if (ch === '?') {
        throw new TemplateSyntaxError('"?" must follow a group, as in (very )?', i);
      } else if (ch === '{') {
        const close = source.indexOf('}', i);
        const name = close < 0 ? '' : source.slice(i + 1, close);
        if (close < 0) throw new TemplateSyntaxError('unbalanced "{": expected {value}', i);
        if (name !== 'value') throw new TemplateSyntaxError(`unknown slot {${name}}: the only slot is {value}`, i);
        if (!options_.allowValue) throw new TemplateSyntaxError('{value} is only meaningful in a fact\'s says', i);
        hasValue = true;
        // Likewise a currency sign glued before it ("${value}"): the sign is in the value.
        const before = current[current.length - 1];
        if (before?.type === 'punct' && /[$€£¥₹]$/u.test(before.text) && /[$€£¥₹]/u.test(source[i - 1] ?? '')) {
          throw new TemplateSyntaxError(`"${source[i - 1]}" before {value} is read as part of the value: write {value} alone, the currency is in the value`, i - 1);
        }
        current.push({ type: 'value' });
        currentShown.push({ type: 'value' });
        i = close + 1;
      } else if (ch === '}') {
        throw new TemplateSyntaxError('unbalanced "}"', i);
      } else {
        const at = i;
        const text = literalRun();
        const nodes = literalNodes(text);
        // A percent sign glued after {value} is read into the value: the text never has it beside it.
        if (current[current.length - 1]?.type === 'value' && nodes[0]?.type === 'punct' && nodes[0].text.startsWith('%')) {
          throw new TemplateSyntaxError('"%" after {value} is read as part of the value: write {value} alone, the percent sign is in the value', at);
        }
        for (const node of nodes) current.push(node);
        currentShown.push({ type: 'text', text });
      }
    }
    if (depth > 0) throw new TemplateSyntaxError('unbalanced "(": no ")" closes it', openAt);
    return { nodes: options, display: shown };
  }

  function checkOptions(options: TemplateNode[][], openAt: number): TemplateNode[][] {
    if (options.some((option) => option.length === 0)) {
      throw new TemplateSyntaxError('an empty alternative: use (a|b)? to make a group optional', openAt);
    }
    return options;
  }

  const options_ = options;
  const top = sequence(0, 0);
  const nodes = top.nodes[0];
  if (!nodes || !canMatchSomething(nodes)) throw new TemplateSyntaxError('the template has no words to match', 0);
  return { source, nodes, display: top.display[0] ?? [], hasValue };
}

/**
 * A literal run as the matcher reads it: its words through the tokeniser, and the punctuation
 * between them (what is left of a gap once white space, hyphens and quotes are taken out).
 */
function literalNodes(text: string): TemplateNode[] {
  const { words, starts, ends } = tokenize(text);
  const out: TemplateNode[] = [];
  let previousEnd = 0;
  words.forEach((word, index) => {
    const punct = punctuationOf(text.slice(previousEnd, starts[index]!));
    if (punct !== '') out.push({ type: 'punct', text: punct });
    out.push({ type: 'word', word });
    previousEnd = ends[index]!;
  });
  const punct = punctuationOf(text.slice(previousEnd));
  if (punct !== '') out.push({ type: 'punct', text: punct });
  return out;
}

function canMatchSomething(nodes: TemplateNode[]): boolean {
  return nodes.some((node) => node.type === 'word' || node.type === 'value' || (node.type === 'group' && !node.optional && node.options.every(canMatchSomething)));
}

/** Upper bound on the distinct word sequences a template can expand to; bounds hostile templates. */
export function countExpansions(nodes: TemplateNode[]): number {
  let total = 1;
  for (const node of nodes) {
    if (node.type === 'group') {
      let sum = node.optional ? 1 : 0;
      for (const option of node.options) sum += countExpansions(option);
      total *= sum;
      if (total > 1e9) return 1e9;
    }
  }
  return total;
}
