/**
 * Validates a file's outcome that comes back from state (an entry of `.onemessage-cache`, an
 * outcome in a shard file) before the engine uses it: by JSON schema first (ajv), then against
 * what it must agree with. Nothing read from state is trusted: a wrongly typed value would crash a
 * rule, a forged position would be printed as it is, a forged suppression would hide a finding.
 * A new field of FileOutcome, Finding or Statement must be added to model/outcome-schema.ts.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { FileOutcome } from '../lint/file.js';
import type { CorpusRule } from '../lint/rule.js';
import type { Position } from '../model/finding.js';
import { fingerprintOf, neighbourhood } from '../model/fingerprint.js';
import { OUTCOME_SCHEMA } from '../model/outcome-schema.js';
import { locator } from '../model/positions.js';

const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
let outcomeValidator: ValidateFunction | undefined;
const dataValidators = new WeakMap<CorpusRule, ValidateFunction>();

/** Compiles a schema with the one validator instance of this module (state files' own headers too). */
export function compileStateSchema(schema: object): ValidateFunction {
  return ajv.compile(schema);
}

/** The first schema error of a validation, as `at /findings/0/start: must be object`. */
export function firstSchemaError(validate: ValidateFunction): string {
  const error = validate.errors?.[0];
  if (!error) return 'not valid';
  const extra = error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})` : '';
  return `at ${error.instancePath || '/'}: ${error.message ?? 'not valid'}${extra}`;
}

/**
 * Whether a value has the shape of a FileOutcome whose statements each active corpus rule can read
 * (a rule declares the shape of its statements' data); the reason when not.
 */
export function outcomeShapeProblem(value: unknown, corpusRules: ReadonlyArray<{ rule: CorpusRule }>): string | undefined {
  outcomeValidator ??= ajv.compile(OUTCOME_SCHEMA);
  if (!outcomeValidator(value)) return firstSchemaError(outcomeValidator);
  const outcome = value as FileOutcome;
  for (const [ruleId, list] of Object.entries(outcome.statements)) {
    const entry = corpusRules.find(({ rule }) => rule.meta.id === ruleId);
    if (!entry) return `statements of ${ruleId}, which is not a rule this run uses`;
    const schema = entry.rule.statementData;
    if (!schema) continue;
    let validate = dataValidators.get(entry.rule);
    if (!validate) {
      validate = ajv.compile(schema);
      dataValidators.set(entry.rule, validate);
    }
    for (const [index, item] of list.entries()) {
      if (!validate(item.data)) return `statements.${ruleId}[${index}].data ${firstSchemaError(validate)}`;
    }
  }
  return undefined;
}

/** What an outcome must agree with: the file it is about, and, where the reader has it, its text. */
export interface Agreement {
  rel: string;
  /** the content hash the outcome must carry (absent: not checked) */
  sha256?: string;
  /** the decoded text: every position, excerpt and fingerprint is checked against it */
  text?: string;
}

/**
 * Whether an outcome of the right shape agrees with its file: every path is the file's, every
 * position lies in it (and, given the text, is the line and column of its offset and holds its
 * excerpt), fingerprints are the ones its text gives, and nothing is waived yet (waivers are
 * applied after outcomes are joined, so an outcome that carries one is forged).
 */
export function outcomeAgreementProblem(outcome: FileOutcome, agreement: Agreement): string | undefined {
  const { rel, text } = agreement;
  const locate = text === undefined ? undefined : locator(text);
  if (outcome.record.path !== rel) return `its record is for ${JSON.stringify(outcome.record.path)}`;
  if (agreement.sha256 !== undefined && outcome.record.sha256 !== agreement.sha256) return 'its content hash is not the file\'s';
  const place = (start: Position, end: Position, excerpt: string | undefined, what: string): string | undefined => {
    if (start.offset > end.offset) return `${what} ends before it starts`;
    if (!locate || text === undefined) return undefined;
    if (end.offset > text.length) return `${what} lies past the end of the file`;
    for (const point of [start, end]) {
      const real = locate.at(point.offset);
      if (real.line !== point.line || real.column !== point.column) return `${what} says ${point.line}:${point.column} for offset ${point.offset}, which is ${real.line}:${real.column}`;
    }
    if (excerpt !== undefined && excerpt !== text.slice(start.offset, end.offset)) return `${what} quotes text the file does not hold there`;
    return undefined;
  };
  for (const [index, finding] of outcome.findings.entries()) {
    const what = `findings[${index}]`;
    if (finding.path !== rel) return `${what} is about another file`;
    if ('suppression' in finding) return `${what} is waived already`;
    const problem = place(finding.start, finding.end, finding.excerpt || undefined, what);
    if (problem) return problem;
    for (const [r, other] of finding.related.entries()) {
      if (other.path !== rel) return `${what}.related[${r}] is about another file`;
      const wrong = place(other.start, other.end, other.excerpt, `${what}.related[${r}]`);
      if (wrong) return wrong;
    }
    if (finding.fix && (finding.fix.start > finding.fix.end || (text !== undefined && finding.fix.end > text.length))) return `${what}.fix lies outside the file`;
    if (text !== undefined && finding.fingerprint !== undefined && !fingerprintAgrees(finding, text)) return `${what} has a fingerprint its text does not give`;
  }
  for (const [ruleId, list] of Object.entries(outcome.statements)) {
    for (const [index, item] of list.entries()) {
      const what = `statements.${ruleId}[${index}]`;
      if (item.path !== rel) return `${what} is about another file`;
      if (item.start !== item.where.start.offset || item.end !== item.where.end.offset) return `${what} has two different places`;
      const wrong = place(item.where.start, item.where.end, item.where.excerpt, what);
      if (wrong) return wrong;
      if (text !== undefined && item.where.neighbourhood !== neighbourhood(text, item.start, item.end)) return `${what} has a neighbourhood its text does not give`;
    }
  }
  for (const [index, scope] of (outcome.directives ?? []).entries()) {
    const what = `directives[${index}]`;
    const wrong = place(scope.where.start, scope.where.end, scope.where.excerpt, what);
    if (wrong) return wrong;
    for (const range of scope.ranges) if (range.start > range.end || (text !== undefined && range.end > text.length)) return `${what} covers a range outside the file`;
  }
  return undefined;
}

/** A finding's fingerprint is the one its matched text gives, or (a file's problem, which matches no text) its message gives. */
function fingerprintAgrees(finding: FileOutcome['findings'][number], text: string): boolean {
  const parts = { ruleId: finding.ruleId, path: finding.path, ...(finding.item ? { itemId: finding.item.id } : {}), ...(finding.documentId !== undefined ? { documentId: finding.documentId } : {}) };
  if (finding.fingerprint === fingerprintOf({ ...parts, neighbourhood: neighbourhood(text, finding.start.offset, finding.end.offset) })) return true;
  return finding.excerpt === '' && finding.fingerprint === fingerprintOf({ ...parts, neighbourhood: finding.message });
}

