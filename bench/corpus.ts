/**
 * A seeded generator of a realistic content repo and its spec: Markdown pages, HTML pages and
 * sales scripts, and Zendesk macro exports, across three channels, with a chosen share of
 * documents holding spec phrases. `tricky` spells phrases through markup, entities and JSON
 * escapes, for the prefilter's exactness test. Same seed, same bytes.
 */
export interface CorpusOptions {
  seed: number;
  /** documents (a Zendesk macro is one document; 50 share an export file) */
  documents: number;
  /** spec items, spread over facts, claims, products, disclosures and terms */
  items: number;
  /** share of documents that hold some spec phrase, 0..1 */
  hitRate: number;
  /** spell phrases through markup, entities and escapes */
  tricky?: boolean;
}

export interface Corpus {
  /** relative path -> content; `onemessage.yaml` included */
  files: Map<string, string>;
  /** the spec's `terms` as (wrong, right) pairs, for peers such as textlint-rule-prh */
  terms: Array<{ wrong: string; right: string }>;
}

const MACROS_PER_EXPORT = 50;

const FILLER = (
  'our team helps customers plan trips pick gear and get outside more often every season brings new ideas for ' +
  'weekend walks family camping city cycling and long hikes this guide explains how to choose layers pack light ' +
  'keep food fresh stay dry and rest well we answer questions by email chat and phone and we publish notes on care ' +
  'repairs recycling and local events people tell us what works for them and we share those stories here because ' +
  'good advice travels fast between friends neighbours and clubs please read the sizing notes before you order'
).split(' ');

const SYLLABLES = ['cor', 'va', 'na', 'tre', 'lo', 'mir', 'qua', 'zen', 'dor', 'bel', 'xi', 'ru', 'fal', 'ton', 'sey', 'pra', 'gul', 'vek', 'ostr', 'imb'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A made-up word no filler sentence holds, one per index. */
function coined(index: number): string {
  let n = index + 7;
  let word = '';
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return word + 'a';
}

const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

interface Item {
  /** phrases as written in copy, some breaking the spec */
  phrases: string[];
}

function specOf(items: number): { yaml: string; samples: Item[]; terms: Array<{ wrong: string; right: string }> } {
  const facts: string[] = [];
  const claims: string[] = [];
  const products: string[] = [];
  const disclosures: string[] = [];
  const termLines: string[] = [];
  const samples: Item[] = [];
  const terms: Array<{ wrong: string; right: string }> = [];
  for (let i = 0; i < items; i++) {
    const w = coined(i);
    const W = cap(w);
    switch (i % 5) {
      case 0:
        facts.push(`  ${w}-returns:\n    value: 30 days\n    says: ["return your ${w} within {value}"]`);
        samples.push({ phrases: [`return your ${w} within 30 days`, `return your ${w} within 45 days`] });
        break;
      case 1:
        claims.push(`  - id: ${w}-best\n    says: ["best ${w} in the industry"]\n    status: forbidden\n    suggest: highly rated ${w}`);
        samples.push({ phrases: [`best ${w} in the industry`] });
        break;
      case 2:
        products.push(`  ${w}-pack:\n    names: ["${W} Pack"]\n    stock: made-to-order`);
        claims.push(`  - id: ${w}-tested\n    says: ["${w} lab tested"]\n    status: needs-evidence`);
        samples.push({ phrases: [`${W} Pack`, `${w} lab tested`] });
        break;
      case 3:
        disclosures.push(`  ${w}-partner:\n    when: ["${w} affiliate link"]\n    include: ["We earn a ${w} commission"]\n    within: paragraph`);
        samples.push({ phrases: [`${w} affiliate link`] });
        break;
      default:
        termLines.push(`  - use: ${W}Pro\n    not: ["${W} Pro", "${w}-pro"]`);
        terms.push({ wrong: `${W} Pro`, right: `${W}Pro` });
        samples.push({ phrases: [`${W} Pro`, `${W}Pro`] });
    }
  }
  const section = (name: string, lines: string[]) => (lines.length > 0 ? `${name}:\n${lines.join('\n')}\n` : `${name}: ${name === 'claims' || name === 'terms' ? '[]' : '{}'}\n`);
  const yaml =
    'version: 1\nbrand: Northwind Outfitters\nchannels:\n  marketing: ["site/**"]\n  sales: ["sales/**"]\n  support: ["support/**"]\n' +
    // A made-up promise list keeps the built-in one (with words such as "within") out of the filler.
    'promises:\n  immediate: ["ships same day from our depot"]\n' +
    section('facts', facts) + section('claims', claims) + section('products', products) + section('disclosures', disclosures) + section('terms', termLines);
  return { yaml, samples, terms };
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const random = rng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const { yaml, samples, terms } = specOf(options.items);
  const files = new Map<string, string>([['onemessage.yaml', yaml]]);
  const sentence = (): string => {
    const n = 8 + Math.floor(random() * 12);
    const words = Array.from({ length: n }, () => pick(FILLER));
    return `${cap(words.join(' '))}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(' ');
  const phrase = () => pick(pick(samples).phrases);
  /** A sentence holding a phrase, spelt as `syntax` would let a writer spell it when tricky. */
  const hitSentence = (syntax: 'markdown' | 'html' | 'json'): string => {
    let p = phrase();
    if (options.tricky) p = disguise(p, syntax, random);
    return `${cap(pick(FILLER))} ${pick(FILLER)} ${p} ${pick(FILLER)} ${pick(FILLER)}.`;
  };
  const body = (syntax: 'markdown' | 'html' | 'json', hit: boolean): string[] => {
    const paragraphs = Array.from({ length: 3 + Math.floor(random() * 5) }, paragraph);
    if (hit) {
      const count = 1 + Math.floor(random() * 2);
      for (let k = 0; k < count; k++) {
        const at = Math.floor(random() * paragraphs.length);
        paragraphs[at] = `${paragraphs[at]} ${hitSentence(syntax)}`;
      }
    }
    return paragraphs;
  };

  let macros: string[] = [];
  let exportIndex = 0;
  const flushMacros = () => {
    if (macros.length === 0) return;
    files.set(`support/macros/export-${String(exportIndex++).padStart(4, '0')}.json`, `{"macros": [\n${macros.join(',\n')}\n]}\n`);
    macros = [];
  };
  for (let d = 0; d < options.documents; d++) {
    const hit = random() < options.hitRate;
    const kind = random();
    const name = `${pick(FILLER)}-${pick(FILLER)}-${d}`;
    if (kind < 0.45) {
      const paragraphs = body('markdown', hit).map((text, i) => (i === 1 ? `Read the [sizing notes](/sizing) and **${pick(FILLER)} ${pick(FILLER)}** first. ${text}` : text));
      files.set(`site/blog/${name}.md`, `---\ntitle: ${cap(pick(FILLER))} ${pick(FILLER)} ${pick(FILLER)}\ndescription: ${sentence()}\n---\n\n# ${cap(pick(FILLER))} ${pick(FILLER)}\n\n${paragraphs.join('\n\n')}\n\n- ${sentence()}\n- ${sentence()}\n`);
    } else if (kind < 0.6) {
      const paragraphs = body('html', hit);
      files.set(`site/pages/${name}.html`, `<!doctype html>\n<html lang="en">\n<head><title>${cap(pick(FILLER))} ${pick(FILLER)}</title></head>\n<body>\n<main>\n<h1>${cap(pick(FILLER))}</h1>\n${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}\n</main>\n</body>\n</html>\n`);
    } else if (kind < 0.75) {
      const turns = body('markdown', hit).map((text, i) => `**${i % 2 === 0 ? 'Rep' : 'Prospect'}:** ${text}`);
      files.set(`sales/scripts/${name}.md`, `# Call script: ${pick(FILLER)}\n\n${turns.join('\n\n')}\n`);
    } else {
      const html = body('json', hit).map((text) => `<p>${text}</p>`).join('');
      macros.push(`  {"id": ${1000 + d}, "title": "${cap(pick(FILLER))} ${pick(FILLER)}", "active": true, "actions": [{"field": "subject", "value": "${cap(pick(FILLER))} ${pick(FILLER)}"}, {"field": "comment_value_html", "value": ${jsonString(html)}}]}`);
      if (macros.length === MACROS_PER_EXPORT) flushMacros();
    }
  }
  flushMacros();
  return { files, terms };
}

/** A JSON string literal; `"` and `\` escaped, the rest as written (the tricky spellings carry their own escapes). */
function jsonString(text: string): string {
  return `"${text.replace(/\\(?!u[0-9a-f]{4}|n)/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** One of the ways a writer, an editor or an export spells a phrase without its plain bytes. */
function disguise(phrase: string, syntax: 'markdown' | 'html' | 'json', random: () => number): string {
  const words = phrase.split(' ');
  const i = Math.floor(random() * words.length);
  const w = words[i]!;
  const cut = Math.max(1, Math.floor(w.length / 2));
  const common: Array<() => string> = [
    () => w.slice(0, cut) + `&#${w.charCodeAt(cut)};` + w.slice(cut + 1),
    () => w.slice(0, cut) + `&#x${w.charCodeAt(cut).toString(16)};` + w.slice(cut + 1),
    () => (w.includes('e') ? w.replace('e', '&eacute;') : `&ldquo;${w}&rdquo;`),
    () => `${w}&nbsp;`,
  ];
  const bySyntax: Record<typeof syntax, Array<() => string>> = {
    markdown: [() => `${w.slice(0, cut)}**${w.slice(cut)}**`, () => `_${w}_`, () => `${w.slice(0, cut)}\\${w.slice(cut)}`, () => `[${w.slice(0, cut)}](/x)${w.slice(cut)}`, () => `${w.slice(0, cut)}<b>${w.slice(cut)}</b>`],
    html: [() => `${w.slice(0, cut)}<b>${w.slice(cut)}</b>`, () => `${w.slice(0, cut)}<!-- x -->${w.slice(cut)}`, () => `${w.slice(0, cut)}<wbr>${w.slice(cut)}`, () => `<em>${w}</em>`],
    json: [() => w.slice(0, cut) + `\\u${w.charCodeAt(cut).toString(16).padStart(4, '0')}` + w.slice(cut + 1), () => `\\n${w}`, () => `${w.slice(0, cut)}<b>${w.slice(cut)}</b>`, () => `${w.slice(0, cut)}\\u003cb\\u003e${w.slice(cut)}`],
  };
  const ways = [...common, ...bySyntax[syntax]];
  words[i] = ways[Math.floor(random() * ways.length)]!();
  return words.join(' ');
}
