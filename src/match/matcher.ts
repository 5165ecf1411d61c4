/**
 * The compiled matcher: every phrase of a spec (fact templates, claims, product names,
 * promises, disclosure triggers and texts, term misuses) compiled once per run into one
 * index keyed by each phrase's possible first words. A block is tokenised once and every
 * token is looked up once; rules then read the matches instead of rescanning the text.
 */
import { RE2JS } from 're2js';
import { toSourceRange, type Document, type TextBlock } from '../model/document.js';
import { isNegated } from './negation.js';
import { findQuantities, parseQuantity, type Quantity } from './quantity.js';
import type { TemplateNode } from './template.js';
import { joinsPhrase, tokenize, type Tokens } from './tokens.js';
import type { Match, Phrase, PhraseKind, SpecPhrase } from './types.js';

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
};

export class Matcher {
  private readonly byFirstWord = new Map<string, CompiledTemplate[]>();
  private readonly regexes: CompiledRegex[] = [];
  private readonly needsQuantities: boolean;

  constructor(
    phrases: SpecPhrase[],
    private readonly options: MatcherOptions = { ignoredSpeakers: [] },
  ) {
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
      const compiled: CompiledTemplate = { kind, itemId, phrase, nodes: template.nodes, negatable };
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
      // A loop, not push(...): a 5 MB line holds more matches than a call can take as arguments.
      for (const match of found) all.push(toMatch(match, block, index));
    });
    return groupMatches(all);
  }

  /** The matches in one block's text, with ranges in that text: they depend on nothing else. */
  private scanBlock(text: string): BlockMatch[] {
    const tokens = tokenize(text);
    const quantities = this.needsQuantities ? quantitiesByToken(text, tokens, this.options.times ?? false) : new Map<number, QuantityAt>();
    const found: BlockMatch[] = [];
    const failed = new Map<TemplateNode[], Set<number>>();
    for (let pos = 0; pos < tokens.words.length; pos++) {
      for (const template of this.candidates(tokens.words[pos]!, quantities.has(pos))) {
        const captured: { value?: QuantityAt } = {};
        const state: MatchState = { tokens, text, quantities, captured, start: pos, failed, steps: this.options.steps };
        const end = matchSequence(template.nodes, 0, pos, true, state, (at) => at);
        if (end < 0) continue;
        const textStart = tokens.starts[pos]!;
        const textEnd = tokens.ends[end - 1]!;
        found.push(blockMatch(template, textStart, textEnd, template.negatable && isNegated(text, tokens, pos), captured.value?.quantity));
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
        if (this.options.work) this.options.work.steps += 1; // one per match; the walk is added below
        const onToken = firstToken < tokens.ends.length;
        const negated = compiled.negatable && onToken && isNegated(text, tokens, firstToken);
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
  /** (i, token) pairs known to fail, by node array: past the first token, for the whole block */
  failed: Map<TemplateNode[], Set<number>>;
  /** the same at the first token, for this start only */
  failedAtStart?: Map<TemplateNode[], Set<number>>;
  steps?: { count: number } | undefined;
}

/**
 * Matches nodes[i..] at token `pos`, then the continuation; returns the end token (exclusive)
 * or -1. `tail` says nothing follows this sequence, so its last word may take a plural.
 * Optional groups are tried taken first, so the longest reading wins.
 *
 * A template is a tree and each node array sits at one place in it, so the continuation of a
 * call is fixed by (nodes, i): a failure there at a token fails whatever path led to it, and is
 * remembered. Past the first token nothing depends on where the match started, so those
 * failures hold for every start in the block: the work per template is bounded by its size
 * times the block's words. Without that, thirteen optional groups that all match meant 8,192
 * paths per word.
 */
function matchSequence(nodes: TemplateNode[], i: number, pos: number, tail: boolean, state: MatchState, k: (pos: number) => number): number {
  if (state.steps) state.steps.count += 1;
  // A run of words is a loop, not a call per word.
  for (;;) {
    if (i === nodes.length) return k(pos);
    if (pos > state.start && pos < state.tokens.words.length && !gapJoins(state, pos)) return -1;
    const node = nodes[i]!;
    if (node.type !== 'word') break;
    const word = state.tokens.words[pos];
    if (word === undefined) return -1;
    const last = tail && i === nodes.length - 1;
    if (!(word === node.word || (last && (word === node.word + 's' || word === node.word + 'es')))) return -1;
    i += 1;
    pos += 1;
  }
  const key = i * (state.tokens.words.length + 1) + pos;
  // At the first token no gap is checked, so what fails there fails for this start only.
  const memo = pos === state.start ? (state.failedAtStart ??= new Map()) : state.failed;
  const failed = memo.get(nodes);
  if (failed?.has(key)) return -1;
  const end = matchNode(nodes, i, pos, tail, state, k);
  if (end < 0) {
    if (failed) failed.add(key);
    else memo.set(nodes, new Set([key]));
  }
  return end;
}

/** Matches the group or `{value}` at nodes[i], then the rest (see matchSequence). */
function matchNode(nodes: TemplateNode[], i: number, pos: number, tail: boolean, state: MatchState, k: (pos: number) => number): number {
  const node = nodes[i]!;
  if (node.type === 'word') return matchSequence(nodes, i, pos, tail, state, k);
  if (node.type === 'value') {
    const at = state.quantities.get(pos);
    if (!at) return -1;
    const previous = state.captured.value;
    state.captured.value = at;
    const end = matchSequence(nodes, i + 1, at.endToken + 1, tail, state, k);
    if (end < 0) state.captured.value = previous;
    return end;
  }
  const last = tail && i === nodes.length - 1;
  for (const option of node.options) {
    const end = matchSequence(option, 0, pos, last, state, (after) => matchSequence(nodes, i + 1, after, tail, state, k));
    if (end >= 0) return end;
  }
  if (node.optional) return matchSequence(nodes, i + 1, pos, tail, state, k);
  return -1;
}

/** The text between token pos-1 and pos may join a phrase (space, hyphen), not end a sentence. */
function gapJoins(state: MatchState, pos: number): boolean {
  return joinsPhrase(state.text.slice(state.tokens.ends[pos - 1]!, state.tokens.starts[pos]!));
}

/** Words a template can start with (`VALUE_KEY` for `{value}`). */
function firstWords(nodes: TemplateNode[]): Set<string> {
  const out = new Set<string>();
  for (const node of nodes) {
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
