/** Offsets to 1-based line:column (UTF-16 code units) for one file, via vfile-location. */
import { location } from 'vfile-location';
import type { Place, Position } from './finding.js';

export interface Locator {
  at(offset: number): Position;
}

export function locator(text: string): Locator {
  const place = location(text);
  return {
    at(offset: number): Position {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const point = place.toPoint(clamped);
      if (point) return { line: point.line, column: point.column, offset: clamped };
      // toPoint gives nothing at the very end of a file; count from the last line start.
      const before = text.slice(0, clamped);
      const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
      const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
      return { line, column: clamped - lastBreak, offset: clamped };
    },
  };
}

/** Where each paragraph of a container's extracted text starts, and where it sits (see PlaceMark in formats). */
export interface PlaceStart extends Omit<Place, 'character'> {
  start: number;
}

/** A locator over a container's extracted text that also says the place of each point. */
export function placeLocator(text: string, places: readonly PlaceStart[]): Locator {
  const base = locator(text);
  return {
    at(offset: number): Position {
      const position = base.at(offset);
      let lo = 0;
      let hi = places.length - 1;
      if (hi < 0 || places[0]!.start > position.offset) return position;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (places[mid]!.start <= position.offset) lo = mid;
        else hi = mid - 1;
      }
      const { start, ...place } = places[lo]!;
      return { ...position, place: { ...place, character: position.offset - start + 1 } };
    },
  };
}
