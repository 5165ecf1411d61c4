/**
 * The built-in vocabulary of stated delivery times ("ships in 3 days", "delivered within a
 * week", "2-day shipping"), read by `stock/lead-time`. `{value}` stands for the time; the rule
 * keeps only durations and compares them with a product's lead time.
 */

/** SpecPos.file of the built-in delivery vocabulary (line = index in the list + 1). */
export const BUILTIN_DELIVERY_FILE = 'builtin:delivery';

/** The item id every delivery phrase is matched under. */
export const DELIVERY_ITEM = 'delivery';

export const DELIVERY_TEMPLATES: readonly string[] = [
  '(ships|ship|shipped|dispatched|dispatches|dispatch|goes out|leaves our (workshop|warehouse)) (out)? (in|within) {value}',
  '(delivered|delivery|arrives|arrive|arriving|get it|receive it|have it|at your door|in your hands) (in|within) {value}',
  '(ready|available) to ship (in|within) {value}',
  '{value} (delivery|shipping|dispatch|turnaround)',
  '(lead|delivery|shipping|turnaround|dispatch) time (is|of) (just|only)? {value}',
];
