/**
 * Spec text that looks like what it is not: an id, a channel name, a term or a phrase holding an
 * invisible character (a zero-width space, a bidi control, a soft hyphen), or a word that mixes
 * alphabets (`bеst` with a Cyrillic `е`). Each is another word to onemessage than the one a reviewer
 * reads, so `best`, `bеst` and `best\u200b` would be three claims; each is a spec warning at its place.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { quote } from './describe.js';
import { specWarning } from './errors.js';
import type { SpecPart } from './normalise.js';
import type { Phrase, SpecPos } from './types.js';

/** Characters that show as nothing: format characters (zero-width, joiners, bidi controls, BOM, soft hyphen) and invisible fillers. */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0]/u;
/** Alphabets whose letters pass for each other. */
const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with each invisible character written as `\u{200B}`: a bidi control printed raw would reorder the message around it. */
function visible(text: string): string {
  return text.replace(INVISIBLE_ALL, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** Why a piece of spec text is not what it looks like, or undefined. */
export function lookalikeProblem(text: string): string | undefined {
  const invisible = INVISIBLE.exec(text);
  if (invisible) return `holds an invisible character (${codePoint(invisible[0])}) at index ${invisible.index}`;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    const found = new Map<string, string>();
    for (const c of word) {
      const script = SCRIPTS.find(([, pattern]) => pattern.test(c));
      if (script && !found.has(script[0])) found.set(script[0], c);
    }
    if (found.size > 1) {
      const [first, ...others] = [...found];
      const odd = others.map(([name, c]) => `"${c}" ${codePoint(c)} ${name}`).join(', ');
      return `mixes alphabets in "${word}" (${first![0]} with ${odd}): it looks like another word than it is`;
    }
  }
  return undefined;
}

/** A warning for each id, channel, term and phrase of the spec that is not what it looks like. */
export function lookalikeWarnings(spec: SpecPart): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const check = (what: string, text: string, pos: SpecPos): void => {
    const problem = lookalikeProblem(text);
    if (problem) warnings.push(specWarning(`${what} ${quote(visible(text))} ${problem}`, pos));
  };
  const phrases = (what: string, list: readonly Phrase[]): void => {
    for (const phrase of list) check(what, phrase.source, phrase.pos);
  };
  for (const [name, channel] of spec.channels) check('channel', name, channel.pos);
  for (const { item } of spec.facts.values()) {
    check('fact id', item.id, item.pos);
    phrases('phrase', item.says);
  }
  for (const { item } of spec.claims.values()) {
    check('claim id', item.id, item.pos);
    phrases('phrase', item.says);
  }
  for (const { item } of spec.products.values()) {
    check('product id', item.id, item.pos);
    phrases('product name', item.names);
  }
  for (const { item } of spec.disclosures.values()) {
    check('disclosure id', item.id, item.pos);
    phrases('phrase', item.when);
    phrases('phrase', item.include);
  }
  for (const { item } of spec.terms.values()) {
    check('term', item.use, item.pos);
    phrases('term', item.not);
  }
  phrases('promise', spec.promises ?? []);
  return warnings;
}
