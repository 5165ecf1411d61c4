/**
 * One repository name wherever a user types it (the action's `uses:`, pre-commit's `repo:`, the
 * git install commands): the one package.json's `repository` gives, which is where a fork
 * changes it (docs/integrations/github-action.md, "A fork").
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
const REPO = /github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(manifest.repository.url)![1]!;

/** The files a user reads install and CI instructions in. */
function documents(): string[] {
  const docs = readdirSync(path.join(ROOT, 'docs'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
  return ['README.md', 'SECURITY.md', 'action.yml', '.pre-commit-hooks.yaml', ...docs];
}

describe("the repository's name", () => {
  it('is the one package.json names, in every action reference, pre-commit repo and git URL', () => {
    expect(REPO).toBe('onemessage/onemessage');
    const found: string[] = [];
    for (const file of documents()) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const match of text.matchAll(/uses: ([\w.-]+\/[\w.-]+)@/g)) if (!/^(actions|github)\//.test(match[1]!)) found.push(`${file}: uses ${match[1]}`);
      for (const match of text.matchAll(/github\.com\/([\w.-]+\/onemessage)\b/g)) found.push(`${file}: ${match[1]}`);
    }
    expect(found.length).toBeGreaterThan(3);
    expect(found.filter((entry) => !entry.endsWith(REPO) && !entry.endsWith(`uses ${REPO}`))).toEqual([]);
  });
});
