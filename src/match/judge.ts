/**
 * The claim judgement: whether a claim phrase (or a disclosure trigger) that matched is used, in
 * its context, as a statement about what the company offers. It is not when it sits inside one of
 * the item's `unless` phrases or a built-in idiom ("best practices", "works best"), in a question,
 * in a quotation, as a list or reference number ("#2 Configure the proxy", "issue #1"), as a
 * status code ("returns code 2"), as a short table label, or as a superlative about something
 * else: an adverb ("the pages that grew fastest") or a noun phrase that is a process ("the
 * quickest way to"), not the offer. Parts of speech come from the tagger (src/match/pos.ts), run
 * only on the sentence of a match that needs them. Negation is judged apart (negation.ts).
 */
import type { BlockKind } from '../model/document.js';
import { tagSentence, type TaggedWord } from './pos.js';
import type { Tokens } from './tokens.js';

/** A span of the block's text that is not the claim: an `unless` phrase or an idiom. */
export interface Exclusion {
  textStart: number;
  textEnd: number;
  /** `unless "best practice"`, `the idiom "works best"` */
  label: string;
}

export interface JudgeInput {
  /**
   * A claim is judged in full. A disclosure trigger only by its exclusions and code-like uses:
   * a testimonial in quotation marks, or a question, still needs its disclosure.
   */
  kind: 'claim' | 'trigger';
  text: string;
  tokens: Tokens;
  blockKind: BlockKind;
  /** the match: its first and last token, its range in the text */
  first: number;
  last: number;
  textStart: number;
  textEnd: number;
  /** the sentence holding the match, as a range of the text */
  sentence: { start: number; end: number };
  /** exclusions in the block that apply to this match's item */
  exclusions: readonly Exclusion[];
  /** words of the brand's and products' names: what a superlative may be about */
  offerWords: ReadonlySet<string>;
}

/** Nouns a superlative may head without being about the offer: "the best way to", "the #1 mistake". */
const NOT_OFFER = new Set([
  'way', 'ways', 'method', 'methods', 'approach', 'approaches', 'practice', 'practices', 'time', 'times', 'place', 'places',
  'part', 'parts', 'thing', 'things', 'step', 'steps', 'bet', 'case', 'cases', 'idea', 'ideas', 'tip', 'tips', 'advice',
  'mistake', 'mistakes', 'reason', 'reasons', 'priority', 'priorities', 'rule', 'rules', 'example', 'examples', 'question',
  'questions', 'answer', 'answers', 'result', 'results', 'news', 'post', 'posts', 'article', 'articles', 'page', 'pages',
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'strategy', 'strategies', 'move', 'trick', 'tricks',
  'fix', 'workaround', 'route', 'path', 'guide', 'guides', 'metric', 'metrics', 'goal', 'goals',
  'challenge', 'challenges', 'problem', 'problems', 'risk', 'risks', 'use', 'uses', 'setting', 'settings',
  'roundup', 'roundups', 'review', 'reviews', 'list', 'lists', 'summary', 'experience', 'experiences',
  'pick', 'picks', 'recommendation', 'recommendations', 'factor', 'factors', 'ranking', 'rankings', 'mistake', 'secret',
  'predictor', 'predictors', 'cause', 'causes', 'driver', 'drivers', 'sign', 'signs', 'priority', 'concern', 'concerns',
]);
/** Words that, before "#N", make it a reference, not a rank: "issue #1", "step #2". */
const REFERENCE_BEFORE = new Set([
  'issue', 'issues', 'pr', 'pull', 'request', 'ticket', 'step', 'item', 'no', 'number', 'bug', 'task', 'page', 'comment',
  'rule', 'tip', 'reason', 'day', 'week', 'part', 'chapter', 'episode', 'lesson', 'question', 'option', 'case', 'phase', 'level',
]);
/** Words that, before "code", make it a status code: "exit code 2", "returns code 1". */
const STATUS_BEFORE = new Set(['exit', 'exits', 'status', 'error', 'return', 'returns', 'returned', 'http', 'response', 'with', 'code']);
const SUPERLATIVE_WORDS = new Set(['best', 'most', 'least', 'top', 'leading', 'worst', 'first']);
/** -est words that are no superlative. */
const NOT_SUPERLATIVE = new Set(['test', 'rest', 'interest', 'forest', 'guest', 'request', 'suggest', 'honest', 'modest', 'latest', 'contest', 'protest', 'invest', 'digest', 'manifest', 'harvest', 'arrest', 'chest', 'quest', 'west', 'nest', 'pest', 'vest', 'earnest', 'attest', 'ingest']);
const TABLE_LABEL_WORDS = 3;

/** Why the match is not a statement about the offer, or undefined when it is one. */
export function judgeClaim(input: JudgeInput): string | undefined {
  const { text, tokens, first, last, textStart, textEnd, sentence } = input;
  for (const exclusion of input.exclusions) {
    if (exclusion.textStart < textEnd && textStart < exclusion.textEnd) return exclusion.label;
  }
  const sentenceText = text.slice(sentence.start, sentence.end);
  const claim = input.kind === 'claim';
  if (claim && /\?["'”’)\]]*\s*$/.test(sentenceText)) return 'a question';
  // "Why Rakuten is #1:", "Why it's the best": a heading that explains a position in a list
  if (claim && /^[\s\W]*why\b/i.test(sentenceText)) return 'a question';
  if (claim && inQuotation(sentenceText, textStart - sentence.start, textEnd - sentence.start)) return 'a quotation';
  const firstWord = tokens.words[first]!;
  const before = tokens.words[first - 1];
  if (/^#\d/.test(firstWord)) {
    // "$7/month, #1 satisfaction rating": a word across punctuation does not number the rank
    const joined = first > 0 && /^\s*$/.test(text.slice(tokens.ends[first - 1]!, tokens.starts[first]!));
    if (joined && before !== undefined && REFERENCE_BEFORE.has(before)) return `a reference number ("${before} ${firstWord}")`;
    if (before === 'their' || before === 'his' || before === 'her') return `a rank of someone else's ("${before} ${firstWord}")`;
    // "Start from #1 and work down", "#1: How to start", "Write #1 (...)": a position in a list,
    // unless a verb of ranking makes it a rank ("ranks #1 in", "is #1")
    const after = input.text.slice(input.tokens.ends[last]!, input.tokens.starts[last + 1] ?? input.text.length);
    const nextWord = input.tokens.words[last + 1];
    // (only where the match is the number alone: "#1 rated" ranks by its own words)
    if (first === last && (/^\s*[:()[\]]/.test(after) || nextWord === undefined || nextWord === 'and' || nextWord === 'or') && !(before !== undefined && RANKING_VERBS.has(before))) return 'a position in a list';
    // "Video #1", "Mistake #1", "Case Study #1": a noun numbered, not a rank
    const previous = first > 0 ? taggedAt(input, input.tokens.starts[first - 1]!) : undefined;
    if (joined && previous && (previous.pos === 'NOUN' || previous.pos === 'PROPN') && before !== undefined && !/^(the|our|a)$/.test(before)) return `a reference number ("${previous.text} ${firstWord}")`;
    if (startsItsBlock(input) && nextIsVerb(input, last)) return 'a list number before an instruction';
  }
  const lastWord = tokens.words[last]!;
  if (lastWord === 'code') {
    const after = tokens.words[last + 1];
    if ((after !== undefined && /^\d+$/.test(after)) || (before !== undefined && STATUS_BEFORE.has(before) && first === last)) return 'a status code';
  }
  if (!claim) return undefined;
  if (input.blockKind === 'table-row' && cellWords(input) <= TABLE_LABEL_WORDS) return 'a table label';
  if (input.tokens.words.slice(first, last + 1).some((w) => isSuperlative(w) || /^#\d$/.test(w))) return judgeSuperlative(input);
  // a capitalised subject is a name (ours, or a product's), unless it is a pronoun starting the sentence
  const named = first > 0 && /^\p{Lu}/u.test(input.text.slice(input.tokens.starts[first - 1]!)) && !PRONOUNS.has(before ?? '');
  if (first === last && input.tokens.words[last + 1] === 'that' && before !== undefined && !SPEAKERS.has(before) && !input.offerWords.has(before) && !named) {
    // "this guarantees that ids are unique": a verb whose subject is a thing, not us
    return `a verb about "${before}", not the offer`;
  }
  return undefined;
}

const PRONOUNS = new Set(['this', 'it', 'that', 'which', 'these', 'those', 'he', 'she', 'they', 'there', 'what']);
/** Subjects that make a "guarantees that" ours. */
const SPEAKERS = new Set(['we', 'i', 'our', 'us', "we'll", "we're"]);

/** Inside a pair of quotation marks within its sentence: someone else's words, or a mention. */
function inQuotation(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const opens = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  if (opens > 0 && after.includes('”')) return true;
  // straight quotes: an odd number before (ignoring apostrophes inside words) and one after
  const straight = (before.match(/(?<![\p{L}\p{N}])"|"(?![\p{L}\p{N}])/gu) ?? []).length;
  return straight % 2 === 1 && /"/.test(after);
}

function startsItsBlock(input: JudgeInput): boolean {
  if (input.blockKind !== 'heading' && input.blockKind !== 'list-item' && input.blockKind !== 'table-row') return false;
  const lead = input.text.slice(input.blockKind === 'table-row' ? cellStart(input) : 0, input.textStart);
  return /^[\s\W]*$/u.test(lead);
}

function nextIsVerb(input: JudgeInput, last: number): boolean {
  const next = input.tokens.starts[last + 1];
  if (next === undefined) return false;
  const word = taggedAt(input, next);
  return word !== undefined && (word.pos === 'VERB' || word.pos === 'AUX');
}

function cellStart(input: JudgeInput): number {
  return input.text.lastIndexOf('\t', input.textStart - 1) + 1;
}

function cellWords(input: JudgeInput): number {
  const end = input.text.indexOf('\t', input.textEnd);
  const cell = input.text.slice(cellStart(input), end < 0 ? input.text.length : end);
  return cell.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function isSuperlative(word: string): boolean {
  return SUPERLATIVE_WORDS.has(word) || (word.length > 4 && word.endsWith('est') && !NOT_SUPERLATIVE.has(word));
}

/** The tagged word of the match's sentence that starts at a text offset. */
function taggedAt(input: JudgeInput, offset: number): TaggedWord | undefined {
  const words = tagSentence(input.text.slice(input.sentence.start, input.sentence.end));
  const at = offset - input.sentence.start;
  return words.find((w) => w.start <= at && at < w.end);
}

/**
 * A superlative (or a rank) is about the offer when it qualifies a noun phrase whose head is
 * the offer, or stands as a predicate ("Acme is the fastest"). An adverb ("grew fastest",
 * "works best") and a process or other thing ("the quickest way to", "the #1 mistake", "the
 * fastest growing pages") are not.
 */
function judgeSuperlative(input: JudgeInput): string | undefined {
  const sentence = input.text.slice(input.sentence.start, input.sentence.end);
  const words = tagSentence(sentence);
  const offsetOf = (token: number) => input.tokens.starts[token]! - input.sentence.start;
  const at = (offset: number) => words.findIndex((w) => w.start <= offset && offset < w.end);
  const firstIndex = at(offsetOf(input.first));
  const index = at(offsetOf(input.last));
  if (index < 0 || firstIndex < 0) return undefined;
  const sup = words[index]!;
  const previous = words[firstIndex - 1];
  // after a verb or an object pronoun a superlative says how: "grew fastest", "suits you best"
  const bare = firstIndex === index && isSuperlative(input.tokens.words[input.last]!);
  if (bare && previous !== undefined && (previous.pos === 'VERB' || previous.pos === 'PRON')) {
    return `an adverb ("${previous.text} ${sup.text}"): how something is done, not the offer`;
  }
  // the noun phrase after it: modifiers, then its nouns
  const nouns: string[] = [];
  let participle = false;
  for (let i = index + 1; i < words.length; i++) {
    const w = words[i]!;
    if (w.text === '-') continue;
    if (w.pos === 'NOUN' || w.pos === 'PROPN') nouns.push(w.text.toLowerCase());
    else if (w.pos === 'ADJ' || w.pos === 'NUM' || (w.pos === 'VERB' && /(ing|ed)$/i.test(w.text))) {
      if (nouns.length > 0) break;
      if (w.pos === 'VERB' || /ing$/i.test(w.text)) participle = true;
    } else break;
  }
  if (nouns.some((n) => input.offerWords.has(n))) return undefined;
  // "the #1 priority tool", "the #1 mistake teams make": a rank of the first noun
  if (/^#\d/.test(input.tokens.words[input.last]!) && nouns[0] !== undefined && NOT_OFFER.has(nouns[0])) return `about "${nouns[0]}", not the offer`;
  if (!nouns.some((n) => OFFER_NOUNS.has(n))) {
    const other = nouns.find((n) => NOT_OFFER.has(n));
    if (other !== undefined) return `about "${other}", not the offer`;
    if (participle) return `about "${nouns[nouns.length - 1]}", not the offer`;
  }
  // A phrase that ends on its superlative ("the quickest", "the #1") says nothing of what it
  // ranks: it is a claim about the offer only where it is said of the offer, as the brand or a
  // product named in it ("the fastest Acme yet"), "our" ("our most trusted platform"), a
  // predicate of the offer ("Acme is the best solution", "we are the leading provider"), an
  // apposition ("Meet Acme, the quickest search engine") or what we make ("we built the
  // quickest engine"), heading a noun of the offer when it has one. "The best budgeting app" in a
  // review of other companies' apps, and "we give you the best experience", are not.
  const span = input.tokens.words.slice(input.first, input.last + 1);
  const lastWord = span[span.length - 1]!;
  const rankCompound = (lastWord === 'rated' || lastWord === 'selling') && ['top', 'best', 'highest'].includes(span[span.length - 2] ?? '');
  // "#1" is a rank of its own, judged above (a reference, a list number, a mistake or a pick)
  const endsOnRank = isSuperlative(lastWord) || span.includes('most') || RANK_WORDS.has(lastWord) || rankCompound;
  if (!endsOnRank) return undefined;
  if (nouns.some((n) => input.offerWords.has(n))) return undefined;
  if ((span[0] === 'our' || saidOfTheOffer(input)) && !nouns.some((n) => NOT_OFFER.has(n))) return undefined;
  return 'a superlative not said of the offer';
}

const RANK_WORDS = new Set(['leading']);
const FIRST_PERSON_PLURAL = new Set(['we', 'our', 'us', 'ours', "we're", "we've", "we'll", 'ourselves']);

const COPULAS = new Set(['is', 'are', "'s", 'was', 'were', 'remains', 'remain', 'becomes', 'become', 'be', "it's", "we're", 'makes', 'make']);
const OFFERING_VERBS = new Set(['make', 'makes', 'made', 'build', 'builds', 'built', 'offer', 'offers', 'offered', 'provide', 'provides', 'sell', 'sells', 'ship', 'ships', 'run', 'runs', 'deliver', 'delivers']);
const SUBJECTS = new Set(['we', 'it', 'ours', 'this']);
/** Words between a subject and "to" + an offering verb: "we are proud to", "we strive to", "Acme is here to". */
const TO_LEADS = new Set(['is', 'are', 'proud', 'here', 'able', 'aim', 'aims', 'strive', 'strives', 'want', 'wants', 'continue', 'continues', 'committed', 'always', 'still']);
/** Verbs before "#1" that make it a rank even with nothing after it: "consistently ranks #1". */
const RANKING_VERBS = new Set(['rank', 'ranks', 'ranked', 'rated', 'voted', 'named', 'is', 'are', "'s", "it's", 'scores', 'score', 'remains', 'consistently']);

/**
 * Whether the phrase is said of the offer: "X is (one of) the...", "it's the...", "we are the...",
 * "we build the...", "Meet X, the...", where X is the brand, a product, we or it (it only when the
 * sentence names the brand or a product, or we).
 */
function saidOfTheOffer(input: JudgeInput): boolean {
  const { tokens, text } = input;
  const words = tokens.words;
  let j = input.first - 1;
  if (words[j] === 'the' || words[j] === 'a' || words[j] === 'our') j -= 1;
  if (words[j] === 'of' && words[j - 1] === 'one') j -= 2;
  const before = words[j];
  if (before === undefined) return false;
  const subjectOk = (word: string | undefined) => word !== undefined && (input.offerWords.has(word) || FIRST_PERSON_PLURAL.has(word) || SUBJECTS.has(word));
  const namesOffer = () => {
    for (let k = 0; k < words.length; k++) {
      if (tokens.starts[k]! < input.sentence.start || tokens.starts[k]! >= input.sentence.end) continue;
      if (input.offerWords.has(words[k]!) || FIRST_PERSON_PLURAL.has(words[k]!)) return true;
    }
    return false;
  };
  if (before === "it's" || before === "we're") return before === "we're" || namesOffer();
  if (COPULAS.has(before)) {
    let subject = j - 1;
    while (subject >= 0 && /^(also|still|simply|now|truly|really|easily|arguably|clearly)$/.test(words[subject]!)) subject--;
    const word = words[subject];
    return subjectOk(word) && (word !== 'it' && word !== 'this' || namesOffer());
  }
  if (OFFERING_VERBS.has(before)) {
    // "we are proud to deliver the...", "Acme aims to provide the...": the subject of the infinitive
    let subject = j - 1;
    if (words[subject] === 'to') {
      subject--;
      while (subject >= 0 && subject >= j - 6 && TO_LEADS.has(words[subject]!)) subject--;
    }
    return FIRST_PERSON_PLURAL.has(words[subject] ?? '') || input.offerWords.has(words[subject] ?? '');
  }
  // an apposition: "Meet Acme, the quickest ...", "Ubuntu Pro — the most comprehensive ..."
  const gap = text.slice(tokens.ends[j]!, tokens.starts[input.first]!);
  return /[,—–:]|\s-\s/.test(gap) && input.offerWords.has(before);
}

/** What a company offers, for superlatives before a participle ("the fastest-growing analytics tool"). */
const OFFER_NOUNS = new Set([
  'product', 'products', 'service', 'services', 'tool', 'tools', 'platform', 'platforms', 'software', 'app', 'apps',
  'application', 'applications', 'engine', 'dashboard', 'plan', 'plans', 'brand', 'company', 'provider', 'vendor',
  'solution', 'solutions', 'analytics', 'distribution', 'system', 'framework', 'library', 'database', 'cloud', 'hosting',
  'support', 'team', 'store', 'shop', 'marketplace', 'network', 'device', 'devices', 'alternative', 'suite',
  'subscription', 'subscriptions', 'os', 'offering', 'offerings', 'option', 'choice', 'integration',
]);

/** First person singular: an individual speaking for themself, as endorsers do. */
const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself', 'im', 'ive']);
/** Cues in a sentence that it speaks of this content's own links, codes or purchases. */
const FRAMING = [
  /\b(?:this|these|the following)\s+(?:post|posts|article|page|video|review|episode|newsletter|guide|list|site|blog|podcast|email|story|reel|link|links)\b/i,
  /\blinks?\s+(?:below|above|in\s+this|on\s+this|in\s+our|on\s+our)\b/i,
  /\bthrough\s+(?:these|our|my|them|the\s+links?)\b/i,
  /\bif\s+you\s+(?:buy|purchase|click|shop|sign\s+up|order|book|subscribe|make\s+a\s+purchase|use)\b/i,
  /\bat\s+no\s+(?:extra|additional)\s+cost\b/i,
  // "all links are affiliate links", "some of the links": this content's links, not the reader's
  /\b(?:all|some|many|most|several)\s+(?:of\s+(?:the|our|my)\s+)?links\b(?!\s+(?:in|on|of|from)\s+your)/i,
  // "this trip was sponsored", "my stay was gifted": what the speaker presents
  /\b(?:this|my|our)\s+[\p{L}-]+\s+(?:is|was|has\s+been|were)\s+(?:sponsored|gifted|paid\s+for)\b/iu,
];
const POSSESSIVE_BEFORE = new Set(['my', 'our']);

export interface FramingInput {
  text: string;
  tokens: Tokens;
  first: number;
  last: number;
  sentence: { start: number; end: number };
}

/**
 * Whether a disclosure trigger is framed as an endorsement: said by someone of their own links
 * or codes ("my affiliate link", "links in this post", "if you buy through them", "use code
 * MAYA20"), as a hashtag, or in the first person singular. Text about affiliate programmes
 * ("how affiliate links are tracked") and a company's business partners ("Acme partnered with
 * a cloud provider") is not.
 */
export function isEndorsementFraming(input: FramingInput): boolean {
  const { text, tokens, first, last, sentence } = input;
  const words = tokens.words;
  if (words[first]!.startsWith('#')) return true;
  for (let j = Math.max(0, first - 2); j < first; j++) if (POSSESSIVE_BEFORE.has(words[j]!)) return true;
  for (let j = first; j <= last; j++) if (POSSESSIVE_BEFORE.has(words[j]!) || FIRST_PERSON.has(words[j]!)) return true;
  if (words[last] === 'code') {
    // a promo code is written in capitals and digits: "use code MAYA20"
    const next = tokens.starts[last + 1];
    const raw = next === undefined ? '' : text.slice(next, tokens.ends[last + 1]!);
    if (/^(?=.*\p{Lu})[\p{Lu}\p{N}]{4,}$/u.test(raw)) return true;
  }
  for (let j = 0; j < words.length; j++) {
    if (tokens.starts[j]! < sentence.start) continue;
    if (tokens.starts[j]! >= sentence.end) break;
    if (FIRST_PERSON.has(words[j]!)) return true;
  }
  const sentenceText = text.slice(sentence.start, sentence.end);
  return FRAMING.some((re) => re.test(sentenceText));
}
