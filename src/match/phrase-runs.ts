/**
 * What every match of a template must contain, for the prefilter: its runs of literal words (each
 * spelt one of a few ways where a group offers alternatives) and, among their words, the anchors:
 * a set of uncommon words one of which every match holds.
 */
import type { TemplateNode } from './template.js';

/** A run of consecutive words every match holds, spelt as one of `sequences`. */
export interface WordRun {
  /** the spellings of the run, each a list of words */
  sequences: string[][];
  /** the run ends the template, so its last word may take a plural (`boxes`) */
  tail: boolean;
}

/** Spellings a run may grow to before it is cut, so that a template of many groups stays cheap. */
const MAX_SEQUENCES = 64;

/**
 * Function words (and a few verbs as common): never an anchor, since nearly every file holds
 * them. A phrase made only of them ("get it") still has its runs checked, word by word.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further get got had has have ' +
    'having he her here hers him his how i if in into is it its just me more most my no nor not now of off on ' +
    'once only or other our ours out over own same she should so some such than that the their theirs them then ' +
    'there these they this those through to too under until up us very was we were what when where which while ' +
    'who whom why will with would you your yours'
  ).split(' '),
);

/** Words made of letters and digits only: what the prefilter's fast scan sees as one word. */
const SIMPLE = /^[\p{L}\p{N}]+$/u;

/**
 * The runs of a template: maximal stretches of words and groups of words (optional ones included,
 * as alternatives), cut at `{value}` and wherever the spellings would grow past a bound.
 */
export function wordRuns(nodes: readonly TemplateNode[]): WordRun[] {
  const runs: WordRun[] = [];
  let current: string[][] | undefined;
  const end = (tail: boolean) => {
    // A run that may be spelt as nothing (only optional groups) requires nothing.
    if (current && current.every((sequence) => sequence.length > 0)) runs.push({ sequences: dedupe(current), tail });
    current = undefined;
  };
  nodes.forEach((node, index) => {
    const last = index === nodes.length - 1;
    if (node.type === 'value') {
      end(false);
      return;
    }
    // Template punctuation (`/`, `:`) stands between words in the text, so it cuts the run; the
    // word before it may be the template's last word (a plural): the run is cut as a tail, which
    // only ever lets more files through.
    const spellings = node.type === 'punct' ? undefined : spellingsOf(node);
    if (spellings === undefined) {
      end(true);
      return;
    }
    const grown = (current ?? [[]]).flatMap((prefix) => spellings.map((spelling) => [...prefix, ...spelling]));
    if (grown.length > MAX_SEQUENCES) {
      end(false);
      current = spellings.length <= MAX_SEQUENCES ? spellings : undefined;
    } else current = grown;
    if (last) end(true);
  });
  end(false);
  return runs;
}

/** The word sequences a node may be spelt as (an optional group includes the empty one); undefined if it holds `{value}` or too many. */
function spellingsOf(node: TemplateNode): string[][] | undefined {
  if (node.type === 'word') return [[node.word]];
  if (node.type === 'value' || node.type === 'punct') return undefined;
  const out: string[][] = node.optional ? [[]] : [];
  for (const option of node.options) {
    let sequences: string[][] = [[]];
    for (const inner of option) {
      const spellings = spellingsOf(inner);
      if (spellings === undefined) return undefined;
      sequences = sequences.flatMap((prefix) => spellings.map((spelling) => [...prefix, ...spelling]));
      if (sequences.length > MAX_SEQUENCES) return undefined;
    }
    // bounded spread: at most MAX_SEQUENCES, checked above
    out.push(...sequences);
  }
  return out.length > MAX_SEQUENCES ? undefined : out;
}

function dedupe(sequences: string[][]): string[][] {
  const seen = new Map<string, string[]>();
  for (const sequence of sequences) seen.set(sequence.join(' '), sequence);
  return [...seen.values()];
}

/**
 * The anchors of a template: one uncommon word from each spelling of its most telling run, so
 * that every match holds one of them; undefined when no run has an uncommon word in every
 * spelling (the prefilter then checks the runs of that phrase in every file).
 */
export function anchorWords(runs: readonly WordRun[]): string[] | undefined {
  let best: string[] | undefined;
  let bestScore = -Infinity;
  for (const run of runs) {
    const anchors: string[] = [];
    for (const sequence of run.sequences) {
      const candidates = sequence.filter((word) => SIMPLE.test(word) && !STOP_WORDS.has(word));
      if (candidates.length === 0) {
        anchors.length = 0;
        break;
      }
      // The longest word is the least likely to be in a file by chance.
      anchors.push(candidates.reduce((a, b) => (b.length > a.length ? b : a)));
    }
    if (anchors.length === 0) continue;
    const unique = [...new Set(anchors)];
    const score = unique.reduce((least, word) => Math.min(least, word.length), Infinity) * 100 - unique.length;
    if (score > bestScore) {
      best = unique;
      bestScore = score;
    }
  }
  return best;
}
