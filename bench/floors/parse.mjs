// Floor 2: read every content file and parse it with remark-parse / rehype-parse (macro bodies too), nothing else.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import rehypeParse from 'rehype-parse';
const root = process.argv[2];
const md = unified().use(remarkParse);
const html = unified().use(rehypeParse);
const fragment = unified().use(rehypeParse, { fragment: true });
let nodes = 0;
async function walk(dir) {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(abs);
    else if (entry.name.endsWith('.md')) nodes += md.parse(await fs.readFile(abs, 'utf8')).children.length;
    else if (entry.name.endsWith('.html')) nodes += html.parse(await fs.readFile(abs, 'utf8')).children.length;
    else if (entry.name.endsWith('.json') && entry.name !== 'package.json') {
      const data = JSON.parse(await fs.readFile(abs, 'utf8'));
      for (const macro of data.macros ?? []) for (const action of macro.actions ?? []) if (typeof action.value === 'string') nodes += fragment.parse(action.value).children.length;
    }
  }
}
await walk(root);
console.log(nodes);
