/** Placeholder for the compiled matcher (being written). */
import type { Match, PhraseKind } from './types.js';

export interface DocumentMatches {
  all: Match[];
  of(kind: PhraseKind): Match[];
}
