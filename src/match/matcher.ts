/**
 * The compiled matcher: every phrase of a spec (fact templates, claims, product names,
 * promises, disclosure triggers and texts, term misuses) compiled once per run into one
 * index keyed by each phrase's possible first words. A block is tokenised once and every
 * token is looked up once; rules then read the matches instead of rescanning the text.
 */
import { RE2JS } from 're2js';
import { toSourceRange, type Document, type TextBlock } from '../model/document.js';
import { judgeClaim } from './judge.js';
import { isNegated } from './negation.js';
import { sentenceIndexAt, sentencesOf } from './sentences.js';
import { completeWithUnit, findQuantities, parseQuantity, type Quantity } from './quantity.js';
import type { TemplateNode } from './template.js';
import { joinsPhrase, punctuationOf, tokenize, type Tokens } from './tokens.js';
import { EXCLUDING_KINDS, type Match, type Phrase, type PhraseKind, type SpecPhrase } from './types.js';

export type { Match, PhraseKind, SpecPhrase } from './types.js';

export interface DocumentMatches {
  all: Match[];
  of(kind: PhraseKind): Match[];
}

interface CompiledTemplate {
  kind: PhraseKind;
  itemId: string;
  phrase: Phrase;
  nodes: TemplateNode[];
  /** negation is judged for phrases that assert something; a misspelt term is wrong either way */
  negatable: boolean;
  /** words that may stand between two words of the template (see SLACK) */
  slack: number;
}

interface CompiledRegex {
  kind: PhraseKind;
  itemId: string;
  phrase: Phrase;
  regex: RE2JS;
  negatable: boolean;
}

export interface MatcherOptions {
  /** speakers whose lines are not matched */
  ignoredSpeakers: readonly string[];
  /** read times of day as quantities */
  times?: boolean;
  /** test hook: counts the tokens walked to place regex matches, so linear time is checked without a clock */
  work?: { steps: number };
  /** words that name the offer (brand, products), which a claim about the offer is said of (src/match/judge.ts) */
  offerWords?: readonly string[];
  /** test hook: counts template matching steps, so a test can check that work grows linearly, not with the clock */
  steps?: { count: number };
}

const VALUE_KEY = '\u0000value';
const NEGATABLE: Record<PhraseKind, boolean> = {
  fact: true,
  claim: true,
  product: false,
  promise: true,
  'disclosure-when': true,
  'disclosure-include': false,
  term: false,
  delivery: true,
  'claim-unless': false,
  'disclosure-unless': false,
  idiom: false,
  // a topic only places a fact; whether its statement is negated is judged at the quantity
  topic: false,
};
/**
 * Extra words a phrase may take between two of its words. A disclosure is written in many
 * small variants ("we may earn an affiliate commission" for "we earn a commission"): its texts
 * take up to two. Everything else matches word for word.
 */
const SLACK: Partial<Record<PhraseKind, number>> = { 'disclosure-include': 2 };
/** Matches the claim judgement looks at, and the kind of the `unless` phrases that hold each back. */
const JUDGED: Partial<Record<PhraseKind, PhraseKind>> = { claim: 'claim-unless', 'disclosure-when': 'disclosure-unless' };

export class Matcher {
  private readonly byFirstWord = new Map<string, CompiledTemplate[]>();
  private readonly regexes: CompiledRegex[] = [];
  private readonly needsQuantities: boolean;
  private readonly offerWords: ReadonlySet<string>;

  constructor(
    phrases: SpecPhrase[],
    private readonly options: MatcherOptions = { ignoredSpeakers: [] },
  ) {
    this.offerWords = new Set((options.offerWords ?? []).map((w) => w.toLowerCase()));
    let needsQuantities = false;
    for (const { kind, itemId, phrase } of phrases) {
      const negatable = NEGATABLE[kind];
      if (phrase.isRegex) {
        this.regexes.push({ kind, itemId, phrase, negatable, regex: RE2JS.compile(phrase.source, RE2JS.CASE_INSENSITIVE) });
        needsQuantities ||= kind === 'fact';
        continue;
      }
      const template = phrase.template;
      // The spec parser compiles every template; a phrase without one is a bug, not a user's mistake.
      if (!template) throw new Error(`phrase ${JSON.stringify(phrase.source)} was not compiled`);
      needsQuantities ||= template.hasValue;
      const compiled: CompiledTemplate = { kind, itemId, phrase, nodes: template.nodes, negatable, slack: SLACK[kind] ?? 0 };
      for (const first of firstWords(template.nodes)) {
        const list = this.byFirstWord.get(first);
        if (list) list.push(compiled);
        else this.byFirstWord.set(first, [compiled]);
      }
    }
    this.needsQuantities = needsQuantities;
  }

  /**
   * Every match in a document, in block then text order. With a memo, a block whose text the memo
   * has seen (the same paragraph in the last version of an edited document) is not scanned again.
   */
  match(doc: Document, memo?: BlockMatchMemo): DocumentMatches {
    const all: Match[] = [];
    const ignored = new Set(this.options.ignoredSpeakers.map((s) => s.toLowerCase()));
    doc.blocks.forEach((block, index) => {
      if (block.speaker && ignored.has(block.speaker.toLowerCase())) return;
      let found = memo?.get(this, block.text);
      if (!found) {
        const scanned = this.scanBlock(block.text);
        memo?.set(this, block.text, scanned);
        found = scanned;
      }
      const matches = found.map((match) => toMatch(match, block, index));
      if (matches.some((m) => JUDGED[m.kind] !== undefined && !m.negated)) this.judge(block, matches);
      // A loop, not push(...): a 5 MB line holds more matches than a call can take as arguments.
      for (const match of matches) if (!EXCLUDING_KINDS.has(match.kind)) all.push(match);
    });
    return groupMatches(all);
  }

  /** The matches in one block's text, with ranges in that text: they depend on nothing else. */
  private scanBlock(text: string): BlockMatch[] {
    const tokens = tokenize(text);
    const quantities = this.needsQuantities ? quantitiesByToken(text, tokens, this.options.times ?? false) : new Map<number, QuantityAt>();
    const found: BlockMatch[] = [];
    // failures remembered per template (see matchSequence): two templates may share a node array but not their slack
    const failed = new Map<CompiledTemplate, Map<TemplateNode[], Set<number>>>();
    for (let pos = 0; pos < tokens.words.length; pos++) {
      for (const template of this.candidates(tokens.words[pos]!, quantities.has(pos))) {
        const captured: { value?: QuantityAt } = {};
        let failedHere = failed.get(template);
        if (!failedHere) failed.set(template, (failedHere = new Map()));
        const state: MatchState = { tokens, text, quantities, captured, start: pos, slack: template.slack, failed: failedHere, steps: this.options.steps };
        const end = matchSequence(template.nodes, 0, pos, true, state, finish(state));
        if (end < 0) continue;
        const textStart = tokens.starts[pos]!;
        const textEnd = tokens.ends[end - 1]! + (state.trailing ?? 0);
        const value = captured.value && completed(captured.value, tokens.words.slice(captured.value.endToken + 1, end));
        found.push(blockMatch(template, textStart, textEnd, template.negatable && isNegated(text, tokens, pos, end - 1), value?.quantity));
      }
    }
    for (const compiled of this.regexes) {
      const matcher = compiled.regex.matcher(text);
      // Matches come in text order, so the first token of each is found by moving on from the
      // last one's: one walk over the tokens per regex, not one per match.
      let firstToken = 0;
      while (matcher.find()) {
        const textStart = matcher.start();
        const textEnd = matcher.end();
        if (textEnd === textStart) continue;
        while (firstToken < tokens.ends.length && tokens.ends[firstToken]! <= textStart) firstToken++;
        if (this.options.work) this.options.work.steps += 1; // one per match; the walks are added below
        const onToken = firstToken < tokens.ends.length;
        // The last token walks on from the first: a match spans few tokens, so this adds its length.
        let lastToken = firstToken;
        while (lastToken + 1 < tokens.starts.length && tokens.starts[lastToken + 1]! < textEnd) lastToken++;
        if (this.options.work) this.options.work.steps += lastToken - firstToken;
        const negated = compiled.negatable && onToken && isNegated(text, tokens, firstToken, lastToken);
        let value: Quantity | undefined;
        if (compiled.kind === 'fact') {
          // A fact's regex captures its value in a group named `value` (the loader requires it).
          const valueStart = matcher.start('value');
          const q = valueStart >= 0 ? parseQuantity(text.slice(valueStart, matcher.end('value'))) : undefined;
          if (!q) continue;
          value = { ...q, start: valueStart + q.start, end: valueStart + q.end };
        }
        found.push(blockMatch(compiled, textStart, textEnd, negated, value));
      }
      if (this.options.work) this.options.work.steps += firstToken;
    }
    return keepLongest(found);
  }

  /**
   * Holds back the claims and triggers that, in context, are not statements about the offer
   * (src/match/judge.ts): run only on blocks where one matched, so a corpus without claims
   * never pays for it. It reads the block (its kind, its sentences), so it runs after the memo.
   */
  private judge(block: TextBlock, matches: Match[]): void {
    const text = block.text;
    const tokens = tokenize(text);
    const exclusions = matches.filter((m) => EXCLUDING_KINDS.has(m.kind));
    for (const match of matches) {
      const unlessKind = JUDGED[match.kind];
      if (unlessKind === undefined || match.negated) continue;
      const applying = exclusions
        .filter((e) => e.kind === 'idiom' || (e.kind === unlessKind && e.itemId === match.itemId))
        .map((e) => ({ textStart: e.textStart, textEnd: e.textEnd, label: `${e.kind === 'idiom' ? 'the idiom' : 'unless'} "${text.slice(e.textStart, e.textEnd)}"` }));
      const first = tokens.ends.findIndex((end) => end > match.textStart);
      let last = first;
      while (last + 1 < tokens.starts.length && tokens.starts[last + 1]! < match.textEnd) last++;
      if (first < 0) continue;
      const [start, end] = sentencesOf(block)[sentenceIndexAt(block, match.textStart)] ?? [0, text.length];
      const reason = judgeClaim({
        kind: match.kind === 'claim' ? 'claim' : 'trigger',
        text, tokens, blockKind: block.kind, first, last, textStart: match.textStart, textEnd: match.textEnd,
        sentence: { start, end }, exclusions: applying, offerWords: this.offerWords,
      });
      if (reason !== undefined) match.heldBack = reason;
    }
  }

  private candidates(word: string, atQuantity: boolean): CompiledTemplate[] {
    const lists: CompiledTemplate[][] = [];
    const push = (key: string) => {
      const list = this.byFirstWord.get(key);
      if (list) lists.push(list);
    };
    push(word);
    // A one-word phrase may be plural ("waterproof" in "waterproofs"): its first word is its last.
    if (word.endsWith('s')) push(word.slice(0, -1));
    if (word.endsWith('es')) push(word.slice(0, -2));
    if (atQuantity) push(VALUE_KEY);
    if (lists.length === 1) return lists[0]!;
    return [...new Set(lists.flat())];
  }

}

/** A match within one block's text, before it is placed in a document. */
interface BlockMatch {
  kind: PhraseKind;
  itemId: string;
  phrase: Phrase;
  textStart: number;
  textEnd: number;
  negated: boolean;
  value?: Quantity;
}

function blockMatch(compiled: { kind: PhraseKind; itemId: string; phrase: Phrase }, textStart: number, textEnd: number, negated: boolean, value: Quantity | undefined): BlockMatch {
  const match: BlockMatch = { kind: compiled.kind, itemId: compiled.itemId, phrase: compiled.phrase, textStart, textEnd, negated };
  if (value) match.value = value;
  return match;
}

function toMatch(found: BlockMatch, block: TextBlock, blockIndex: number): Match {
  const { start, end } = toSourceRange(block, found.textStart, found.textEnd);
  const match: Match = { kind: found.kind, itemId: found.itemId, phrase: found.phrase, block: blockIndex, textStart: found.textStart, textEnd: found.textEnd, start, end, negated: found.negated };
  if (found.value) {
    const range = toSourceRange(block, found.value.start, found.value.end);
    match.value = { quantity: found.value, start: range.start, end: range.end };
  }
  return match;
}

/**
 * What one document's blocks matched, kept from one version of the document to the next (an
 * editor's buffer): a version reads what the last one stored and stores what it matched, so the
 * memo never holds more than two versions' blocks. It belongs to one matcher; another's asks miss.
 */
export class BlockMatchMemo {
  private previous = new Map<string, BlockMatch[]>();
  private current = new Map<string, BlockMatch[]>();
  private owner: Matcher | undefined;

  /** A new version of the document is read: the last one's blocks stay available, older ones go. */
  nextVersion(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(matcher: Matcher, text: string): readonly BlockMatch[] | undefined {
    if (matcher !== this.owner) return undefined;
    const found = this.current.get(text) ?? this.previous.get(text);
    if (found) this.current.set(text, found);
    return found;
  }

  set(matcher: Matcher, text: string, found: BlockMatch[]): void {
    if (matcher !== this.owner) {
      this.owner = matcher;
      this.previous = new Map();
      this.current = new Map();
    }
    this.current.set(text, found);
  }
}

interface QuantityAt {
  quantity: Quantity;
  /** index of the quantity's last token */
  endToken: number;
}

/** A captured bare number completed by the unit among the phrase's words after it ("2 free months"). */
function completed(at: QuantityAt, following: string[]): QuantityAt {
  const quantity = completeWithUnit(at.quantity, following);
  return quantity === at.quantity ? at : { ...at, quantity };
}

/** Quantities keyed by the token they start at, with the token they end at. */
function quantitiesByToken(text: string, tokens: Tokens, times: boolean): Map<number, QuantityAt> {
  const out = new Map<number, QuantityAt>();
  const quantities = findQuantities(text, { times });
  let t = 0;
  for (const quantity of quantities) {
    while (t < tokens.starts.length && tokens.ends[t]! <= quantity.start) t++;
    if (t >= tokens.starts.length) break;
    // The quantity must start at a token's start (no value in the middle of a word).
    if (tokens.starts[t]! < quantity.start - 1) continue;
    let last = t;
    while (last + 1 < tokens.starts.length && tokens.starts[last + 1]! < quantity.end) last++;
    out.set(t, { quantity, endToken: last });
  }
  return out;
}

interface MatchState {
  tokens: Tokens;
  text: string;
  quantities: Map<number, QuantityAt>;
  captured: { value?: QuantityAt };
  /** the token the match started at: no gap is checked before it */
  start: number;
  /** characters of template punctuation matched after the last word */
  trailing?: number;
  /** extra words allowed before each word but the first */
  slack: number;
  /** (i, token) pairs known to fail, by node array: past the first token, for the whole block */
  failed: Map<TemplateNode[], Set<number>>;
  /** the same at the first token, for this start only */
  failedAtStart?: Map<TemplateNode[], Set<number>>;
  steps?: { count: number } | undefined;
}

/**
 * Matches nodes[i..] at token `pos`, then the continuation; returns the end token (exclusive)
 * or -1. `tail` says nothing follows this sequence, so its last word may take a plural.
 * `punct` is the template punctuation the gap before `pos` must hold (empty: the gap must
 * merely join). Optional groups are tried taken first, so the longest reading wins.
 *
 * A template is a tree and each node array sits at one place in it, so the continuation of a
 * call is fixed by (nodes, i): a failure there at a token, with no punctuation pending, fails
 * whatever path led to it, and is remembered. Past the first token nothing depends on where the
 * match started, so those failures hold for every start in the block: the work per template is
 * bounded by its size times the block's words. Without that, thirteen optional groups that all
 * match meant 8,192 paths per word. (Pending punctuation is rare and short: not remembered.)
 */
function matchSequence(nodes: TemplateNode[], i: number, pos: number, tail: boolean, state: MatchState, k: Continuation, punct = ''): number {
  if (state.steps) state.steps.count += 1;
  if (i === nodes.length) return k(pos, punct);
  if (punct !== '') return matchNode(nodes, i, pos, tail, state, k, punct);
  const key = i * (state.tokens.words.length + 1) + pos;
  // At the first token no gap is checked, so what fails there fails for this start only.
  const memo = pos === state.start ? (state.failedAtStart ??= new Map()) : state.failed;
  const failed = memo.get(nodes);
  if (failed?.has(key)) return -1;
  const end = matchNode(nodes, i, pos, tail, state, k, punct);
  if (end < 0) {
    if (failed) failed.add(key);
    else memo.set(nodes, new Set([key]));
  }
  return end;
}

/** Matches the node at nodes[i], then the rest (see matchSequence). */
function matchNode(nodes: TemplateNode[], i: number, pos: number, tail: boolean, state: MatchState, k: Continuation, punct: string): number {
  const node = nodes[i]!;
  if (node.type === 'punct') return matchSequence(nodes, i + 1, pos, tail, state, k, punct + node.text);
  const last = tail && isLastWord(nodes, i);
  if (node.type !== 'group' && !gapHolds(state, pos, punct)) return -1;
  if (node.type === 'word') {
    const word = state.tokens.words[pos];
    if (word === undefined) return -1;
    if (word === node.word || (last && (word === node.word + 's' || word === node.word + 'es'))) {
      const end = matchSequence(nodes, i + 1, pos + 1, tail, state, k);
      if (end >= 0) return end;
    }
    // "earn an affiliate commission" for "earn a commission": skip a few joined words, never the first
    if (state.slack > 0 && pos > state.start && punct === '') {
      for (let skip = 1; skip <= state.slack && pos + skip < state.tokens.words.length; skip++) {
        if (!gapHolds(state, pos + skip, '')) break;
        const candidate = state.tokens.words[pos + skip]!;
        if (candidate === node.word || (last && (candidate === node.word + 's' || candidate === node.word + 'es'))) {
          const end = matchSequence(nodes, i + 1, pos + skip + 1, tail, state, k);
          if (end >= 0) return end;
        }
      }
    }
    return -1;
  }
  if (node.type === 'value') {
    const at = state.quantities.get(pos);
    if (!at) return -1;
    const previous = state.captured.value;
    state.captured.value = at;
    const end = matchSequence(nodes, i + 1, at.endToken + 1, tail, state, k);
    if (end < 0) state.captured.value = previous;
    return end;
  }
  for (const option of node.options) {
    const end = matchSequence(option, 0, pos, last, state, (after, pending) => matchSequence(nodes, i + 1, after, tail, state, k, pending), punct);
    if (end >= 0) return end;
  }
  if (node.optional) return matchSequence(nodes, i + 1, pos, tail, state, k, punct);
  return -1;
}

type Continuation = (pos: number, punct: string) => number;

/**
 * The top-level continuation: punctuation the template ends with must follow the last word,
 * and the match then reaches to its end (`state.trailing`, in characters past the last word).
 */
function finish(state: MatchState): Continuation {
  return (pos, punct) => {
    state.trailing = 0;
    if (punct === '') return pos;
    const from = state.tokens.ends[pos - 1]!;
    const gap = state.text.slice(from, state.tokens.starts[pos] ?? state.text.length);
    let seen = '';
    for (let i = 0; i < gap.length && seen.length < punct.length; i++) {
      const ch = gap[i]!;
      if (punctuationOf(ch) === '') continue;
      seen += ch;
      state.trailing = i + 1;
    }
    return seen === punct ? pos : -1;
  };
}

/** Whether node i is the last word of its sequence (punctuation after it does not count). */
function isLastWord(nodes: TemplateNode[], i: number): boolean {
  for (let j = i + 1; j < nodes.length; j++) if (nodes[j]!.type !== 'punct') return false;
  return true;
}

/**
 * The text before token pos may stand inside a phrase: between two words of a match, it joins
 * them (space, hyphen) and holds exactly the template's punctuation there; before the first
 * word, it ends with the punctuation the template starts with.
 */
function gapHolds(state: MatchState, pos: number, punct: string): boolean {
  if (pos >= state.tokens.words.length) return true;
  if (pos === state.start) {
    if (punct === '') return true;
    const before = state.text.slice(pos > 0 ? state.tokens.ends[pos - 1]! : 0, state.tokens.starts[pos]!);
    return punctuationOf(before).endsWith(punct);
  }
  const gap = state.text.slice(state.tokens.ends[pos - 1]!, state.tokens.starts[pos]!);
  return punct === '' ? joinsPhrase(gap) : punctuationOf(gap) === punct;
}

/** Words a template can start with (`VALUE_KEY` for `{value}`). */
function firstWords(nodes: TemplateNode[]): Set<string> {
  const out = new Set<string>();
  for (const node of nodes) {
    if (node.type === 'punct') continue;
    if (node.type === 'word') {
      out.add(node.word);
      return out;
    }
    if (node.type === 'value') {
      out.add(VALUE_KEY);
      return out;
    }
    let allMayBeEmpty = node.optional;
    for (const option of node.options) {
      const inner = firstWords(option);
      for (const w of inner) if (w !== '') out.add(w);
      if (inner.has('')) allMayBeEmpty = true;
    }
    if (!allMayBeEmpty) return out;
  }
  out.add('');
  return out;
}

/** For one spec item, overlapping matches collapse to the longest (then leftmost). */
function keepLongest(found: BlockMatch[]): BlockMatch[] {
  found.sort((a, b) => a.textStart - b.textStart || b.textEnd - a.textEnd);
  const lastEndByItem = new Map<string, number>();
  const out: BlockMatch[] = [];
  for (const match of found) {
    const key = `${match.kind}\u0000${match.itemId}`;
    const lastEnd = lastEndByItem.get(key) ?? -1;
    if (match.textStart < lastEnd) continue;
    lastEndByItem.set(key, match.textEnd);
    out.push(match);
  }
  return out;
}

function groupMatches(all: Match[]): DocumentMatches {
  const byKind = new Map<PhraseKind, Match[]>();
  for (const match of all) {
    const list = byKind.get(match.kind);
    if (list) list.push(match);
    else byKind.set(match.kind, [match]);
  }
  return { all, of: (kind) => byKind.get(kind) ?? [] };
}
