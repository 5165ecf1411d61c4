/**
 * How reports describe a place beyond its position (text.ts's formatPosition and formatLocation
 * are the one rendering of a position, Office and PDF places included): a finding's span, the
 * channel and macro a place is in, and one line for a related location.
 */
import type { Position, RelatedLocation } from '../model/finding.js';
import { documentLabel, formatLocation, formatPosition } from './text.js';

type Point = Pick<Position, 'line' | 'column' | 'place'>;

/**
 * `line:column–line:column` within the file, `line:column` when the range is empty; in an Office
 * document or a PDF the place of the start, which is what a reader looks for.
 */
export function formatSpan(range: { start: Point; end?: Point }): string {
  const start = formatPosition(range.start);
  const { end } = range;
  if (range.start.place || !end || (end.line === range.start.line && end.column === range.start.column)) return start;
  return `${start}–${formatPosition(end)}`;
}

/** A finding's file and span: `site/index.md:3:5–3:25`, `sales/pitch.pptx slide 4 ¶2:15`. */
export function formatRange(path: string, range: { start: Point; end?: Point }): string {
  return range.start.place ? formatLocation(path, range.start) : `${path}:${formatSpan(range)}`;
}

/** `channel, Macro title (id)` of a place, or undefined when it has neither. */
export function whereIn(place: Pick<RelatedLocation, 'channel' | 'documentTitle' | 'documentId'>): string | undefined {
  const parts = [place.channel, documentLabel(place)].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** One line for a related location: `path:line:col (channel, macro): message`. */
export function describeRelated(place: RelatedLocation): string {
  const where = whereIn(place);
  return `${formatLocation(place.path, place.start)}${where !== undefined ? ` (${where})` : ''}: ${place.message}`;
}
