/** Offsets to 1-based line:column (UTF-16 code units) for one file, via vfile-location. */
import { location } from 'vfile-location';
import type { Position } from './finding.js';

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
