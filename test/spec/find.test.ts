import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSpec } from '../../src/spec/find.js';

describe('findSpec', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'onemessage-find-'));
  mkdirSync(path.join(root, 'site', 'blog'), { recursive: true });
  mkdirSync(path.join(root, 'other', 'deep'), { recursive: true });
  writeFileSync(path.join(root, 'onemessage.yaml'), 'version: 1\n');
  writeFileSync(path.join(root, 'other', '.onemessage.yaml'), 'version: 1\n');

  it('finds the spec in the folder itself', () => {
    expect(findSpec(root)).toBe(path.join(root, 'onemessage.yaml'));
  });

  it('finds the spec in the nearest parent', () => {
    expect(findSpec(path.join(root, 'site', 'blog'))).toBe(path.join(root, 'onemessage.yaml'));
  });

  it('prefers a nearer .onemessage.yaml over a farther onemessage.yaml', () => {
    expect(findSpec(path.join(root, 'other', 'deep'))).toBe(path.join(root, 'other', '.onemessage.yaml'));
  });

  it('accepts onemessage.yml', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onemessage-find-'));
    writeFileSync(path.join(dir, 'onemessage.yml'), 'version: 1\n');
    expect(findSpec(dir)).toBe(path.join(dir, 'onemessage.yml'));
  });

  it('returns undefined when no folder up to the root has a spec', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onemessage-none-'));
    // The temp folder's parents are not ours; only assert when none of them has a spec.
    const found = findSpec(dir);
    if (found !== undefined) expect(path.dirname(found)).not.toBe(dir);
    else expect(found).toBeUndefined();
  });
});
