import { describe, expect, it } from 'vitest';
import { specSchema } from '../../src/spec/schema-check.js';
import { closest, editDistance } from '../../src/spec/suggest.js';

type Node = Record<string, unknown>;

/** Every schema node under `node`, with a path for messages. */
function walk(node: Node, path: string, visit: (node: Node, path: string) => void): void {
  visit(node, path);
  for (const [key, child] of Object.entries(node.properties ?? {})) walk(child as Node, `${path}.${key}`, visit);
  for (const [key, child] of Object.entries(node.definitions ?? {})) walk(child as Node, `#${key}`, visit);
  if (node.items && typeof node.items === 'object') walk(node.items as Node, `${path}[]`, visit);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties as Node, `${path}.*`, visit);
}

describe('the spec schema', () => {
  const schema = specSchema() as Node;

  it('describes every property, for editors', () => {
    const missing: string[] = [];
    walk(schema, 'spec', (node, path) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (typeof (child as Node).description !== 'string') missing.push(`${path}.${key}`);
      }
    });
    expect(missing).toEqual([]);
  });

  it('closes every object with fixed keys, so that typos are errors', () => {
    const open: string[] = [];
    walk(schema, 'spec', (node, path) => {
      if (node.properties && node.additionalProperties !== false) open.push(path);
    });
    expect(open).toEqual([]);
  });

  it('knows every top-level key of spec v1, and the keys added since', () => {
    expect(Object.keys(schema.properties as Node)).toEqual([
      'version', 'brand', 'owner', 'revision', 'extends', 'channels', 'facts', 'claims', 'products', 'promises', 'disclosures',
      'terms', 'speakers', 'severity', 'ignore', 'internal', 'formats', 'exceptions', 'plugins',
    ]);
  });
});

describe('did you mean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('clamis', 'claims')).toBe(1);
    expect(editDistance('forbiden', 'forbidden')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests within max(2, len/3) edits and not beyond', () => {
    expect(closest('clams', ['claims', 'channels'])).toBe('claims');
    expect(closest('leadtime', ['names', 'stock', 'lead-time'])).toBe('lead-time');
    expect(closest('whatever', ['claims', 'facts'])).toBeUndefined();
    expect(closest('Facts', ['facts'])).toBe('facts');
  });
});
