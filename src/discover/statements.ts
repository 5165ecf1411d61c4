/**
 * Finds the quantity statements of one block of text: each quantity with the topic it is
 * about (the nearest topic head in its clause), a qualifier that keeps sibling facts apart,
 * and the phrase template its own wording gives ("return it within {value}").
 */
import { isNegated } from '../match/negation.js';
import { findQuantities, type Quantity, mayHoldQuantity } from '../match/quantity.js';
import { joinsPhrase, tokenize, type Tokens } from '../match/tokens.js';
import { BINDERS, isContentWord, QUALIFIERS, REFERENCE_POINT, stem, TOPICS, type Topic } from './lexicon.js';

export interface BlockStatement {
  quantity: Quantity;
  topic: string;
  qualifier?: string;
  /** `topic|kind|qualifier`: statements with one key are about one fact */
  key: string;
  template: string;
}

/** How far from the quantity a topic head or qualifier may stand, in words. */
const WINDOW = 6;

interface Head {
  topic: Topic;
  /** first and last token of the head */
  start: number;
  end: number;
  distance: number;
}

export function statementsOf(text: string, given?: Tokens): BlockStatement[] {
  if (!mayHoldQuantity(text)) return [];
  const quantities = findQuantities(text);
  if (quantities.length === 0) return [];
  const tokens = given ?? tokenize(text);
  const stems = tokens.words.map(stem);
  const out: BlockStatement[] = [];
  for (const quantity of quantities) {
    const statement = statementAt(text, tokens, stems, quantity);
    if (statement) out.push(statement);
  }
  return out;
}

function statementAt(text: string, tokens: Tokens, stems: string[], quantity: Quantity): BlockStatement | undefined {
  const first = tokens.ends.findIndex((end) => end > quantity.start);
  if (first < 0 || tokens.starts[first]! < quantity.start - 1) return undefined;
  let last = first;
  while (last + 1 < tokens.starts.length && tokens.starts[last + 1]! < quantity.end) last++;
  const joins = (i: number) => joinsPhrase(text.slice(tokens.ends[i - 1]!, tokens.starts[i]!));

  // The clause around the quantity: words joined to it without punctuation, a few each side.
  let left = first;
  while (left > 0 && first - left < WINDOW && joins(left)) left--;
  let right = last;
  // A duration's "of delivery", "from purchase" say where it is counted from, not what it is.
  const stopsAt = (word: string) => quantity.kind === 'duration' && REFERENCE_POINT.has(word);
  while (right + 1 < tokens.words.length && right - last < WINDOW && joins(right + 1) && !stopsAt(tokens.words[right + 1]!)) right++;

  if (quantity.kind === 'number' && !countsSomething(tokens, quantity, first, last)) return undefined;
  const head = nearestHead(stems, { left, right, first, last, kind: quantity.kind });
  if (!head) return undefined;
  let spanStart = Math.min(head.start, first);
  let spanEnd = Math.max(head.end, last);

  let qualifier: string | undefined;
  const qualifierAt = nearestQualifier(tokens, stems, text, { topic: head.topic, left, right, first, last });
  if (qualifierAt) {
    qualifier = qualifierAt.qualifier;
    spanStart = Math.min(spanStart, qualifierAt.index);
    spanEnd = Math.max(spanEnd, qualifierAt.index);
    // "annual" alone is not the phrase: "with annual billing" is.
    if (qualifierAt.index === spanEnd && spanEnd < right && isContentWord(tokens.words[spanEnd + 1]!)) spanEnd++;
  }
  const perPeriod = head.topic.id === 'price' ? /^\s*\/\s*(mo|month|yr|year|user|seat)\b/i.exec(text.slice(quantity.end))?.[1] : undefined;
  const period = perPeriod ? QUALIFIERS.price![stem(perPeriod.toLowerCase())] : undefined;
  // "$29/month" is a monthly price whatever else qualifies it (the "/" keeps "month" out of the clause).
  if (period && qualifier !== period) qualifier = qualifier ? `${qualifier}-${period}` : period;
  if (head.topic.perHead) qualifier = stems.slice(head.start, head.end + 1).join('-');
  if (head.start > last && spanStart === first && first - 2 >= left && BINDERS.has(tokens.words[first - 1]!) && isContentWord(tokens.words[first - 2]!)) {
    // "orders over $50 ship free": the binder and the noun it binds say what the amount is of.
    spanStart = first - 2;
  }
  if (isNegated(text, tokens, spanStart)) return undefined;

  // Words joined as the source joins them ("money-back"), which the template reads either way.
  let template = '';
  for (let i = spanStart; i <= spanEnd; i++) {
    if (i > spanStart) template += text.slice(tokens.ends[i - 1]!, tokens.starts[i]!) === '-' && i !== first && i - 1 !== last ? '-' : ' ';
    if (i === first) {
      template += '{value}';
      i = last;
    } else template += escapeTemplate(tokens.words[i]!);
  }
  const key = `${head.topic.id}|${quantity.kind}|${qualifier ?? ''}`;
  return { quantity, topic: head.topic.id, ...(qualifier !== undefined ? { qualifier } : {}), key, template };
}

/** The topic head nearest the quantity within its clause, for a topic that takes its kind of quantity. */
function nearestHead(stems: string[], at: { left: number; right: number; first: number; last: number; kind: Quantity['kind'] }): Head | undefined {
  const found: Head[] = [];
  for (let i = at.left; i <= at.right; i++) {
    if (i >= at.first && i <= at.last) continue;
    for (const topic of TOPICS) {
      if (!topic.kinds.includes(at.kind)) continue;
      for (const words of topic.heads) {
        const end = i + words.length - 1;
        if (end > at.right || (i < at.first && end >= at.first)) continue;
        if (!words.every((w, k) => stems[i + k] === w)) continue;
        const distance = i < at.first ? at.first - end - 1 : i - at.last - 1;
        // A bare count ("60 lb for 1,000 miles") is a limit only when its noun follows at once.
        if (at.kind === 'number' && (i < at.first || distance > 1)) continue;
        found.push({ topic, start: i, end, distance });
      }
    }
  }
  // nearest first; at one distance the longer head ("money back guarantee" over "guarantee"), then the one before
  found.sort((a, b) => a.distance - b.distance || b.end - b.start - (a.end - a.start) || a.start - b.start);
  return found[0];
}

function nearestQualifier(
  tokens: Tokens,
  stems: string[],
  text: string,
  at: { topic: Topic; left: number; right: number; first: number; last: number },
): { qualifier: string; index: number } | undefined {
  const table = QUALIFIERS[at.topic.id];
  let best: { qualifier: string; index: number; distance: number } | undefined;
  for (let i = at.left; i <= at.right; i++) {
    if (i >= at.first && i <= at.last) continue;
    const distance = i < at.first ? at.first - i : i - at.last;
    let qualifier = table?.[stems[i]!] ?? table?.[tokens.words[i]!];
    // A named plan keeps its price apart: "the Pro plan is $49".
    if (!qualifier && at.topic.id === 'price' && i + 1 <= at.right && /^(plan|tier|edition)$/.test(stems[i + 1]!) && /^\p{Lu}/u.test(text.slice(tokens.starts[i]!, tokens.ends[i]!))) {
      qualifier = tokens.words[i]!;
    }
    if (qualifier && (!best || distance < best.distance)) best = { qualifier, index: i, distance };
  }
  return best;
}

/** Literal words in a template: the template syntax's own characters take a backslash. */
export function escapeTemplate(word: string): string {
  return word.replace(/[(){}|?*\\]/g, (ch) => `\\${ch}`);
}

const STATUS_CODES = new Set([200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 405, 410, 422, 429, 500, 502, 503, 504]);

/** Words beside a number that make it a code, not a count: "404 events", "a 200 response", "error 500". */
const CODE_WORDS = new Set(['error', 'errors', 'status', 'code', 'codes', 'response', 'responses', 'http', 'page', 'pages', 'ok', 'successful', 'redirect', 'redirects', 'not', 'found']);

/**
 * Whether a bare number counts something a company would keep as a fact. "1 site" and "2 files"
 * in a how-to are articles written as digits, and an HTTP status ("404 events", "a 200
 * successful request") is a code: neither is a limit.
 */
function countsSomething(tokens: Tokens, quantity: Quantity, first: number, last: number): boolean {
  if (quantity.max <= 2) return false;
  const isStatus = Number.isInteger(quantity.min) && quantity.min === quantity.max && quantity.min >= 100 && quantity.min <= 599;
  if (isStatus && [tokens.words[first - 1], tokens.words[last + 1], tokens.words[last + 2]].some((w) => w !== undefined && CODE_WORDS.has(w.toLowerCase()))) return false;
  // a well-known status code where the text speaks of errors or responses: "track 404 events"
  if (isStatus && STATUS_CODES.has(quantity.min) && tokens.words.some((w) => CODE_WORDS.has(w.toLowerCase()))) return false;
  return true;
}
