/** docs/rules/<rule>.md are the generated pages, one per rule and no stale ones (npm run docs). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { RULE_PAGES_DIR, rulePages } from '../../src/cli/rule-pages.js';
import { ROOT } from '../helpers/cli.js';

describe('docs/rules/', () => {
  const pages = rulePages();

  it('has one page per rule, named by its id', () => {
    expect(pages.map((page) => page.file)).toEqual(rules.map((rule) => `docs/rules/${rule.meta.id}.md`));
  });

  it.each(pages.map((page) => [page.file, page] as const))('%s is up to date (run npm run docs after changing a rule)', (_file, page) => {
    expect(readFileSync(path.join(ROOT, page.file), 'utf8')).toBe(page.text);
  });

  it('holds no page of a rule that no longer exists', () => {
    const onDisk = readdirSync(path.join(ROOT, RULE_PAGES_DIR), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    expect(onDisk).toEqual(pages.map((page) => page.file).sort());
  });

  it('links to pages that exist', () => {
    for (const page of pages) {
      for (const [, target] of page.text.matchAll(/\]\(([^)#]+\.md)\)/g)) {
        expect(existsSync(path.resolve(ROOT, path.dirname(page.file), target!)), `${page.file} -> ${target}`).toBe(true);
      }
    }
  });
});
