/**
 * Inferred statements: a quantity of a fact's kind that stands with one of the fact's topic
 * words, in the same sentence with nothing between them but light words ("refunds are accepted
 * for 14 days"), as a label and its value ("Return window: 30 days", a table row "Returns | 60
 * days", a column headed "Returns"), is a statement of the fact even where no template matched.
 * Precision first: a negated quantity, a question, a quantity a template already read, a word
 * between them that names another measure ("refunds are processed within 5 days"), two facts
 * equally near, or an amount far from the fact's own size says nothing of the fact.
 */
import { toSourceRange, type Document, type TextBlock } from '../model/document.js';
import { CLAUSE_STARTERS, isNegated } from './negation.js';
import { findQuantities, magnitude, unitOfWord } from './quantity.js';
import { tagSentence } from './pos.js';
import { sentenceIndexAt, sentencesOf } from './sentences.js';
import { tokenize, type Tokens } from './tokens.js';
import type { Match, Quantity, QuantityKind } from './types.js';
import { LIGHT_BEFORE_TOPIC, LIGHT_WORDS, REFERENCE_POINT } from './words.js';

/** How a topic and a quantity stand together. */
export type Structure = 'sentence' | 'label' | 'row' | 'column';

export interface InferredStatement {
  /** the fact */
  itemId: string;
  block: number;
  /** the quantity, in the block's text offsets */
  quantity: Quantity;
  /** the quantity's range in the source file */
  start: number;
  end: number;
  /** the topic words as written, and their range in the block's text */
  topic: { text: string; textStart: number; textEnd: number };
  structure: Structure;
  /** what a reader sees from the topic to the quantity ("Refunds are accepted for 14 days", "Returns | 60 days") */
  phrase: string;
}

export interface InferInput {
  doc: Document;
  /** the document's topic matches (kind `topic`; `itemId` is the fact) */
  topics: readonly Match[];
  /** matches whose quantities templates have read (facts' and delivery times' templates): never inferred again */
  read: readonly Match[];
  /** fact id -> the kind of quantity that states it, and its value */
  facts: ReadonlyMap<string, { kind: QuantityKind; value: Quantity }>;
  /** read times of day as quantities (some fact's value is a time) */
  times?: boolean;
  /** words of the brand's and the products' names: a name before a topic that is none of them speaks of someone else */
  offerWords?: ReadonlySet<string>;
}

/** Light words allowed between a topic and its quantity in a sentence. */
const MAX_GAP = 6;
/** Words besides the quantity a value cell may hold ("up to 60 days"). */
const MAX_VALUE_CELL_EXTRA = 3;
/** An amount more than this many times larger or smaller than the fact's value measures something else (a 30-second timeout is no return window). */
const MAX_RATIO = 25;
/** Punctuation that ends a clause between a topic and a quantity; a colon, a dash or a bar labels a value instead. */
const CLAUSE_BREAK = /[.;!?,()[\]{}"“”]/;

interface Candidate {
  itemId: string;
  topic: Match;
  distance: number;
  structure: Structure;
}

export function inferStatements(input: InferInput): InferredStatement[] {
  const { doc } = input;
  const out: InferredStatement[] = [];
  const byBlock = new Map<number, Match[]>();
  for (const topic of input.topics) {
    if (!input.facts.has(topic.itemId)) continue;
    const list = byBlock.get(topic.block);
    if (list) list.push(topic);
    else byBlock.set(topic.block, [topic]);
  }
  const kinds = new Set([...input.facts.values()].map((f) => f.kind));
  const blocks = new Set(byBlock.keys());
  // A table row with no topic of its own may take one from its column's header.
  for (const [index, block] of doc.blocks.entries()) {
    if (block.kind === 'table-row' && !blocks.has(index)) {
      const header = headerRowOf(doc, index);
      if (header !== undefined && byBlock.has(header)) blocks.add(index);
    }
  }
  for (const blockIndex of [...blocks].sort((a, b) => a - b)) {
    const block = doc.blocks[blockIndex]!;
    const text = block.text;
    const quantities = findQuantities(text, { times: input.times ?? false }).filter((q) => kinds.has(q.kind));
    if (quantities.length === 0) continue;
    const tokens = tokenize(text);
    const read = input.read.filter((m) => m.block === blockIndex);
    const topics = (byBlock.get(blockIndex) ?? []).filter((t) => !read.some((m) => m.kind === 'fact' && m.itemId === t.itemId && m.textStart <= t.textStart && t.textEnd <= m.textEnd));
    for (const quantity of quantities) {
      if (read.some((m) => m.textStart < quantity.end && quantity.start < m.textEnd)) continue;
      const span = tokenSpan(tokens, quantity.start, quantity.end);
      if (!span || isNegated(text, tokens, span.first, span.last)) continue;
      if (isQuestion(block, quantity.start) || isWindowOrChange(tokens, span, quantity)) continue;
      const candidates: Candidate[] = [];
      for (const topic of topics) {
        if (input.facts.get(topic.itemId)!.kind !== quantity.kind) continue;
        const link = linkOf({ doc, block, tokens, topic, quantity, span, offerWords: input.offerWords ?? new Set(), header: headerOf(doc, blockIndex) });
        if (link) candidates.push({ itemId: topic.itemId, topic, ...link });
      }
      if (candidates.length === 0 && block.kind === 'table-row') {
        const column = columnTopic(doc, blockIndex, quantity, byBlock, input.facts);
        if (column) candidates.push(column);
      }
      const best = choose(candidates);
      if (!best) continue;
      if (!plausible(quantity, input.facts.get(best.itemId)!.value)) continue;
      out.push(statement(doc, blockIndex, quantity, best));
    }
  }
  return out;
}

/** The nearest candidate; none when two facts are equally near (the sentence may be about either). */
function choose(candidates: Candidate[]): Candidate | undefined {
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => a.distance - b.distance || a.topic.textStart - b.topic.textStart);
  const best = candidates[0]!;
  if (candidates.some((c) => c.distance === best.distance && c.itemId !== best.itemId)) return undefined;
  return best;
}

function statement(doc: Document, blockIndex: number, quantity: Quantity, best: Candidate): InferredStatement {
  const block = doc.blocks[blockIndex]!;
  const topicBlock = doc.blocks[best.topic.block]!;
  const range = toSourceRange(block, quantity.start, quantity.end);
  const topicText = topicBlock.text.slice(best.topic.textStart, best.topic.textEnd);
  let phrase: string;
  if (best.structure === 'sentence' || best.structure === 'label') {
    const from = Math.min(best.topic.textStart, quantity.start);
    const to = Math.max(best.topic.textEnd, quantity.end);
    phrase = block.text.slice(from, to);
  } else {
    phrase = `${topicText} | ${quantity.text}`;
  }
  return {
    itemId: best.itemId,
    block: blockIndex,
    quantity,
    start: range.start,
    end: range.end,
    topic: { text: topicText, textStart: best.topic.textStart, textEnd: best.topic.textEnd },
    structure: best.structure,
    phrase: phrase.replace(/\s+/g, ' ').trim(),
  };
}

/** The first and last token of a range of the text; undefined when it starts inside a word. */
function tokenSpan(tokens: Tokens, start: number, end: number): { first: number; last: number } | undefined {
  const first = tokens.ends.findIndex((e) => e > start);
  if (first < 0 || tokens.starts[first]! >= end) return undefined;
  let last = first;
  while (last + 1 < tokens.starts.length && tokens.starts[last + 1]! < end) last++;
  return { first, last };
}

/** A question asserts nothing: "Can I return it after 30 days?" */
function isQuestion(block: TextBlock, at: number): boolean {
  const [start, end] = sentencesOf(block)[sentenceIndexAt(block, at)] ?? [0, block.text.length];
  const cell = block.kind === 'table-row' ? cellAt(block.text, at) : { start, end };
  return /\?["'”’)\]]*\s*$/.test(block.text.slice(Math.max(start, cell.start), Math.min(end, cell.end)));
}

/**
 * A quantity that is a window of time or a change, not a length: "logs from the last 24 hours",
 * "the first 30 days", "extends it from 5 years to 10 years".
 */
function isWindowOrChange(tokens: Tokens, span: { first: number; last: number }, quantity: Quantity): boolean {
  const before = tokens.words[span.first - 1];
  if (before !== undefined && WINDOW_WORDS.has(before)) return true;
  if (quantity.min === quantity.max || quantity.kind === 'time') return false;
  // "from 5 years to 10 years", "from the standard 5 years to 10": a change, not a range
  for (let i = span.first - 1; i >= Math.max(0, span.first - 3); i--) if (tokens.words[i] === 'from') return true;
  return false;
}

const WINDOW_WORDS = new Set(['last', 'past', 'next', 'first', 'previous', 'coming', 'recent', 'final', 'initial']);
/** Prepositions that say when, not how long, after a noun: "a drop in retention after 14 days". */
const WHEN = new Set(['after', 'before', 'until', 'by', 'at']);

/** How a topic and a quantity of one block stand together, if they do. */
function linkOf(at: {
  doc: Document;
  block: TextBlock;
  tokens: Tokens;
  topic: Match;
  quantity: Quantity;
  span: { first: number; last: number };
  offerWords: ReadonlySet<string>;
  /** the header row of the table a row belongs to */
  header: TextBlock | undefined;
}): { distance: number; structure: Structure } | undefined {
  const { block, tokens, topic, quantity, span, offerWords } = at;
  const text = block.text;
  if (block.kind === 'table-row') {
    const topicCell = cellAt(text, topic.textStart);
    const valueCell = cellAt(text, quantity.start);
    if (topicCell.start !== valueCell.start) {
      // a row label and its value: "Returns | 60 days"; the label is the row's first cell, and the
      // row holds one value of the kind (several are columns compared: minimum and recommended, plans)
      if (topicCell.start !== 0 || !valueOnly(text, tokens, valueCell, span)) return undefined;
      if (rowValues(text, quantity.kind) > 1) return undefined;
      // a column headed "Log retention" says what its values are; the row label is then only whose
      if (at.header && !lightCell(at.header.text, columnIndex(text, quantity.start))) return undefined;
      return { distance: 0, structure: 'row' };
    }
  }
  const tokenRange = tokenSpan(tokens, topic.textStart, topic.textEnd);
  if (!tokenRange) return undefined;
  if (sentenceIndexAt(block, topic.textStart) !== sentenceIndexAt(block, quantity.start)) return undefined;
  const before = tokenRange.last < span.first;
  if (!before && span.last >= tokenRange.first) return undefined;
  // "50 machines" counts machines: the counted noun alone says no more than that
  if (!before && quantity.kind === 'number' && tokenRange.first === span.last + 1 && tokenRange.first === tokenRange.last) return undefined;
  const [from, to] = before ? [tokenRange.last + 1, span.first - 1] : [span.last + 1, tokenRange.first - 1];
  const gap = to - from + 1;
  if (gap > MAX_GAP) return undefined;
  // no clause punctuation between them: "Returns: 30 days" labels, "returns, and 14 days for" does not
  const between = text.slice(before ? topic.textEnd : quantity.end, before ? quantity.start : topic.textStart);
  if (CLAUSE_BREAK.test(between)) return undefined;
  for (let i = from; i <= to; i++) {
    const word = tokens.words[i]!;
    if (CLAUSE_STARTERS.has(word)) return undefined;
    if (!LIGHT_WORDS.has(word) && !(!before && LIGHT_BEFORE_TOPIC.has(word))) return undefined;
  }
  // "within 14 days of delivery": what follows "of" is where the duration is counted from
  if (!before && quantity.kind === 'duration' && gap > 0 && REFERENCE_POINT.has(tokens.words[from]!)) return undefined;
  const structure: Structure = /[:|=—–]/.test(between) ? 'label' : 'sentence';
  if (structure === 'sentence' && !judgedOurs({ doc: at.doc, block, tokens, topic: tokenRange, gap: { before, gap, from }, offerWords })) return undefined;
  return { distance: gap, structure };
}

/**
 * Whether a sentence link speaks of the offer. A name before the topic that is not the brand's
 * or a product's makes it someone else's ("Northflank logs are available for 60 days"): a
 * capitalised word mid-sentence, or one the document never writes in lower case. A noun topic
 * followed by "after" or "until" says when something happens, not how long it lasts ("closes an
 * HTTP request after 5 minutes", "a drop in retention after 14 days"): parts of speech decide,
 * asked only there.
 */
function judgedOurs(at: { doc: Document; block: TextBlock; tokens: Tokens; topic: { first: number; last: number }; gap: { before: boolean; gap: number; from: number }; offerWords: ReadonlySet<string> }): boolean {
  const { block, tokens, topic, gap } = at;
  // The clause's subject may stand a few words before the topic: "GA4 has a default data
  // retention limit of 2 months", "ECR authentication tokens expire after 12 hours".
  for (let previous = topic.first - 1; previous >= Math.max(0, topic.first - NAME_REACH); previous--) {
    const word = tokens.words[previous]!;
    if (/[.;:!?,()[\]\n\t]/.test(block.text.slice(tokens.ends[previous]!, tokens.starts[previous + 1]!)) || CLAUSE_STARTERS.has(word)) break;
    if (!/^\p{Lu}/u.test(block.text.slice(tokens.starts[previous]!))) continue;
    const startsSentence = sentencesOf(block).some(([start]) => block.text.slice(start, tokens.starts[previous]!).trim() === '');
    if (!at.offerWords.has(word) && !LIGHT_WORDS.has(word) && (!startsSentence || !lowerCaseWords(at.doc).has(word))) return false;
  }
  // "Set your client's idle timeout to 300 seconds": a setting the reader chooses, not what we state
  if (gap.before && tokens.words[gap.from + gap.gap - 1] === 'to') {
    const clause = clauseStart(block, tokens, topic.first);
    for (let i = clause; i < topic.first; i++) if (SETTING_VERBS.has(tokens.words[i]!)) return false;
  }
  if (!(gap.before && gap.gap === 1 && WHEN.has(tokens.words[gap.from]!))) return true;
  const [start, end] = sentencesOf(block)[sentenceIndexAt(block, tokens.starts[topic.first]!)] ?? [0, block.text.length];
  const offset = tokens.starts[topic.last]! - start;
  const pos = tagSentence(block.text.slice(start, end)).find((w) => w.start <= offset && offset < w.end)?.pos;
  return pos !== 'NOUN' && pos !== 'PROPN';
}

/** How many words before a topic a name may stand and still be the clause's subject. */
const NAME_REACH = 4;
/** Verbs of configuring: "set the timeout to", "you can change the retention to". */
const SETTING_VERBS = new Set(['set', 'sets', 'setting', 'change', 'changes', 'configure', 'configures', 'adjust', 'adjusts', 'increase', 'increases', 'reduce', 'reduces', 'lower', 'raise', 'decrease', 'extend', 'shorten', 'update']);

/** The first token of the clause a token is in: after clause punctuation or a clause starter. */
function clauseStart(block: TextBlock, tokens: Tokens, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    if (/[.;:!?,()[\]\n\t]/.test(block.text.slice(tokens.ends[i]!, tokens.starts[i + 1]!)) || CLAUSE_STARTERS.has(tokens.words[i]!)) return i + 1;
  }
  return 0;
}

const lowerCase = new WeakMap<Document, Set<string>>();

/** Words a document writes in lower case somewhere: a capitalised one of them is no name. */
function lowerCaseWords(doc: Document): Set<string> {
  let words = lowerCase.get(doc);
  if (!words) {
    words = new Set();
    for (const block of doc.blocks) {
      for (const match of block.text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{N}'’]*/gu)) words.add(match[0].replace(/’/g, "'"));
    }
    lowerCase.set(doc, words);
  }
  return words;
}

/** How many distinct values of a kind a table row states. */
function rowValues(text: string, kind: QuantityKind): number {
  return new Set(findQuantities(text).filter((q) => q.kind === kind).map((q) => `${q.min}:${q.max}:${q.unit ?? ''}`)).size;
}

/** A cell that holds the quantity and at most a few light words besides ("up to 60 days"). */
function valueOnly(text: string, tokens: Tokens, cell: { start: number; end: number }, span: { first: number; last: number }): boolean {
  let extra = 0;
  for (let i = 0; i < tokens.words.length; i++) {
    if (tokens.starts[i]! < cell.start || tokens.ends[i]! > cell.end || (i >= span.first && i <= span.last)) continue;
    if (!LIGHT_WORDS.has(tokens.words[i]!) || ++extra > MAX_VALUE_CELL_EXTRA) return false;
  }
  return !/[.;!?]\s*\S/.test(text.slice(cell.start, cell.end).trim());
}

/** The cell of a table row's text holding an offset: cells are joined by tabs. */
function cellAt(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\t', at - 1) + 1;
  const tab = text.indexOf('\t', at);
  return { start, end: tab < 0 ? text.length : tab };
}

function columnIndex(text: string, at: number): number {
  let n = 0;
  for (let i = text.indexOf('\t'); i >= 0 && i < at; i = text.indexOf('\t', i + 1)) n++;
  return n;
}

/** The header row of the table a row belongs to, when it is not that row. */
function headerOf(doc: Document, index: number): TextBlock | undefined {
  if (doc.blocks[index]!.kind !== 'table-row') return undefined;
  const header = headerRowOf(doc, index);
  return header === undefined ? undefined : doc.blocks[header];
}

/** Whether a column's header cell names nothing a value could measure ("Window", "Value", "Days", empty). */
function lightCell(text: string, column: number): boolean {
  const cells = text.split('\t');
  const words = tokenize(cells[column] ?? '').words;
  return words.every((word) => LIGHT_WORDS.has(word) || COLUMN_WORDS.has(word) || unitOfWord(word) !== undefined || /^\p{N}/u.test(word));
}

/** Header words that say a column holds values, not what they measure. */
const COLUMN_WORDS = new Set(['value', 'values', 'details', 'detail', 'description', 'amount', 'what', 'answer', 'info', 'notes', 'note']);

/** The first row of the run of table rows a row belongs to (its header), unless it is that row. */
function headerRowOf(doc: Document, index: number): number | undefined {
  let first = index;
  while (first > 0 && doc.blocks[first - 1]!.kind === 'table-row') first--;
  return first === index ? undefined : first;
}

/** A topic heading the quantity's column, for a cell that holds the value alone. */
function columnTopic(
  doc: Document,
  blockIndex: number,
  quantity: Quantity,
  byBlock: ReadonlyMap<number, Match[]>,
  facts: InferInput['facts'],
): Candidate | undefined {
  const header = headerRowOf(doc, blockIndex);
  if (header === undefined) return undefined;
  const block = doc.blocks[blockIndex]!;
  const text = block.text;
  const tokens = tokenize(text);
  const span = tokenSpan(tokens, quantity.start, quantity.end);
  if (!span || !valueOnly(text, tokens, cellAt(text, quantity.start), span)) return undefined;
  const column = columnIndex(text, quantity.start);
  const headerText = doc.blocks[header]!.text;
  const topics = (byBlock.get(header) ?? []).filter((t) => facts.get(t.itemId)?.kind === quantity.kind && columnIndex(headerText, t.textStart) === column);
  const facts_ = new Set(topics.map((t) => t.itemId));
  if (facts_.size !== 1) return undefined;
  return { itemId: topics[0]!.itemId, topic: topics[0]!, distance: 0, structure: 'column' };
}

/** Whether a stated amount is of the fact's order of size: within a factor of MAX_RATIO, in the same currency. */
function plausible(stated: Quantity, value: Quantity): boolean {
  if (stated.kind === 'money' && stated.unit !== value.unit) return false;
  const a = magnitude(stated);
  const b = magnitude(value);
  // "0 second visits" measures nothing a policy states; a zero price or discount does ("$0/month")
  if (a === 0 && b !== undefined && b > 0 && (stated.kind === 'duration' || stated.kind === 'size')) return false;
  if (a === undefined || b === undefined || a <= 0 || b <= 0) return true;
  return Math.max(a, b) / Math.min(a, b) <= MAX_RATIO;
}
