/** A seeded generator of a realistic company corpus: marketing pages, sales scripts and support macros that mostly agree. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = ['Summit Tent', 'TrailPack 45', 'Ridgeline Stove', 'Cascade Sleeping Bag', 'Alpine Trekking Poles'];
const FILLER = [
  'Our gear is designed in Portland and tested on real trails by people who would rather be outside.',
  'Every seam is taped and every buckle is rated for cold mornings above the tree line.',
  'Tell us about your trip and we will help you pick the right setup for it.',
  'Thousands of hikers carried our packs on the Pacific Crest Trail last season.',
  'Questions about sizing? Our fit guide walks you through torso length and hip belt size.',
  'We repair what we make, so your gear stays on the trail and out of the landfill.',
];

/** Writes `count` documents under dir (site/, sales/, support/); returns the number written. */
export function writeCorpus(dir: string, count: number, seed = 42): number {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  // Most statements agree; a few stale ones disagree, as in any real company.
  const returnDays = () => (rnd() < 0.9 ? 30 : pick([14, 60]));
  const returns = [
    (d: number) => `You can return it within ${d} days for a full refund.`,
    (d: number) => `Every order comes with a ${d}-day return policy.`,
    (d: number) => `Try it with our ${d}-day money-back guarantee.`,
  ];
  const shipping = [(m: number) => `Free shipping on orders over $${m}.`, (m: number) => `Orders over $${m} ship free.`];
  const warranty = (y: number) => `Each ${pick(PRODUCTS)} carries a ${y}-year warranty against defects.`;
  for (let i = 0; i < count; i++) {
    const channel = i % 3 === 0 ? 'site' : i % 3 === 1 ? 'sales' : 'support';
    const product = pick(PRODUCTS);
    const paragraphs: string[] = [];
    for (let p = 0; p < 6; p++) {
      const sentences = [pick(FILLER), pick(FILLER)];
      const roll = rnd();
      if (roll < 0.25) sentences.push(pick(returns)(returnDays()));
      else if (roll < 0.4) sentences.push(pick(shipping)(rnd() < 0.95 ? 50 : 75));
      else if (roll < 0.5) sentences.push(warranty(rnd() < 0.9 ? 2 : 3));
      else if (roll < 0.55) sentences.push(`The ${product} is the lightest shelter in its class.`);
      else if (roll < 0.6) sentences.push(`The ${product} is in stock and ready to ship.`);
      paragraphs.push(sentences.join(' '));
    }
    let body: string;
    if (channel === 'sales') body = `# Call script: ${product}\n\n${paragraphs.map((t, k) => (k % 2 === 0 ? `**Rep:** ${t}` : `**Prospect:** Does the ${product} come in green?`)).join('\n\n')}\n`;
    else if (channel === 'support') body = `---\ntitle: "Macro: ${product} question ${i}"\n---\n\nHi {{ticket.requester.first_name}},\n\n${paragraphs.join('\n\n')}\n\nBest,\nThe Support Team\n`;
    else body = `---\ntitle: ${product} | Acme Outdoor\ndescription: Gear that goes the distance.\n---\n\n# ${product}\n\n${paragraphs.join('\n\n')}\n`;
    const folder = channel === 'support' ? 'support/macros' : channel === 'sales' ? 'sales/scripts' : 'site/pages';
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, `doc-${String(i).padStart(4, '0')}.md`), body);
  }
  return count;
}
