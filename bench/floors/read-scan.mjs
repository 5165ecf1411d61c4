// Floor 1: read every content file and scan it once (count words), nothing else.
import { promises as fs } from 'node:fs';
import path from 'node:path';
const root = process.argv[2];
let words = 0;
async function walk(dir) {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(abs);
    else if (/\.(md|html|json)$/.test(entry.name)) {
      const text = await fs.readFile(abs, 'utf8');
      for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) words++;
    }
  }
}
await walk(root);
console.log(words);
