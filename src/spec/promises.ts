/**
 * The built-in vocabulary of immediate-availability promises, used by `stock/promise` when
 * the spec has no `promises.immediate`. Each phrase says or implies "you can have it now";
 * negated uses ("not in stock") are excluded by the matcher, not here.
 */
export const DEFAULT_IMMEDIATE_PROMISES: readonly string[] = [
  'in stock',
  'in stock now',
  '(ready|available) to ship',
  'ships (today|now|immediately|same day|same-day|next day|next-day)',
  'same-day (shipping|dispatch)',
  'next-day (delivery|shipping|dispatch)',
  'ships within (24|48) hours',
  'dispatched within (24|48) hours',
  '(available|in stock) (now|today)',
  'immediately available',
  'available immediately',
  'available for immediate (shipping|delivery|dispatch)',
  'get it (tomorrow|today|by tomorrow)',
  'order (now|today) (and|to) get it (tomorrow|today)',
  'delivered tomorrow',
  'ready for pickup today',
];
