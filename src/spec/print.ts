/**
 * The resolved spec as YAML (`--print-config`): what a file is checked against once `extends` is
 * merged, in the keys a user writes, so that "why did this fire here?" has an answer to read.
 */
import { stringify } from 'yaml';
import type { Phrase, Spec } from './types.js';

const phrase = (p: Phrase): string | { regex: string } => (p.isRegex ? { regex: p.source } : p.source);
const phrases = (list: readonly Phrase[]) => list.map(phrase);

/** The spec's keys in the contract's order; empty sections are left out. */
export function specToYaml(spec: Spec): string {
  const out: Record<string, unknown> = { version: spec.version };
  if (spec.brand !== undefined) out.brand = spec.brand;
  if (spec.channels.length > 0) out.channels = Object.fromEntries(spec.channels.map((c) => [c.name, c.globs]));
  if (spec.facts.length > 0) {
    out.facts = Object.fromEntries(
      spec.facts.map((fact) => [fact.id, { ...(fact.value !== undefined ? { value: fact.value } : {}), says: phrases(fact.says), ...(fact.message !== undefined ? { message: fact.message } : {}) }]),
    );
  }
  if (spec.claims.length > 0) {
    out.claims = spec.claims.map((claim) => ({
      id: claim.id,
      says: phrases(claim.says),
      status: claim.status,
      ...(claim.message !== undefined ? { message: claim.message } : {}),
      ...(claim.suggest !== undefined ? { suggest: claim.suggest } : {}),
      ...(claim.fix ? { fix: true } : {}),
      ...(claim.channels ? { channels: claim.channels } : {}),
      ...(claim.requires.length > 0 ? { requires: claim.requires } : {}),
      ...(claim.valid ? { valid: claim.valid } : {}),
      ...(claim.stock ? { stock: claim.stock } : {}),
    }));
  }
  if (spec.products.length > 0) {
    out.products = Object.fromEntries(
      spec.products.map((product) => [product.id, { names: phrases(product.names), ...(product.stock ? { stock: product.stock } : {}), ...(product.leadTime ? { 'lead-time': product.leadTime } : {}) }]),
    );
  }
  if (spec.promises.fromSpec) out.promises = { immediate: phrases(spec.promises.immediate) };
  if (spec.disclosures.length > 0) {
    out.disclosures = Object.fromEntries(
      spec.disclosures.map((d) => [d.id, { ...(d.when.length > 0 ? { when: phrases(d.when) } : {}), include: phrases(d.include), within: d.within, ...(d.before ? { before: true } : {}), ...(d.channels ? { channels: d.channels } : {}) }]),
    );
  }
  if (spec.terms.length > 0) {
    out.terms = spec.terms.map((term) => ({ use: term.use, not: phrases(term.not), ...(term.channels ? { channels: term.channels } : {}), ...(term.message !== undefined ? { message: term.message } : {}) }));
  }
  if (spec.speakers.ignore.length > 0) out.speakers = { ignore: spec.speakers.ignore };
  if (Object.keys(spec.severity).length > 0) out.severity = spec.severity;
  if (spec.ignore.length > 0) out.ignore = spec.ignore;
  const formats = { ...(spec.formats.csv ? { csv: spec.formats.csv } : {}), ...(spec.formats.markdown && spec.formats.markdown.fields.length > 0 ? { markdown: spec.formats.markdown } : {}) };
  if (Object.keys(formats).length > 0) out.formats = formats;
  if (spec.plugins.length > 0) out.plugins = spec.plugins.map((plugin) => plugin.entry);
  if (spec.exceptions.length > 0) {
    out.exceptions = spec.exceptions.map((e) => ({ files: e.files, rule: e.rule, ...(e.item !== undefined ? { item: e.item } : {}), reason: e.reason, ...(e.approvedBy !== undefined ? { 'approved-by': e.approvedBy } : {}), ...(e.until !== undefined ? { until: e.until } : {}) }));
  }
  return stringify(out, { lineWidth: 0 });
}
