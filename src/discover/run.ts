/**
 * One discover run: read the corpus, collect quantity statements, claims, names and promises
 * block by block, group the statements into candidate facts, verify every suggested template
 * with the real matcher, and return the Discovery the draft and the summaries are made from.
 */
import { toSourceRange, type Document, type TextBlock } from '../model/document.js';
import { Matcher } from '../match/matcher.js';
import { compileBuiltinPhrases } from '../spec/compile.js';
import { describeQuantity, quantityKey } from '../match/quantity.js';
import { sentencesOf } from '../match/sentences.js';
import { tokenize } from '../match/tokens.js';
import type { Locator } from '../model/positions.js';
import { DEFAULT_IMMEDIATE_PROMISES } from '../spec/promises.js';
import type { Spec } from '../spec/types.js';
import { claimsOf, isOfferClaim } from './claims.js';
import { groupStatements, NO_CHANNEL, slug } from './group.js';
import { namesOf } from './names.js';
import { DEFAULT_IGNORED_SPEAKERS, readCorpus } from './read.js';
import { escapeTemplate, statementsOf } from './statements.js';
import type { ClaimCandidate, ClaimKind, Discovery, NameCandidate, Place, PromiseCandidate, QuantityStatement } from './types.js';
import { matchedKeys, statementKey, verifyFacts } from './verify.js';

/** The brand is not known until the names are counted: a claim is about the offer where the copy says we, our or a product noun. */
const NO_OFFER_WORDS: ReadonlySet<string> = new Set();

export interface DiscoverOptions {
  cwd: string;
  /** files and folders to read, relative to cwd */
  paths: string[];
  /** an existing spec: its channels, ignores, speakers and format options are used */
  spec?: Spec;
  /** the folder the draft will live in (its channel globs are relative to it) */
  draftDir: string;
}

interface Occurrence {
  doc: number;
  block: number;
  textStart: number;
  place: Place;
}

const EXCERPT_MAX = 120;

export async function discover(options: DiscoverOptions): Promise<Discovery> {
  const ignored = new Set((options.spec?.speakers.ignore ?? DEFAULT_IGNORED_SPEAKERS).map((s) => s.toLowerCase()));
  const promisePhrases = options.spec ? options.spec.promises.immediate.filter((p) => !p.isRegex) : compileBuiltinPhrases(DEFAULT_IMMEDIATE_PROMISES, 'builtin:promises');
  const promiseMatcher = new Matcher(
    promisePhrases.map((phrase, i) => ({ kind: 'promise' as const, itemId: String(i), phrase })),
    { ignoredSpeakers: [...ignored] },
  );
  const kept: Document[] = [];
  const statements: QuantityStatement[] = [];
  const claims = new Map<string, { kind: ClaimKind; occurrences: Occurrence[] }>();
  const names = new Map<string, { forms: Map<string, number>; occurrences: Occurrence[]; documents: Set<number>; midSentence: boolean; words: number; code: boolean }>();
  const promises = new Map<string, Place[]>();
  const lowercaseWords = new Set<string>();
  const seenIgnored = new Set<string>();
  let documentCount = 0;

  const read = await readCorpus(options, ({ doc, text, locate }) => {
    documentCount++;
    const blocks: TextBlock[] = [];
    const docIndex = kept.length;
    const placeIn = (block: TextBlock, start: number, end: number): Place => place({ doc, block, start, end, text, locate });
    for (const block of doc.blocks) {
      if (block.speaker && ignored.has(block.speaker.toLowerCase())) {
        seenIgnored.add(block.speaker);
        continue;
      }
      const blockIndex = blocks.length;
      let keep = false;
      const tokens = tokenize(block.text);
      tokens.words.forEach((word, i) => {
        if (block.text.startsWith(word, tokens.starts[i]!)) lowercaseWords.add(word);
      });
      for (const found of statementsOf(block.text, tokens)) {
        const { quantity } = found;
        statements.push({
          doc: docIndex,
          block: blockIndex,
          quantity,
          value: describeQuantity(quantity),
          valueKey: quantityKey(quantity),
          key: found.key,
          topic: found.topic,
          ...(found.qualifier !== undefined ? { qualifier: found.qualifier } : {}),
          template: found.template,
          place: placeIn(block, quantity.start, quantity.end),
        });
        keep = true;
      }
      for (const claim of claimsOf(block.text, tokens)) {
        if (!isOfferClaim({ block, tokens, claim, offerWords: NO_OFFER_WORDS })) continue;
        let entry = claims.get(claim.phrase);
        if (!entry) claims.set(claim.phrase, (entry = { kind: claim.kind, occurrences: [] }));
        entry.occurrences.push({ doc: docIndex, block: blockIndex, textStart: claim.textStart, place: placeIn(block, claim.textStart, claim.textEnd) });
        keep = true;
      }
      for (const name of namesOf(block.text, tokens)) {
        const form = block.text.slice(name.textStart, name.textEnd).replace(/\s+/g, ' ');
        const key = name.words.join(' ').toLowerCase();
        let entry = names.get(key);
        if (!entry) names.set(key, (entry = { forms: new Map(), occurrences: [], documents: new Set(), midSentence: false, words: name.words.length, code: /\p{N}|\p{Ll}\p{Lu}/u.test(form) }));
        entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
        entry.occurrences.push({ doc: docIndex, block: blockIndex, textStart: name.textStart, place: placeIn(block, name.textStart, name.textEnd) });
        entry.documents.add(documentCount);
        entry.midSentence ||= !name.sentenceStart;
        keep = true;
      }
      if (keep) blocks.push(block);
    }
    for (const match of promiseMatcher.match(doc).of('promise')) {
      if (match.negated) continue;
      const block = doc.blocks[match.block]!;
      const phrase = block.text.slice(match.textStart, match.textEnd).toLowerCase().replace(/\s+/g, ' ');
      const list = promises.get(phrase) ?? [];
      list.push(place({ doc, block, start: match.textStart, end: match.textEnd, text, locate }));
      promises.set(phrase, list);
    }
    if (blocks.length > 0) kept.push({ ...doc, blocks });
  });

  const facts = verifyFacts(groupStatements(statements), kept);
  const products = nameCandidates(names, lowercaseWords, kept);
  const brand = options.spec?.brand ?? brandOf(products);
  return {
    files: read.files,
    channels: read.channels,
    channelSource: options.spec ? { kind: 'spec', path: options.spec.path } : { kind: 'folders' },
    facts,
    claims: claimCandidates(claims, kept),
    products,
    ...(brand !== undefined ? { brand } : {}),
    promises: [...promises.entries()].map(([phrase, places]): PromiseCandidate => ({ phrase, count: places.length, places })).sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : 1)),
    ignoredSpeakers: [...seenIgnored].sort(),
    warnings: read.warnings,
  };
}

function claimCandidates(found: Map<string, { kind: ClaimKind; occurrences: Occurrence[] }>, docs: Document[]): ClaimCandidate[] {
  const entries = [...found.entries()].map(([phrase, entry]) => ({ id: slug(phrase.replace(/#1/g, 'number-one').replace(/%/g, '-percent')), phrase, ...entry }));
  const matched = matchedKeys(entries.map((e) => ({ kind: 'claim' as const, itemId: e.id, source: e.phrase.split(' ').map(escapeTemplate).join(' ') })), docs);
  const out: ClaimCandidate[] = [];
  const ids = new Set<string>();
  for (const entry of entries) {
    // only what the draft's own phrase finds again is worth a line in it
    const hits = matched.get(entry.id) ?? new Set<string>();
    const occurrences = entry.occurrences.filter((o) => hits.has(statementKey(o.doc, o.block, o.textStart)));
    if (occurrences.length === 0 || ids.has(entry.id)) continue;
    ids.add(entry.id);
    out.push({ id: entry.id, phrase: entry.phrase, kind: entry.kind, count: occurrences.length, channels: channelCounts(occurrences), places: occurrences.map((o) => o.place) });
  }
  return out.sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : 1));
}

/**
 * Names that recur: at least twice, and not a common word that happens to open sentences
 * ("Packs, tents and stoves", "Hi there"): a one-word name must be seen mid-sentence and
 * never in lower case.
 */
function nameCandidates(
  found: Map<string, { forms: Map<string, number>; occurrences: Occurrence[]; documents: Set<number>; midSentence: boolean; words: number; code: boolean }>,
  lowercaseWords: Set<string>,
  docs: Document[],
): NameCandidate[] {
  const candidates = [...found.entries()].filter(([key, entry]) => {
    if (entry.occurrences.length < 2) return false;
    if (entry.words > 1 || entry.code) return true;
    return entry.midSentence && !lowercaseWords.has(key);
  });
  const withIds = candidates.map(([, entry]) => {
    const name = [...entry.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    return { id: slug(name), name, entry };
  });
  const matched = matchedKeys(withIds.map((c) => ({ kind: 'product' as const, itemId: c.id, source: c.name.split(/\s+/).map(escapeTemplate).join(' ') })), docs);
  const out: NameCandidate[] = [];
  const ids = new Set<string>();
  for (const { id, name, entry } of withIds) {
    const hits = matched.get(id) ?? new Set<string>();
    const occurrences = entry.occurrences.filter((o) => hits.has(statementKey(o.doc, o.block, o.textStart)));
    if (occurrences.length < 2 || ids.has(id)) continue;
    ids.add(id);
    out.push({ id, name, count: occurrences.length, documents: entry.documents.size, places: occurrences.map((o) => o.place) });
  }
  return out.sort((a, b) => b.documents - a.documents || b.count - a.count || (a.name < b.name ? -1 : 1));
}

/**
 * The brand: a name of several words, no model number, whose first word also recurs alone
 * ("Acme Outdoor" and "Every Acme pack"); of several, the one in most documents.
 */
function brandOf(names: NameCandidate[]): string | undefined {
  const single = new Set(names.filter((n) => !n.name.includes(' ')).map((n) => n.name));
  return names.find((n) => n.name.includes(' ') && !/\p{N}/u.test(n.name) && single.has(n.name.split(' ')[0]!))?.name;
}

function channelCounts(occurrences: Occurrence[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of occurrences) {
    const channel = o.place.channel ?? NO_CHANNEL;
    out[channel] = (out[channel] ?? 0) + 1;
  }
  return out;
}

function place(at: { doc: Document; block: TextBlock; start: number; end: number; text: string; locate: Locator }): Place {
  const range = toSourceRange(at.block, at.start, at.end);
  const position = at.locate.at(range.start);
  const sentence = sentencesOf(at.block).find(([s, e]) => at.start >= s && at.start < e) ?? [0, at.block.text.length];
  let excerpt = at.block.text.slice(sentence[0], sentence[1]).replace(/\s+/g, ' ').trim();
  if (excerpt.length > EXCERPT_MAX) excerpt = `${excerpt.slice(0, EXCERPT_MAX - 1)}…`;
  return { path: at.doc.path, line: position.line, column: position.column, ...(at.doc.channel !== undefined ? { channel: at.doc.channel } : {}), excerpt };
}
