/**
 * Checks spec data against the JSON schema and turns ajv's errors into one-line messages in a
 * user's words, each at the place in the YAML it is about, in source order.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { AnySchemaObject, ErrorObject } from 'ajv';
import { describeFound, displayPath, quote } from './describe.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { specError } from './errors.js';
import { schemaPath } from '../package-root.js';
import { didYouMean } from './suggest.js';
import type { SpecPos } from './types.js';
import { positionOfKey, positionOfPath } from './yaml-source.js';
import type { PathSegment, SpecSource } from './yaml-source.js';
// Compiled at build time (scripts/schema-validator.ts): compiling the schema with ajv at every
// start cost about 0.1 s of CPU, a third of a one-file check.
import { validate } from './schema-validator.generated.js';

interface StandaloneValidate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

let fileSchema: AnySchemaObject | undefined;

/** The spec's JSON schema, as shipped in `schema/onemessage.schema.json` (read when first asked for). */
export function specSchema(): AnySchemaObject {
  fileSchema ??= JSON.parse(readFileSync(schemaPath(), 'utf8')) as AnySchemaObject;
  return fileSchema;
}

interface Located {
  pos: SpecPos;
  message: string;
}

/** Validates parsed spec data; returns the errors, or an empty list. */
export function checkSchema(source: SpecSource, data: unknown): Diagnostic[] {
  const check = validate as StandaloneValidate;
  if (check(data)) return [];
  const errors = collapse(check.errors ?? []);
  const schema = specSchema();
  const located: Located[] = [];
  for (const error of errors) {
    const described = describe({ error, data, schema, source });
    if (described) located.push(described);
  }
  located.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const { pos, message } of located) {
    const key = `${pos.line}:${pos.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(specError(message, pos.file, pos.line, pos.column));
  }
  return out;
}

/**
 * Drops ajv's echoes: the `propertyNames` wrapper around its inner error, other complaints
 * about a value whose type is already wrong, and "missing required key" when an unknown key
 * beside it is a misspelling of that very key.
 */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const misspelt = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
    const hint = /"([^"]+)"/.exec(didYouMean(String(error.params.additionalProperty), allowed))?.[1];
    if (hint) misspelt.add(`${error.instancePath}\u0000${hint}`);
  }
  return errors.filter((error) => {
    if (error.keyword === 'propertyNames') return false;
    if (error.keyword !== 'type' && wrongType.has(error.instancePath) && error.propertyName === undefined) return false;
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}\u0000${String(error.params.missingProperty)}`)) return false;
    return true;
  });
}

/** JSON pointer -> path segments, with numbers for list indexes. */
function toPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function describe(options: { error: ErrorObject; data: unknown; schema: AnySchemaObject; source: SpecSource }): Located | undefined {
  const { error, data, schema, source } = options;
  const path = toPath(error.instancePath, data);
  const where = displayPath(path);
  const found = describeFound(valueAt(data, path));
  const parent = error.parentSchema ?? {};
  const at = (message: string): Located => ({ pos: positionOfPath(source, path), message });

  if (error.propertyName !== undefined) {
    // A map key (an id) that breaks the key rule.
    const key = error.propertyName;
    const expected = expectedOf(parent, schema);
    return { pos: positionOfKey(source, path, key), message: `expected ${expected} as a key in ${where}, found ${quote(key)}` };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((parent.properties as object | undefined) ?? {});
      return { pos: positionOfKey(source, path, key), message: `unknown key ${quote(key)} in ${where}${didYouMean(key, allowed)}` };
    }
    case 'required':
      return at(`missing required key ${quote(String(error.params.missingProperty))} in ${where}`);
    case 'type':
      if (path.length === 0) return at(`expected a map of keys at the top of the spec (starting with version: 1), found ${found}`);
      return at(`expected ${expectedOf(parent, schema)} at ${where}, found ${found}`);
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const value = valueAt(data, path);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return at(`expected one of ${allowed.join(', ')} at ${where}, found ${found}${hint}`);
    }
    case 'const':
      if (where === 'version') return at(`expected version: 1 (the only spec version), found ${found}`);
      return at(`expected ${JSON.stringify(error.params.allowedValue)} at ${where}, found ${found}`);
    case 'minItems':
      return at(`expected at least one item in ${where}, found ${found}`);
    case 'minLength':
      return at(`expected a non-empty string at ${where}, found ${found}`);
    case 'minProperties':
      return at(`expected at least one of ${Object.keys((parent.properties as object | undefined) ?? {}).join(', ')} in ${where}, found ${found}`);
    case 'pattern':
      return at(`expected ${expectedOf(parent, schema)} at ${where}, found ${found}`);
    default:
      return at(`${where} ${error.message ?? 'is not valid'}`);
  }
}

function resolveRef(node: AnySchemaObject, root: AnySchemaObject): AnySchemaObject {
  const ref = node.$ref as string | undefined;
  if (!ref?.startsWith('#/definitions/')) return node;
  return ((root.definitions as Record<string, AnySchemaObject>)[ref.slice('#/definitions/'.length)] ?? node);
}

/** What a schema node accepts, in words: `a list of strings`, `a date written YYYY-MM-DD`. */
function expectedOf(node: AnySchemaObject, root: AnySchemaObject): string {
  const definitions = root.definitions as Record<string, AnySchemaObject>;
  const resolved = resolveRef(node, root);
  // The generated validator's schema nodes are copies of the file's: compare them by value.
  if (isDeepStrictEqual(resolved, definitions.phrase)) return 'a string (or { regex: "..." })';
  if (isDeepStrictEqual(resolved, definitions.date)) return 'a date written YYYY-MM-DD';
  if (isDeepStrictEqual(resolved, definitions.id)) return 'an id without spaces or commas';
  const types = ([] as string[]).concat((resolved.type as string | string[] | undefined) ?? []);
  const words = types.map((type) => {
    switch (type) {
      case 'array': {
        const items = resolved.items as AnySchemaObject | undefined;
        const inner = items ? expectedOf(items, root) : '';
        if (inner.startsWith('a string')) return 'a list of strings';
        if (inner === 'a map') return 'a list of maps';
        return 'a list';
      }
      case 'object':
        return 'a map';
      case 'boolean':
        return 'true or false';
      case 'integer':
        return 'a whole number';
      default:
        return `a ${type}`;
    }
  });
  return words.length > 0 ? words.join(' or ') : 'a valid value';
}
