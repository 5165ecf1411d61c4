/**
 * Decides whether a match sits in a negated clause ("not in stock", "no longer available",
 * "we don't offer a lifetime warranty"), which does not assert the phrase. A negation governs
 * its clause, each cue with its own scope: "not", "never" and "-n't" the rest of their clause
 * (but not into a definite noun phrase it does not stand right before: "we are not able to
 * answer within the 24 hour window" still speaks of a 24 hour window), "no" and "without" their
 * noun phrase, "no longer" the rest of its clause. A cue is no negation in a compound
 * ("no-hassle"), an idiom ("no doubt", "not only") or before a verb that takes the negation
 * itself ("don't forget to", "never fail to"). A clause ends at clause punctuation or a word
 * that starts another clause; a "that" clause is reached only from a verb of saying ("we don't
 * claim that..."). A negated availability after the phrase negates it too ("free shipping is
 * not available").
 */
import { type Tokens } from './tokens.js';

/** Cues that negate the rest of their clause. */
const VERBAL = new Set([
  'not', 'never', 'cannot', 'nor', 'neither',
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't",
  "can't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "ain't", "mustn't",
  'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont', 'cant', 'couldnt', 'havent', 'hasnt',
]);
/** Cues that negate the noun phrase they open. */
const NOMINAL = new Set(['no', 'without']);
/** "no longer", "no more": verbal in effect. */
const NO_VERBAL_NEXT = new Set(['longer', 'more']);
/** After these, a cue is an idiom, not a negation: "no doubt", "not only", "without a doubt". */
const IDIOM_NEXT: Record<string, ReadonlySet<string>> = {
  no: new Set(['doubt', 'matter', 'wonder', 'question', 'problem', 'surprise', 'secret', 'exception', 'worries', 'kidding']),
  not: new Set(['only', 'just', 'merely', 'simply', 'least', 'sure', 'to']),
  without: new Set(['doubt', 'question', 'exception', 'fail']),
};
/** Verbs that take the negation themselves: "don't forget to start your trial" asserts the trial. */
const SELF_NEGATING = new Set(['forget', 'hesitate', 'fail', 'miss', 'worry', 'wait', 'stop', 'let']);
/** Words a clause starts with; a cue before them does not reach past. */
export const CLAUSE_STARTERS: ReadonlySet<string> = new Set([
  'but', 'however', 'although', 'though', 'yet', 'whereas', 'unlike', 'while', 'and', 'or', 'because', 'so',
  'which', 'who', 'whom', 'whose', 'where', 'when', 'if', 'unless', 'since', 'until', 'whether', 'instead', 'otherwise', 'then',
]);
/** Complement clauses: "that" starts a clause a negation reaches only from a verb of saying. */
const COMPLEMENTISERS = new Set(['that']);
const SAYING = new Set([
  'claim', 'claims', 'claimed', 'say', 'says', 'said', 'promise', 'promises', 'promised', 'guarantee', 'guarantees', 'guaranteed',
  'state', 'states', 'stated', 'suggest', 'suggests', 'imply', 'implies', 'mean', 'means', 'think', 'believe', 'expect', 'pretend',
]);
/** Words that end the noun phrase a "no" or "without" opens: a verb, an auxiliary. */
const NP_ENDERS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", 'has', 'have', 'had', 'will', 'would', 'can', 'could',
  'may', 'might', 'must', 'shall', 'should', 'do', 'does', 'did', 'get', 'gets', 'apply', 'applies', 'required', 'needed',
  'asked', 'involved', 'necessary', 'needs', 'need',
]);
/** Determiners that make a noun phrase definite, and so presupposed rather than negated. */
const DEFINITE = new Set(['the', 'our', 'your', 'its', 'their', 'this', 'these', 'his', 'her', 'my']);
/** A negated availability after the phrase negates the phrase: "free shipping is not available". */
const AVAILABILITY = new Set([
  'available', 'offered', 'included', 'provided', 'possible', 'supported', 'applicable', 'valid', 'eligible', 'allowed',
  'given', 'granted', 'accepted', 'apply', 'exist', 'offer', 'include', 'cover', 'covered', 'guaranteed',
]);
const CLAUSE_PUNCTUATION = /[.;:!?,()[\]—–\t]/;
/** How far after the phrase a negated availability is looked for. */
const AFTER_REACH = 5;

/** Whether the words tokens[firstToken..lastToken] are negated where they stand. */
export function isNegated(text: string, tokens: Tokens, firstToken: number, lastToken = firstToken): boolean {
  return negatedBefore(text, tokens, firstToken) || negatedAfter(text, tokens, lastToken);
}

/** The gap before token `at` ends a clause. */
function breaksBefore(text: string, tokens: Tokens, at: number): boolean {
  return CLAUSE_PUNCTUATION.test(text.slice(tokens.ends[at - 1]!, tokens.starts[at]!));
}

function negatedBefore(text: string, tokens: Tokens, first: number): boolean {
  const words = tokens.words;
  for (let at = first - 1; at >= 0; at--) {
    if (breaksBefore(text, tokens, at + 1)) return false;
    const word = words[at]!;
    if (COMPLEMENTISERS.has(word)) {
      // "we don't claim that it is the best": a negated verb of saying reaches into its complement
      const verb = words[at - 1];
      return verb !== undefined && SAYING.has(verb) && !breaksBefore(text, tokens, at) && negatedBefore(text, tokens, at - 1);
    }
    if (CLAUSE_STARTERS.has(word)) return false;
    if (VERBAL.has(word) || NOMINAL.has(word)) {
      if (cueGoverns(text, tokens, at, first)) return true;
    }
  }
  return false;
}

/** Whether the cue at token `cue` negates token `target` after it in the same clause. */
function cueGoverns(text: string, tokens: Tokens, cue: number, target: number): boolean {
  const words = tokens.words;
  const word = words[cue]!;
  const next = words[cue + 1];
  // "no-hassle", "no-fuss": a compound adjective, not a negation of what follows
  if (word === 'no' && next !== undefined && /^[-‐‑]$/.test(text.slice(tokens.ends[cue]!, tokens.starts[cue + 1]!))) return false;
  if (next !== undefined && IDIOM_NEXT[word]?.has(next) && cue + 1 !== target) return false;
  if (word === 'without' && next === 'a' && words[cue + 2] === 'doubt') return false;
  const verbal = VERBAL.has(word) || (word === 'no' && next !== undefined && NO_VERBAL_NEXT.has(next));
  if (verbal) {
    // "don't forget to...", "never fail to...": the negation is the verb's own
    for (let j = cue + 1; j <= Math.min(cue + 2, target - 1); j++) if (SELF_NEGATING.has(words[j]!)) return false;
    // "we never claim to be the best": a negated verb of saying takes its whole complement
    for (let j = cue + 1; j < target; j++) if (SAYING.has(words[j]!)) return true;
    // a definite noun phrase is presupposed unless the cue stands right before it ("is not the best")
    const before = words[target - 1];
    if (before !== undefined && DEFINITE.has(before) && target - 1 > cue + 1) return false;
    return true;
  }
  // "no" and "without" reach through their noun phrase only
  for (let j = cue + 1; j < target; j++) if (NP_ENDERS.has(words[j]!)) return false;
  return true;
}

function negatedAfter(text: string, tokens: Tokens, last: number): boolean {
  const words = tokens.words;
  for (let at = last + 1; at < words.length && at <= last + AFTER_REACH; at++) {
    if (breaksBefore(text, tokens, at)) return false;
    const word = words[at]!;
    if (CLAUSE_STARTERS.has(word) || COMPLEMENTISERS.has(word)) return false;
    if (VERBAL.has(word)) {
      for (let j = at + 1; j <= at + 3 && j < words.length; j++) {
        if (breaksBefore(text, tokens, j)) return false;
        if (AVAILABILITY.has(words[j]!)) return true;
      }
      return false;
    }
  }
  return false;
}
