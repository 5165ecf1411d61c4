/**
 * Merges a spec file with the files it extends: extended files first, then the file itself;
 * an item with the same id (a term with the same `use`) is replaced in place, lists are
 * concatenated, and maps (channels, severity, formats) merged by key with the later winning; a
 * fact written without `says` completes the extended fact of its id instead of replacing it.
 */
import type { Entry, SpecPart } from './normalise.js';
import type { Fact } from './types.js';

/** Merges parts in order; later parts win. */
export function mergeParts(parts: readonly SpecPart[]): SpecPart {
  const last = parts[parts.length - 1];
  if (!last) throw new Error('mergeParts needs at least one part');
  const merged: SpecPart = {
    file: last.file,
    extends: last.extends,
    channels: new Map(),
    facts: new Map(),
    claims: new Map(),
    products: new Map(),
    disclosures: new Map(),
    terms: new Map(),
    speakersIgnore: [],
    severity: new Map(),
    ignore: [],
    formats: {},
    exceptions: [],
    plugins: [],
    ruleRefs: [],
  };
  for (const part of parts) {
    if (part.brand !== undefined) merged.brand = part.brand;
    if (part.owner !== undefined) merged.owner = part.owner;
    if (part.revision !== undefined) merged.revision = part.revision;
    if (part.promises !== undefined) merged.promises = part.promises;
    if (part.internal !== undefined) merged.internal = part.internal;
    for (const key of ['channels', 'claims', 'products', 'disclosures', 'terms', 'severity'] as const) {
      const target = merged[key] as Map<string, unknown>;
      for (const [id, value] of part[key] as Map<string, unknown>) target.set(id, value);
    }
    for (const [id, entry] of part.facts) merged.facts.set(id, entry.partial ? completeFact(entry, merged.facts.get(id)) : entry);
    merged.speakersIgnore = unique([...merged.speakersIgnore, ...part.speakersIgnore]);
    merged.ignore = unique([...merged.ignore, ...part.ignore]);
    merged.exceptions.push(...part.exceptions);
    merged.ruleRefs.push(...part.ruleRefs);
    // The same module named by a spec and the spec it extends is loaded once.
    for (const plugin of part.plugins) if (!merged.plugins.some((known) => known.absPath === plugin.absPath)) merged.plugins.push(plugin);
    if (part.formats.csv) merged.formats.csv = part.formats.csv;
    if (part.formats.markdown) merged.formats.markdown = { ...merged.formats.markdown, ...part.formats.markdown };
    if (part.formats.mdx) merged.formats.mdx = { props: { ...merged.formats.mdx?.props, ...part.formats.mdx.props } };
    if (part.formats.json) merged.formats.json = part.formats.json;
    if (part.formats.extensions) {
      // By pattern, the later file winning; a pattern keeps its place in the first file that maps it.
      const byPattern = new Map((merged.formats.extensions ?? []).map((entry) => [entry.pattern, entry]));
      for (const entry of part.formats.extensions) byPattern.set(entry.pattern, entry);
      merged.formats.extensions = [...byPattern.values()];
    }
  }
  return merged;
}

/**
 * A fact written without `says` in a spec that extends another (a brand giving its own value):
 * the extended fact's phrases (and its value and message unless this spec gives a value), with
 * what this spec writes on top, at this spec's place. Without an extended fact to complete it
 * stays partial, and the loader says so.
 */
function completeFact(entry: Entry<Fact>, base: Entry<Fact> | undefined): Entry<Fact> {
  if (!base || base.partial) return entry;
  const fact: Fact = { ...base.item, id: entry.item.id, says: base.item.says, pos: entry.item.pos };
  if (entry.item.value !== undefined) {
    // A new value: the extended message may state the old one, so it is not carried over.
    delete fact.message;
    delete fact.quantity;
    fact.value = entry.item.value;
    if (entry.item.valuePos) fact.valuePos = entry.item.valuePos;
    if (entry.item.quantity) fact.quantity = entry.item.quantity;
  }
  // the kind this spec declares, or its new value's: a brand's "$12" is money whatever the base said
  if (entry.item.kind !== undefined) fact.kind = entry.item.kind;
  if (entry.item.message !== undefined) fact.message = entry.item.message;
  return { item: fact, refs: [...base.refs, ...entry.refs] };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
