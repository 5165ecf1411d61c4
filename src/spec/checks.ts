/**
 * Checks that need the whole merged spec: every channel and disclosure an item names exists.
 * Also finds what is legal but likely a mistake, as warnings.
 */
import { quote } from './describe.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { specError, specWarning } from './errors.js';
import type { Entry, SpecPart } from './normalise.js';
import { didYouMean } from './suggest.js';


/** Errors for names that the merged spec does not define, and rule ids no rule (built in or from a plugin) has. */
export function checkReferences(spec: SpecPart, knownRuleIds: readonly string[]): Diagnostic[] {
  const errors: Diagnostic[] = [];
  for (const ref of spec.ruleRefs) {
    if (!knownRuleIds.includes(ref.name)) errors.push(specError(`unknown rule ${quote(ref.name)} in ${ref.where}${didYouMean(ref.name, knownRuleIds)}`, ref.pos.file, ref.pos.line, ref.pos.column));
  }
  const entries: Array<Entry<unknown>> = [...spec.claims.values(), ...spec.disclosures.values(), ...spec.terms.values()];
  const channelNames = [...spec.channels.keys()];
  const disclosureIds = [...spec.disclosures.keys()];
  for (const { refs } of entries) {
    for (const ref of refs) {
      const known = ref.kind === 'channel' ? channelNames : disclosureIds;
      if (known.includes(ref.name)) continue;
      const what = ref.kind === 'channel' ? 'channel' : 'disclosure';
      const none = known.length === 0 ? ` (the spec defines no ${what}s)` : didYouMean(ref.name, known);
      errors.push(specError(`unknown ${what} ${quote(ref.name)} in ${ref.where}${none}`, ref.pos.file, ref.pos.line, ref.pos.column));
    }
  }
  return errors;
}

/** Legal but suspicious: a few, each worth a look. */
export function findWarnings(spec: SpecPart): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const [name, channel] of spec.channels) {
    if (channel.globs.length === 0) warnings.push(specWarning(`channel ${quote(name)} has no globs; only front matter or a macro's own channel can put a document in it`, channel.pos));
  }
  for (const { item: claim } of spec.claims.values()) {
    if (claim.status === 'allowed' && !claim.channels && claim.requires.length === 0 && !claim.valid && !claim.stock) {
      warnings.push(specWarning(`claim ${quote(claim.id)} is allowed everywhere, always, with no requires: nothing will ever be reported about it`, claim.pos));
    }
  }
  const required = new Set([...spec.claims.values()].flatMap(({ item }) => item.requires));
  for (const { item: disclosure } of spec.disclosures.values()) {
    if (disclosure.when.length === 0 && !required.has(disclosure.id)) {
      warnings.push(specWarning(`disclosure ${quote(disclosure.id)} has no when and no claim requires it: it is never checked`, disclosure.pos));
    }
  }
  const ids = new Set<string>([
    ...spec.facts.keys(), ...spec.claims.keys(), ...spec.products.keys(), ...spec.disclosures.keys(),
    ...[...spec.terms.values()].map(({ item }) => item.id),
  ]);
  for (const exception of spec.exceptions) {
    if (exception.item !== undefined && !ids.has(exception.item)) {
      warnings.push(specWarning(`exception names item ${quote(exception.item)}, which the spec does not define${didYouMean(exception.item, ids)}`, exception.pos));
    }
  }
  return warnings;
}
