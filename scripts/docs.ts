// Regenerates docs/rules.md from the rule modules (npm run docs).
import { writeFileSync } from 'node:fs';
import { ruleDocsMarkdown } from '../src/cli/rules.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), ruleDocsMarkdown());
