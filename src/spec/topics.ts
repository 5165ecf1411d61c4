/**
 * A fact's topic: the phrases that name what it is about, where a quantity of its kind states
 * it even without a template. Declared with `about:`, or taken from the words of its templates
 * ("return (it|them)? within {value}" -> "return"; "{value} money-back guarantee" -> "money back
 * guarantee"; "{value} return window" -> "return"), keeping only word runs that name something:
 * "orders", "save" or "off" alone name nothing a quantity could be told apart by. The last word of each topic also matches its -ed and
 * -ing forms ("returned", "shipping"), since a topic is a word of the sentence, not a phrase.
 */
import { isContentWord, LIGHT_WORDS } from '../match/words.js';
import { unitOfWord } from '../match/quantity.js';
import type { TemplateNode } from '../match/template.js';
import type { Phrase } from '../match/types.js';
import type { Fact } from './types.js';

export interface FactTopics {
  /** the topic phrases, compiled, with their words' inflections */
  phrases: Phrase[];
  /** `about` when declared, `says` when taken from the templates */
  from: 'about' | 'says';
}

/** Words that name nothing a quantity could be told apart by, on their own. */
const GENERIC = new Set([...LIGHT_WORDS, ...'save saving savings get pay paid off back free new first extra more less down today it them plan plans'.split(' ')]);

/** The topic of a fact with a value; facts without one are stated through their templates only. */
export function factTopics(fact: Fact): FactTopics | undefined {
  if (fact.quantity === undefined) return undefined;
  if (fact.about !== undefined) return { phrases: fact.about.map(inflectPhrase), from: 'about' };
  const seen = new Set<string>();
  const phrases: Phrase[] = [];
  for (const phrase of fact.says) {
    if (!phrase.template) continue;
    for (const words of wordRuns(phrase.template.nodes)) {
      // frame words at either end name no topic of their own: "return window" is about returns
      let start = 0;
      let end = words.length;
      while (start < end && LIGHT_WORDS.has(words[start]!)) start++;
      while (end > start && LIGHT_WORDS.has(words[end - 1]!)) end--;
      const run = words.slice(start, end);
      if (run.length === 0 || run.every((word) => GENERIC.has(word) || unitOfWord(word) !== undefined || word.length < 3)) continue;
      const source = run.join(' ');
      if (seen.has(source)) continue;
      seen.add(source);
      phrases.push({ source, isRegex: false, pos: phrase.pos, template: { source, nodes: inflectNodes(run.map((word) => ({ type: 'word', word }))), display: [{ type: 'text', text: source }], hasValue: false } });
    }
  }
  return { phrases, from: 'says' };
}

/**
 * Runs of words a template always says, split at stop words and punctuation: optional groups
 * are left out, and each alternative of a required group gives its own runs.
 */
function wordRuns(nodes: readonly TemplateNode[]): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  const end = () => {
    if (current.length > 0) runs.push(current);
    current = [];
  };
  for (const node of nodes) {
    if (node.type === 'word' && isContentWord(node.word)) current.push(node.word);
    else {
      end();
      if (node.type === 'group' && !node.optional) for (const option of node.options) for (const run of wordRuns(option)) runs.push(run);
    }
  }
  end();
  return runs;
}

function inflectPhrase(phrase: Phrase): Phrase {
  if (!phrase.template) return phrase;
  return { ...phrase, template: { ...phrase.template, nodes: inflectNodes(phrase.template.nodes) } };
}

/** The last word, when the template ends in one, matches its -ed and -ing forms as well. */
function inflectNodes(nodes: TemplateNode[]): TemplateNode[] {
  const last = nodes[nodes.length - 1];
  if (last?.type !== 'word') return nodes;
  const forms = inflections(last.word);
  if (forms.length === 1) return nodes;
  return [...nodes.slice(0, -1), { type: 'group', options: forms.map((word) => [{ type: 'word', word }]), optional: false }];
}

/** A word and its regular -ed and -ing forms: return, returned, returning; ship, shipped, shipping; refund, refunded. */
export function inflections(word: string): string[] {
  if (!/^[a-z]{3,}$/.test(word)) return [word];
  const forms = new Set([word]);
  if (word.endsWith('e')) {
    forms.add(`${word}d`);
    forms.add(`${word.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(word)) {
    forms.add(`${word.slice(0, -1)}ied`);
    forms.add(`${word}ing`);
  } else {
    forms.add(`${word}ed`);
    forms.add(`${word}ing`);
    // one short vowel before one consonant doubles it: ship, shipped
    if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(word)) {
      forms.add(`${word}${word.at(-1)}ed`);
      forms.add(`${word}${word.at(-1)}ing`);
    }
  }
  return [...forms];
}
