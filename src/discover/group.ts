/**
 * Groups quantity statements into candidate facts: one group per topic key, with every value
 * stated (how often, in which channels, where), whether the channels agree, an id for the
 * draft and the `says` templates the statements' own wording gives.
 */
import type { FactGroup, QuantityStatement, ValueTally } from './types.js';

/** Fewer statements than this are not a fact anyone repeats: precision over recall. */
export const MIN_STATEMENTS = 2;
export const NO_CHANNEL = '(none)';

export function groupStatements(statements: QuantityStatement[]): FactGroup[] {
  const byKey = new Map<string, QuantityStatement[]>();
  for (const statement of statements) {
    const list = byKey.get(statement.key);
    if (list) list.push(statement);
    else byKey.set(statement.key, [statement]);
  }
  const groups: FactGroup[] = [];
  const usedIds = new Set<string>();
  for (const list of byKey.values()) {
    if (list.length < MIN_STATEMENTS) continue;
    const first = list[0]!;
    let id = factId(first.topic, first.quantity.kind, first.qualifier);
    for (let n = 2; usedIds.has(id); n++) id = `${factId(first.topic, first.quantity.kind, first.qualifier)}-${n}`;
    usedIds.add(id);
    groups.push(buildGroup(id, list, templatesByUse(list)));
  }
  return sortGroups(groups);
}

/** A group's tallies, agreement and channels from its statements; `says` as given. */
export function buildGroup(id: string, statements: QuantityStatement[], says: string[]): FactGroup {
  const first = statements[0]!;
  const values = tally(statements);
  const majority = values[0]!;
  const disagreeing = new Set<string>();
  for (const value of values.slice(1)) for (const channel of Object.keys(value.channels)) disagreeing.add(channel);
  if (disagreeing.size > 0) for (const channel of Object.keys(majority.channels)) disagreeing.add(channel);
  return {
    id,
    topic: first.topic,
    ...(first.qualifier !== undefined ? { qualifier: first.qualifier } : {}),
    label: id.replace(/-/g, ' '),
    values,
    agree: values.length === 1,
    // a 1-1 split is no majority: channels or order of reading must not pick the value
    tie: values.length > 1 && values[0]!.count === values[1]!.count,
    channels: [...disagreeing].sort(),
    says,
    statements,
  };
}

/** Conflicting groups first, then the most stated, then by id. */
export function sortGroups(groups: FactGroup[]): FactGroup[] {
  return groups.sort((a, b) => Number(a.agree) - Number(b.agree) || b.statements.length - a.statements.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Values by count, then by how many channels state them, then by first appearance: the first is the majority when its count is alone at the top. */
function tally(statements: QuantityStatement[]): ValueTally[] {
  const byValue = new Map<string, ValueTally & { order: number }>();
  statements.forEach((statement, order) => {
    let entry = byValue.get(statement.valueKey);
    if (!entry) byValue.set(statement.valueKey, (entry = { value: statement.value, valueKey: statement.valueKey, count: 0, channels: {}, places: [], order }));
    entry.count++;
    const channel = statement.place.channel ?? NO_CHANNEL;
    entry.channels[channel] = (entry.channels[channel] ?? 0) + 1;
    entry.places.push(statement.place);
  });
  return [...byValue.values()]
    .sort((a, b) => b.count - a.count || Object.keys(b.channels).length - Object.keys(a.channels).length || a.order - b.order)
    .map(({ order: _order, ...rest }) => rest);
}

/** Distinct templates, the most used first. */
export function templatesByUse(statements: QuantityStatement[]): string[] {
  const counts = new Map<string, number>();
  for (const statement of statements) counts.set(statement.template, (counts.get(statement.template) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([template]) => template);
}

/**
 * Folds templates that differ only in their middle into one with alternatives:
 * "return it within {value}" + "return your order within {value}" ->
 * "return (it|your order) within {value}". The caller verifies the result with the matcher.
 */
export function mergeTemplates(templates: string[]): string[] {
  const split = templates.map((t) => t.split(' '));
  const buckets = new Map<string, string[][]>();
  const order: string[] = [];
  for (const words of split) {
    const key = `${words[0]}\u0000${words[words.length - 1]}`;
    if (words.length < 2 || /[()|?\\]/.test(words.join(' '))) {
      buckets.set(`\u0001${order.length}`, [words]);
      order.push(`\u0001${order.length}`);
      continue;
    }
    const list = buckets.get(key);
    if (list) list.push(words);
    else {
      buckets.set(key, [words]);
      order.push(key);
    }
  }
  const out: string[] = [];
  for (const key of order) {
    const list = buckets.get(key)!;
    if (list.length === 1) {
      out.push(list[0]!.join(' '));
      continue;
    }
    const shortest = list.reduce((least, w) => Math.min(least, w.length), Infinity);
    let prefix = 0;
    while (prefix < shortest - 1 && list.every((w) => w[prefix] === list[0]![prefix])) prefix++;
    let suffix = 0;
    while (suffix < shortest - prefix && list.every((w) => w[w.length - 1 - suffix] === list[0]![list[0]!.length - 1 - suffix])) suffix++;
    const middles = [...new Set(list.map((w) => w.slice(prefix, w.length - suffix).join(' ')))];
    const present = middles.filter((m) => m !== '');
    const head = list[0]!.slice(0, prefix).join(' ');
    const tail = list[0]!.slice(list[0]!.length - suffix).join(' ');
    const group = present.length === 0 ? '' : `(${present.join('|')})${present.length < middles.length ? '?' : ''}`;
    out.push([head, group, tail].filter((part) => part !== '').join(' '));
  }
  return out;
}

/** The fact's id in the draft: named the way a person would ("return-window", "free-shipping-minimum"). */
export function factId(topic: string, kind: string, qualifier: string | undefined): string {
  const q = qualifier ? `${slug(qualifier)}-` : '';
  switch (topic) {
    case 'returns':
      return `${q}return-window`;
    case 'trial':
      return `${q}trial-length`;
    case 'warranty':
      return `${q}warranty-period`;
    case 'shipping':
      if (kind === 'money') return qualifier === 'free' ? 'free-shipping-minimum' : `${q}shipping-cost`;
      return `${q}delivery-time`;
    case 'price':
      return `${q}price`;
    case 'discount':
      return `${q}discount`;
    case 'support':
      return kind === 'duration' ? `${q}support-response-time` : `${q}support-hours`;
    case 'limit':
      return `${q}limit`;
    default:
      return `${q}${topic}-${kind}`;
  }
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'item';
}
