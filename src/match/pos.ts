/**
 * Parts of speech for one sentence, from wink-nlp and its English lite model (an npm package:
 * nothing is downloaded). Loaded on first use only, so a run whose documents hold no claim
 * never pays for the model; sentences are tagged only where a phrase matched.
 */
import { createRequire } from 'node:module';

/** Universal Dependencies tags, as the model gives them: NOUN, PROPN, VERB, AUX, ADJ, ADV, ADP, DET, NUM, PART, PRON... */
export type PartOfSpeech = string;

export interface TaggedWord {
  text: string;
  /** offsets in the tagged sentence */
  start: number;
  end: number;
  pos: PartOfSpeech;
}

interface WinkToken {
  out(): string;
  out(what: unknown): string;
}
interface WinkDoc {
  tokens(): { each(fn: (token: WinkToken) => void): void };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { pos: unknown };
}

let wink: Wink | undefined;

function tagger(): Wink {
  if (!wink) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown) => Wink;
    wink = winkNLP(require('wink-eng-lite-web-model'));
  }
  return wink;
}

/** How many tagged sentences are kept: a page repeats its sentences little, a corpus of macros a lot. */
const CACHE_SIZE = 256;
const cache = new Map<string, TaggedWord[]>();
let tagged = 0;

/** The words of a sentence with their parts of speech and offsets in it. */
export function tagSentence(sentence: string): TaggedWord[] {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const nlp = tagger();
  const out: TaggedWord[] = [];
  let cursor = 0;
  nlp.readDoc(sentence).tokens().each((token) => {
    const text = token.out();
    // wink gives no offsets; its tokens come in order, so each is found after the one before
    const start = sentence.indexOf(text, cursor);
    if (start < 0) return;
    cursor = start + text.length;
    out.push({ text, start, end: cursor, pos: token.out(nlp.its.pos) });
  });
  tagged++;
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(sentence, out);
  return out;
}

/** Sentences tagged so far in this process: for tests that check the tagger runs only where a phrase matched. */
export function sentencesTagged(): number {
  return tagged;
}
