/**
 * Checks the draft against the statements it was drawn from, with the real matcher: every
 * template is compiled as the draft spec would compile it, a template that also matches
 * another fact's statement is dropped, a statement no remaining template matches leaves its
 * group, and a group left with too few statements is dropped. Merged templates
 * ("return (it|your order) within {value}") are kept only when they match exactly what
 * the plain ones do.
 */
import type { Document } from '../model/document.js';
import { Matcher, type SpecPhrase } from '../match/matcher.js';
import type { PhraseKind } from '../match/types.js';
import { compileTemplate } from '../spec/compile.js';
import { buildGroup, MIN_STATEMENTS, mergeTemplates, sortGroups } from './group.js';
import type { FactGroup, QuantityStatement } from './types.js';

/** Identifies a statement: its (kept) document, block and offset in the block's text. */
export function statementKey(doc: number, block: number, textStart: number): string {
  return `${doc}:${block}:${textStart}`;
}

const SEP = '\u0000';
const POS = { file: 'onemessage.discovered.yaml', line: 1, column: 1 };

/** For each phrase (by `itemId`), the keys of the non-negated places it matches; fact matches are keyed by their value. */
export function matchedKeys(phrases: Array<{ kind: PhraseKind; itemId: string; source: string }>, docs: Document[]): Map<string, Set<string>> {
  const valid: SpecPhrase[] = [];
  for (const { kind, itemId, source } of phrases) {
    try {
      // Compiled as the draft spec would be: a template the spec parser would refuse is no suggestion.
      valid.push({ kind, itemId, phrase: { source, isRegex: false, pos: POS, template: compileTemplate(source, { allowValue: kind === 'fact' }) } });
    } catch {
      continue;
    }
  }
  const out = new Map<string, Set<string>>();
  if (valid.length === 0) return out;
  const matcher = new Matcher(valid);
  docs.forEach((doc, index) => {
    for (const match of matcher.match(doc).all) {
      if (match.negated) continue;
      const at = match.kind === 'fact' ? match.value?.quantity.start : match.textStart;
      if (at === undefined) continue;
      let set = out.get(match.itemId);
      if (!set) out.set(match.itemId, (set = new Set()));
      set.add(statementKey(index, match.block, at));
    }
  });
  return out;
}

export function verifyFacts(groups: FactGroup[], docs: Document[]): FactGroup[] {
  const owner = new Map<string, string>();
  for (const group of groups) for (const s of group.statements) owner.set(keyOf(s), group.id);
  const merged = new Map<string, string[]>();
  const phrases: Array<{ kind: PhraseKind; itemId: string; source: string }> = [];
  for (const group of groups) {
    group.says.forEach((source, i) => phrases.push({ kind: 'fact', itemId: `${group.id}${SEP}r${i}`, source }));
    const folded = mergeTemplates(group.says);
    merged.set(group.id, folded);
    folded.forEach((source, i) => phrases.push({ kind: 'fact', itemId: `${group.id}${SEP}m${i}`, source }));
  }
  const matched = matchedKeys(phrases, docs);
  const out: FactGroup[] = [];
  for (const group of groups) {
    const judge = (templates: string[], tag: string) => {
      const kept: string[] = [];
      const covered = new Set<string>();
      let clean = true;
      templates.forEach((source, i) => {
        const keys = matched.get(`${group.id}${SEP}${tag}${i}`) ?? new Set<string>();
        const foreign = [...keys].some((key) => owner.has(key) && owner.get(key) !== group.id);
        const own = [...keys].filter((key) => owner.get(key) === group.id);
        if (foreign || own.length === 0) {
          clean = false;
          return;
        }
        kept.push(source);
        for (const key of own) covered.add(key);
      });
      return { kept, covered, clean };
    };
    const plain = judge(group.says, 'r');
    const folded = judge(merged.get(group.id)!, 'm');
    const foldedIsAsGood = folded.clean && folded.covered.size === plain.covered.size && [...plain.covered].every((key) => folded.covered.has(key));
    const chosen = foldedIsAsGood ? folded : plain;
    const statements = group.statements.filter((s) => chosen.covered.has(keyOf(s)));
    if (statements.length < MIN_STATEMENTS) continue;
    out.push(buildGroup(group.id, statements, chosen.kept));
  }
  return sortGroups(out);
}

function keyOf(s: QuantityStatement): string {
  return statementKey(s.doc, s.block, s.quantity.start);
}
