/**
 * The benchmark's inputs beyond the generated corpus: a copy of a real corpus folder with a spec
 * beside it (and a tenth of it, for scaling), a macro export full of term fixes, and one long
 * Markdown paragraph. Same inputs, same bytes.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface Corpus {
  dir: string;
  files: number;
  mb: number;
}

/** The spec's terms as (wrong, right) pairs, for textlint-rule-prh. */
export function termsOf(specFile: string): Array<{ wrong: string; right: string }> {
  const spec = parse(readFileSync(specFile, 'utf8')) as { terms?: Array<{ use: string; not?: string[] }> };
  return (spec.terms ?? []).flatMap((term) => (term.not ?? []).map((wrong) => ({ wrong, right: term.use })));
}

/** prh's rule file: a literal pattern per wrong spelling (prh reads a string pattern as a word). */
export function prhRules(terms: Array<{ wrong: string; right: string }>): string {
  return `version: 1\nrules:\n${terms.map((t) => `  - expected: ${JSON.stringify(t.right)}\n    pattern: ${JSON.stringify(t.wrong)}`).join('\n')}\n`;
}

function filesUnder(dir: string, keep: (rel: string) => boolean): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>)
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter(keep)
    .sort();
}

/**
 * Copies the Markdown and text files of a real corpus under `work/name/content` with the spec as
 * `work/name/onemessage.yaml`; `every` keeps one file in so many (10: a tenth, for scaling).
 */
export function copyRealCorpus(options: { source: string; spec: string; work: string; name: string; every?: number }): Corpus {
  const dir = path.join(options.work, options.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  const every = options.every ?? 1;
  const files = filesUnder(options.source, (rel) => /\.(md|markdown|txt)$/i.test(rel)).filter((_, i) => i % every === 0);
  let bytes = 0;
  for (const rel of files) {
    const to = path.join(dir, 'content', rel);
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(path.join(options.source, rel), to);
    bytes += statSync(to).size;
  }
  cpSync(options.spec, path.join(dir, 'onemessage.yaml'));
  return { dir, files: files.length, mb: bytes / 1e6 };
}

/**
 * One Zendesk export whose macros hold `fixes` term misspellings in all, about 115 bytes of
 * export per fix (the issue's 15,000 fixes in 1.7 MB), with a spec of those terms.
 */
export function writeFixExport(options: { work: string; spec: string; fixes: number }): Corpus {
  const dir = path.join(options.work, 'fixes');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'support'), { recursive: true });
  const terms = termsOf(options.spec).filter((t) => /^[a-z][a-z -]*$/i.test(t.wrong));
  const macros: string[] = [];
  let made = 0;
  for (let m = 0; made < options.fixes; m++) {
    const sentences: string[] = [];
    for (let s = 0; s < 5 && made < options.fixes; s++, made++) {
      const term = terms[(m * 5 + s) % terms.length]!;
      sentences.push(`<p>Hi there, please check the ${term.wrong} settings before you write back to us.</p>`);
    }
    macros.push(`  {"id": ${1000 + m}, "title": "Reply ${m}", "active": true, "actions": [{"field": "comment_value_html", "value": ${JSON.stringify(sentences.join(''))}}]}`);
  }
  writeFileSync(path.join(dir, 'support', 'macros.json'), `{"macros": [\n${macros.join(',\n')}\n]}\n`);
  cpSync(options.spec, path.join(dir, 'onemessage.yaml'));
  return { dir, files: 1, mb: statSync(path.join(dir, 'support', 'macros.json')).size / 1e6 };
}

/**
 * One Markdown paragraph of about `mb` MB: prose with a term misspelling every ~2 KB and, early
 * on, a few links and emphasis (readers refuse a paragraph with over 1,000 marks and brackets,
 * see docs/formats.md, so a paragraph full of links would measure that refusal, not a parse).
 */
export function writeLongParagraph(options: { work: string; spec: string; mb: number }): Corpus {
  const dir = path.join(options.work, 'paragraph');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  const wrong = termsOf(options.spec)[0]!.wrong;
  const prose =
    'Our team answers questions by mail and chat, keeps notes on care and repairs, and shares the ' +
    'stories people send us about trips and weekend walks with gear lists and tips for rainy days; ';
  const marked = 'read [our trip notes](https://example.com/trips) and the *weekend* list with `gear` in it; ';
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < options.mb * 1e6; i++) {
    const piece = `${prose}${i < 100 ? marked : ''}${i % 10 === 9 ? `send us an ${wrong} anytime. ` : ''}`;
    parts.push(piece);
    bytes += piece.length;
  }
  writeFileSync(path.join(dir, 'content', 'long.md'), `${parts.join('')}\n`);
  cpSync(options.spec, path.join(dir, 'onemessage.yaml'));
  return { dir, files: 1, mb: bytes / 1e6 };
}
