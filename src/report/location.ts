/**
 * How reports write where something is: the one place a finding's or a related location's
 * position becomes text (`site/index.md:16:43`, with its channel and macro), so that a new kind of
 * position (a slide and paragraph of an office document) changes every report at once.
 */
import type { Position, RelatedLocation } from '../model/finding.js';
import { documentLabel, formatPosition } from './text.js';

export interface Place {
  path: string;
  start: Pick<Position, 'line' | 'column'>;
  end?: Pick<Position, 'line' | 'column'>;
}

/** `path:line:column`. */
export function formatLocation(place: Place): string {
  return `${place.path}:${formatPosition(place.start)}`;
}

/** `line:column–line:column` within the file, or `line:column` when the range is empty or has no end. */
export function formatSpan(place: Omit<Place, 'path'>): string {
  const start = formatPosition(place.start);
  if (!place.end || (place.end.line === place.start.line && place.end.column === place.start.column)) return start;
  return `${start}–${formatPosition(place.end)}`;
}

/** `channel, Macro title (id)` of a place, or undefined when it has neither. */
export function whereIn(place: Pick<RelatedLocation, 'channel' | 'documentTitle' | 'documentId'>): string | undefined {
  const parts = [place.channel, documentLabel(place)].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** One line for a related location: `path:line:col (channel, macro): message`. */
export function describeRelated(place: RelatedLocation): string {
  const where = whereIn(place);
  return `${formatLocation(place)}${where !== undefined ? ` (${where})` : ''}: ${place.message}`;
}
