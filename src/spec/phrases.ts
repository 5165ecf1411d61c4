/**
 * Checks one phrase of the spec (a template or a `regex:`) and gives it its normalised form:
 * template syntax through the matcher's own parser, a bound on alternatives, and regexes
 * compiled by the linear-time engine that will run them.
 */
import { RE2JS } from 're2js';
import type { Diagnostic } from '../model/diagnostic.js';
import { countExpansions, TemplateSyntaxError, type Template } from '../match/template.js';
import { compileTemplate } from './compile.js';
import { quote } from './describe.js';
import { specError } from './errors.js';
import type { Phrase, SpecPos } from './types.js';
import { nodeAt, positionInScalar, positionOf } from './yaml-source.js';
import type { PathSegment, SpecSource } from './yaml-source.js';

/** Beyond this many word sequences a template is refused: it would swamp the matcher. */
export const MAX_EXPANSIONS = 10_000;

export type RawPhrase = string | { regex: string };

export interface PhraseRules {
  /** `{value}` may appear (facts only) */
  allowValue: boolean;
  /** `{value}` must appear (facts only) */
  requireValue: boolean;
}

/** Normalises the phrase written at `path`; problems are pushed onto `errors`. */
export function checkPhrase(options: { source: SpecSource; path: readonly PathSegment[]; raw: RawPhrase; rules: PhraseRules; errors: Diagnostic[] }): Phrase {
  const { source, path, raw, rules, errors } = options;
  const fail = (message: string, pos: SpecPos): void => {
    errors.push(specError(message, pos.file, pos.line, pos.column));
  };

  if (typeof raw !== 'string') {
    const node = nodeAt(source, [...path, 'regex']);
    const pos = positionOf(source, node);
    checkRegex({ pattern: raw.regex, rules, pos, fail });
    return { source: raw.regex, isRegex: true, pos };
  }

  const node = nodeAt(source, path);
  const pos = positionOf(source, node);
  let template: Template | undefined;
  try {
    template = compileTemplate(raw, { allowValue: rules.allowValue });
    if (rules.requireValue && !template.hasValue) {
      fail(`a fact template must have {value}: ${quote(raw)} does not say where the value stands`, pos);
    } else if (countExpansions(template.nodes) > MAX_EXPANSIONS) {
      fail(`too many alternatives: ${quote(raw)} expands to more than 10,000 phrases; split it into several phrases`, pos);
    }
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    fail(`bad phrase template ${quote(raw)}: ${error.message}`, positionInScalar(source, node, error.index));
  }
  return { source: raw, isRegex: false, pos, ...(template ? { template } : {}) };
}

function checkRegex(options: { pattern: string; rules: PhraseRules; pos: SpecPos; fail: (message: string, pos: SpecPos) => void }): void {
  const { pattern, rules, pos, fail } = options;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    // re2js reports the pattern with the flag it prepended; the user wrote it without.
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '').replace(/`\(\?i\)/g, '`') : String(error);
    fail(`bad regex ${quote(pattern)}: ${reason}`, pos);
    return;
  }
  if (compiled.matches('')) {
    fail(`bad regex ${quote(pattern)}: it matches empty text`, pos);
  } else if (rules.requireValue && !('value' in compiled.namedGroups())) {
    fail(`a fact regex must capture its value in a group named value, as in (?P<value>...): ${quote(pattern)}`, pos);
  }
}
