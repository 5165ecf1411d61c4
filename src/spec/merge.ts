/**
 * Merges a spec file with the files it extends: extended files first, then the file itself;
 * an item with the same id (a term with the same `use`) is replaced in place, lists are
 * concatenated, and maps (channels, severity, formats) merged by key with the later winning.
 */
import type { SpecPart } from './normalise.js';

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
  };
  for (const part of parts) {
    if (part.brand !== undefined) merged.brand = part.brand;
    if (part.owner !== undefined) merged.owner = part.owner;
    if (part.revision !== undefined) merged.revision = part.revision;
    if (part.promises !== undefined) merged.promises = part.promises;
    for (const key of ['channels', 'facts', 'claims', 'products', 'disclosures', 'terms', 'severity'] as const) {
      const target = merged[key] as Map<string, unknown>;
      for (const [id, value] of part[key] as Map<string, unknown>) target.set(id, value);
    }
    merged.speakersIgnore = unique([...merged.speakersIgnore, ...part.speakersIgnore]);
    merged.ignore = unique([...merged.ignore, ...part.ignore]);
    merged.exceptions.push(...part.exceptions);
    if (part.formats.csv) merged.formats.csv = part.formats.csv;
    if (part.formats.markdown) merged.formats.markdown = part.formats.markdown;
  }
  return merged;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
