/**
 * The JSON schema (what editors complete and the loader validates against) and the loader (what
 * normalise.ts reads) describe the same keys: the same key paths as the loader's RawSpec type,
 * every key of the schema accepted in a spec that loads, every optional key read (removing it
 * changes the loaded spec), every required key read (changing it changes the loaded spec), and
 * no key outside the schema accepted anywhere.
 */
import path from 'node:path';
import ts from 'typescript';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { specSchema } from '../../src/spec/schema-check.js';
import { ROOT } from '../helpers/cli.js';
import { errorsOf, load, workspace } from './helpers.js';

type Node = Record<string, unknown>;
type Segment = string | number;

/** A spec that writes every key the schema knows, each with a value other than its default. */
const FULL = `
version: 1
brand: Acme Outdoor
owner: Brand team
revision: "2026.2"
extends: [base]
channels:
  marketing: ["site/**", "landing/**"]
  sales: sales/**
  support: ["support/**"]
facts:
  return-window:
    value: 30 days
    says: ["{value} return", { regex: "return within (?P<value>\\\\d+ days)" }]
    about: [refund, { regex: "send (it|them) back" }]
    units: exact
    message: Our return window is 30 days.
  annual-discount:
    kind: percentage
    says: ["save {value} with annual billing"]
claims:
  - id: black-friday-40
    says: ["40% off everything", { regex: "40 ?% off" }]
    unless: ["40% off everything else", { regex: "40 ?% off everything else" }]
    status: allowed
    message: Only during the sale.
    suggest: great prices all year
    fix: true
    channels: [marketing]
    requires: [sale-terms]
    valid: { from: 2026-11-27, until: 2026-11-30 }
    stock: [limited]
products:
  trailpack-45:
    names: ["TrailPack 45", { regex: "TP-?45" }]
    stock: made-to-order
    lead-time: 6-8 weeks
promises:
  immediate: ["ships today", { regex: "ships (today|tonight)" }]
disclosures:
  sale-terms:
    when: ["sale", { regex: "clearance" }]
    unless: ["garage sale", { regex: "yard sale" }]
    include: ["while stocks last", { regex: "until (sold out|stock runs out)" }]
    within: sentence
    before: true
    endorsement: true
    channels: [marketing]
terms:
  - use: sign in
    not: ["login to", { regex: "log-in to" }]
    channels: [support]
    message: Our product says sign in.
speakers:
  ignore: ["Prospect"]
severity:
  term/use: error
ignore: ["**/drafts/**"]
internal: check
formats:
  csv: { title: Name, text: Body, id: Id, channel: Channel }
  markdown: { fields: [summary], mdx: true }
  mdx: { props: { CtaBox: [headline] } }
  json: { items: export.macros, title: name, text: body, id: ref, channel: team }
  extensions: { ".njk": html }
exceptions:
  - files: "support/legacy/**"
    rule: term/use
    item: sign in
    reason: Legacy macros keep their wording.
    approved-by: J. Doe, Legal
    until: 2027-01-31
plugins: ["./rules/house-style.js"]
`;

const PACK = 'version: 1\nterms:\n  - use: TrailPack\n    not: ["Trail Pack"]\n';

const schema = specSchema() as Node;

function resolve(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/definitions/', '');
  return { ...(schema.definitions as Record<string, Node>)[name]!, description: node.description };
}

/** Every key path the schema allows: `claims[].valid.from`, `facts.*.says[].regex`. */
function schemaPaths(node: Node, prefix: string, out: Set<string>): Set<string> {
  const resolved = resolve(node);
  for (const [key, child] of Object.entries((resolved.properties ?? {}) as Record<string, Node>)) {
    const keyPath = prefix ? `${prefix}.${key}` : key;
    out.add(keyPath);
    schemaPaths(child, keyPath, out);
  }
  if (resolved.additionalProperties && typeof resolved.additionalProperties === 'object') schemaPaths(resolved.additionalProperties as Node, `${prefix}.*`, out);
  if (resolved.items && typeof resolved.items === 'object') schemaPaths(resolved.items as Node, `${prefix}[]`, out);
  return out;
}

/** The schema node at a key path, for `required` and `enum`. */
function schemaParentOf(keyPath: string): Node {
  let node = resolve(schema);
  const steps = keyPath.match(/[^.[\]]+|\[\]/g)!.slice(0, -1);
  for (const step of steps) {
    if (step === '[]') node = resolve(node.items as Node);
    else if (step === '*') node = resolve(node.additionalProperties as Node);
    else node = resolve((node.properties as Record<string, Node>)[step]!);
  }
  return node;
}

/** Every place a key is written in the data: its path in the data and its key path. */
function keysIn(data: unknown, node: Node, dataPath: Segment[], prefix: string, out: Array<{ at: Segment[]; keyPath: string }>): typeof out {
  const resolved = resolve(node);
  if (Array.isArray(data)) {
    data.forEach((item, index) => keysIn(item, (resolved.items ?? {}) as Node, [...dataPath, index], `${prefix}[]`, out));
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const fixed = (resolved.properties as Record<string, Node> | undefined)?.[key];
      if (fixed) {
        const keyPath = prefix ? `${prefix}.${key}` : key;
        out.push({ at: [...dataPath, key], keyPath });
        keysIn(value, fixed, [...dataPath, key], keyPath, out);
      } else if (resolved.additionalProperties && typeof resolved.additionalProperties === 'object') {
        keysIn(value, resolved.additionalProperties as Node, [...dataPath, key], `${prefix}.*`, out);
      }
    }
  }
  return out;
}

/** Every key path of the loader's RawSpec type (src/spec/normalise.ts), read with the TypeScript compiler. */
function rawSpecPaths(): Set<string> {
  const file = path.join(ROOT, 'src/spec/normalise.ts');
  const program = ts.createProgram([file], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es2022.d.ts'] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'RawSpec')!;
  const out = new Set<string>();
  const walk = (type: ts.Type, prefix: string, depth: number) => {
    if (depth > 8) return;
    if (type.isUnion()) {
      for (const member of type.types) walk(member, prefix, depth);
      return;
    }
    if (checker.isArrayType(type)) {
      walk(checker.getTypeArguments(type as ts.TypeReference)[0]!, `${prefix}[]`, depth + 1);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object)) return;
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (index) walk(index.type, `${prefix}.*`, depth + 1);
    for (const property of checker.getPropertiesOfType(type)) {
      const keyPath = prefix ? `${prefix}.${property.name}` : property.name;
      out.add(keyPath);
      walk(checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(property, decl)), keyPath, depth + 1);
    }
  };
  walk(checker.getTypeAtLocation(decl), '', 0);
  return out;
}

function loadData(data: unknown): unknown {
  const dir = workspace({ 'onemessage.yaml': stringify(data), 'packs/base.yaml': PACK });
  const { spec } = load(dir);
  // Positions and the file hash change with any edit; what was read is the rest.
  return JSON.parse(JSON.stringify(spec, (key, value) => (key === 'pos' || key === 'valuePos' || key === 'sha256' || key === 'dir' ? undefined : value)));
}

/** The loaded spec, or the errors: a key whose removal breaks a reference was read too. */
function loadOrErrors(data: unknown): unknown {
  try {
    return loadData(data);
  } catch (error) {
    return { errors: String(error) };
  }
}

function edit(data: unknown, at: Segment[], change: (parent: Record<string | number, unknown>, key: Segment) => void): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let parent = copy;
  for (const segment of at.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  change(parent, at[at.length - 1]!);
  return copy;
}

/** Another valid value for a required key, so that a loader ignoring it would go unnoticed no more. */
function changed(value: unknown, keyPath: string, parent: Node): unknown {
  const property = resolve((parent.properties as Record<string, Node>)[keyPath.split('.').pop()!]!);
  if (Array.isArray(property.enum)) return property.enum.find((option) => option !== value);
  if (keyPath.endsWith('.rule')) return value === 'term/use' ? 'claim/evidence' : 'term/use';
  if (Array.isArray(value)) return [...value, typeof value[0] === 'string' ? `${value[0]} too` : value[0]];
  if (typeof value === 'string') return `${value}s`;
  return value;
}

describe('schema and loader in sync', () => {
  const data = parse(FULL) as unknown;
  const written = keysIn(data, schema, [], '', []);

  it('the schema has the same key paths as the loader\'s RawSpec type', () => {
    expect([...schemaPaths(schema, '', new Set())].sort()).toEqual([...rawSpecPaths()].sort());
  });

  it('a spec using every key of the schema loads', () => {
    expect(errorsOf({ 'onemessage.yaml': FULL, 'packs/base.yaml': PACK })).toEqual([]);
    expect([...new Set(written.map((key) => key.keyPath))].sort()).toEqual([...schemaPaths(schema, '', new Set())].sort());
  });

  it('the loader reads every key: removing an optional one, or changing a required one, changes the loaded spec', () => {
    const full = loadData(data);
    const ignored: string[] = [];
    for (const { at, keyPath } of written) {
      const parent = schemaParentOf(keyPath);
      const key = keyPath.split('.').pop()!;
      if (key === 'version') continue; // a constant: there is nothing else it may be
      const required = Array.isArray(parent.required) && parent.required.includes(key);
      const variant = required
        ? edit(data, at, (object, k) => {
            object[k] = changed(object[k], keyPath, parent);
          })
        : edit(data, at, (object, k) => {
            delete object[k];
          });
      if (JSON.stringify(loadOrErrors(variant)) === JSON.stringify(full)) ignored.push(`${keyPath} (${required ? 'changed' : 'removed'})`);
    }
    expect(ignored).toEqual([]);
  });

  it('the loader refuses a key the schema does not know, in every object', () => {
    // objects with fixed keys; a map (channels, facts, severity) takes any name by design
    const closed = ({ at, keyPath }: { at: Segment[]; keyPath: string }) => {
      let value: unknown = data;
      for (const segment of at) value = (value as Record<Segment, unknown>)[segment];
      const property = resolve((schemaParentOf(keyPath).properties as Record<string, Node>)[keyPath.split('.').pop()!]!);
      return value !== null && typeof value === 'object' && !Array.isArray(value) && property.properties !== undefined;
    };
    const mapEntries = written.flatMap(({ at, keyPath }) => {
      // the entries of a map (facts.return-window) and of a list (claims[0]) are closed objects too
      let value: unknown = data;
      for (const segment of at) value = (value as Record<Segment, unknown>)[segment];
      const property = resolve((schemaParentOf(keyPath).properties as Record<string, Node>)[keyPath.split('.').pop()!]!);
      const inner = property.additionalProperties ?? property.items;
      if (!inner || typeof inner !== 'object' || !resolve(inner as Node).properties || value === null || typeof value !== 'object') return [];
      return Object.keys(value as object).filter((key) => typeof (value as Record<string, unknown>)[key] === 'object').map((key) => [...at, Array.isArray(value) ? Number(key) : key]);
    });
    const objects = [[] as Segment[], ...written.filter(closed).map(({ at }) => at), ...mapEntries];
    const accepted: string[] = [];
    for (const at of objects) {
      const variant = at.length === 0 ? { ...(data as object), colour: 'blue' } : edit(data, [...at, 'colour'], (object, k) => {
        object[k] = 'blue';
      });
      if (errorsOf({ 'onemessage.yaml': stringify(variant), 'packs/base.yaml': PACK }).length === 0) accepted.push(at.join('.') || '(top level)');
    }
    expect(objects.length).toBeGreaterThan(10);
    expect(accepted).toEqual([]);
  });
});
