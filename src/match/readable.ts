/** A phrase as a reader would say it, for messages and the guide: `return [it / them] within 30 days`. */
import type { DisplayNode } from './template.js';
import type { Phrase } from './types.js';

/** A phrase as a reader says it: `{value}` filled in, groups as `[optional]` and `(a / b)`, from its parsed template. */
export function readablePhrase(phrase: Phrase, value?: string): string {
  if (phrase.isRegex || !phrase.template) return `pattern /${phrase.source}/`;
  const render = (nodes: readonly DisplayNode[]): string => {
    let out = '';
    for (const node of nodes) {
      if (node.type === 'text') out += node.text;
      else if (node.type === 'value') out += value ?? '‹value›';
      else {
        const alternatives = node.options.map((option) => render(option).trim());
        const inner = alternatives.join(' / ');
        out += node.optional ? `[${inner}]` : alternatives.length > 1 ? `(${inner})` : inner;
      }
    }
    return out;
  };
  return render(phrase.template.display).replace(/\s+/g, ' ').trim();
}
