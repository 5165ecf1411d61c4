// Regenerates docs/rules.md and docs/rules/<rule>.md from the rule modules (npm run docs),
// removing pages of rules that no longer exist.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleDocsMarkdown } from '../src/cli/rules.js';
import { RULE_PAGES_DIR, rulePages } from '../src/cli/rule-pages.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(root, 'docs/rules.md'), ruleDocsMarkdown());

const pages = rulePages();
const wanted = new Set(pages.map((page) => path.join(root, page.file)));
const dir = path.join(root, RULE_PAGES_DIR);
mkdirSync(dir, { recursive: true });
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  const file = path.join(entry.parentPath, entry.name);
  if (entry.isFile() && file.endsWith('.md') && !wanted.has(file)) rmSync(file);
}
for (const page of pages) {
  mkdirSync(path.dirname(path.join(root, page.file)), { recursive: true });
  writeFileSync(path.join(root, page.file), page.text);
}
