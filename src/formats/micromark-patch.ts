/**
 * Makes micromark's event edits cost what they touch, not the whole document, so a Markdown
 * file with many nested list items parses in linear time instead of quadratic.
 *
 * micromark's document tokenizer applies an EditMap every time a list item closes while its list
 * goes on (`- a` / `  - b` / `- c`), and `EditMap#consume` rebuilds the whole event array each
 * time. A 0.7 MB page of nested lists took 25 s. Those edits sit at the end of the array, where
 * an in-place splice moves a handful of events. This replaces `consume` with one that splices
 * when splicing is cheaper and otherwise rebuilds as before; the result is the same array.
 */
import { EditMap } from 'micromark-util-edit-map';

type Change = EditMap['map'][number];
type Event = Change[2][number];

/** Array#splice without spreading a huge `items` into arguments (V8 overflows past ~100k). */
function spliceLarge(list: Event[], start: number, remove: number, items: Event[]): void {
  const CHUNK = 10_000;
  if (items.length < CHUNK) {
    // bounded spread: fewer than CHUNK items
    list.splice(start, remove, ...items);
    return;
  }
  if (remove > 0) list.splice(start, remove);
  // bounded spread: CHUNK items at a time
  for (let from = 0; from < items.length; from += CHUNK) list.splice(start + from, 0, ...items.slice(from, from + CHUNK));
}

/** micromark's own algorithm: rebuild the array once with every edit in place. */
function rebuild(map: Change[], events: Event[]): void {
  const pieces: Event[][] = [];
  for (let index = map.length - 1; index >= 0; index--) {
    const [at, remove, add] = map[index]!;
    pieces.push(events.slice(at + remove), add);
    events.length = at;
  }
  pieces.push(events.slice());
  events.length = 0;
  for (let piece = pieces.pop(); piece; piece = pieces.pop()) for (const event of piece) events.push(event);
}

function consume(this: EditMap, events: Event[]): undefined {
  const map = this.map;
  map.sort((a, b) => a[0] - b[0]);
  if (map.length === 0) return;
  // Each splice moves the events after its index; a rebuild moves every event about twice.
  let moved = 0;
  for (const [at, , add] of map) moved += Math.max(0, events.length - at) + add.length;
  if (moved >= 2 * events.length) rebuild(map, events);
  else {
    // Last edit first, so earlier indices still point where they did. An edit's removal stops
    // at the next edit's index, as it does in the rebuild.
    for (let index = map.length - 1; index >= 0; index--) {
      const [at, remove, add] = map[index]!;
      const next = map[index + 1]?.[0] ?? Infinity;
      const start = Math.min(at, events.length);
      spliceLarge(events, start, Math.max(0, Math.min(remove, next - at)), add);
    }
  }
  map.length = 0;
  this.index.clear();
  return undefined;
}

EditMap.prototype.consume = consume;
