/**
 * For a fact the spec gives no value: the value most documents state, read from a run's message
 * map, so that the guide can tell employees the number instead of a blank.
 */
import type { MatrixRow } from '../model/result.js';
import type { Quantity } from '../match/types.js';
import { describeQuantity, quantityFromKey } from '../match/quantity.js';

export interface Agreed {
  /** the value in its canonical form ("30 days", "20%"), or as first written when it is no quantity */
  text: string;
  quantity?: Quantity;
  /** the channels that state it */
  channels: string[];
  /** the other values documents state, as written */
  others: string[];
}

/** The reference value of an agree-only fact (the one the fact rules do not flag), or undefined when nothing states it. */
export function agreedValue(factId: string, matrix: readonly MatrixRow[] | undefined): Agreed | undefined {
  const row = matrix?.find((r) => r.fact === factId);
  if (!row || row.specValue !== undefined) return undefined;
  let agreed: (Agreed & { key: string }) | undefined;
  const others: string[] = [];
  for (const [channel, values] of Object.entries(row.channels)) {
    for (const value of values) {
      if (value.conflicting) {
        if (!others.includes(value.text)) others.push(value.text);
        continue;
      }
      agreed ??= { text: value.text, key: value.key, channels: [], others };
      if (!agreed.channels.includes(channel) && channel !== '(none)') agreed.channels.push(channel);
    }
  }
  if (!agreed) return undefined;
  // "30-day" as a document wrote it reads wrong after "within": the canonical form fits every template
  const quantity = quantityFromKey(agreed.key);
  const { key: _key, ...rest } = agreed;
  return quantity ? { ...rest, text: describeQuantity(quantity), quantity } : rest;
}
