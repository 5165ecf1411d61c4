/**
 * A validator for the official SARIF 2.1.0 schema (draft-04). CI clones the repo with `shared/`
 * beside it; a clone without it uses the same file vendored in test/schemas (from the OASIS
 * sarif-spec repository, commit e0583813964ec43cea53b6b531b402866095ed1f).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = path.resolve(repoRoot, '..', 'shared', 'schemas', 'sarif-schema-2.1.0.json');
const vendored = path.resolve(repoRoot, 'test', 'schemas', 'sarif-schema-2.1.0.json');

/** RFC 3986 URI-reference characters, with every `%` starting a valid escape. */
const uriReference = (text: string) => /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(text);
const absoluteUri = (text: string) => uriReference(text) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text);

// a CommonJS module whose export is the class, which also carries itself as `default`
const Ajv = ajvDraft04.default;

export function sarifSchemaPath(): string {
  return existsSync(shared) ? shared : vendored;
}

export function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', absoluteUri);
  ajv.addFormat('uri-reference', uriReference);
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  return ajv.compile(JSON.parse(readFileSync(sarifSchemaPath(), 'utf8')));
}
