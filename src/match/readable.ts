/** A phrase template as a reader would say it, for messages and the guide: `return [it / them] within 30 days`. */
import type { Phrase } from '../spec/types.js';

/** A phrase template as a reader says it: `{value}` filled in, groups as `[optional]` and `(a / b)`. */
export function readablePhrase(phrase: Phrase, value?: string): string {
  if (phrase.isRegex) return `pattern /${phrase.source}/`;
  const source = phrase.source;
  let i = 0;
  const sequence = (): string => {
    let out = '';
    while (i < source.length) {
      const c = source[i]!;
      if (c === '\\' && i + 1 < source.length) {
        out += source[i + 1];
        i += 2;
      } else if (source.startsWith('{value}', i)) {
        out += value ?? '‹value›';
        i += '{value}'.length;
      } else if (c === '(') {
        i += 1;
        const alternatives = [sequence().trim()];
        while (source[i] === '|') {
          i += 1;
          alternatives.push(sequence().trim());
        }
        if (source[i] === ')') i += 1;
        const optional = source[i] === '?';
        if (optional) i += 1;
        const inner = alternatives.join(' / ');
        out += optional ? `[${inner}]` : alternatives.length > 1 ? `(${inner})` : inner;
      } else if (c === '|' || c === ')') {
        return out;
      } else {
        out += c;
        i += 1;
      }
    }
    return out;
  };
  const parts = [sequence()];
  while (i < source.length) {
    i += 1;
    parts.push(sequence());
  }
  return parts.map((part) => part.replace(/\s+/g, ' ').trim()).join(' / ');
}
