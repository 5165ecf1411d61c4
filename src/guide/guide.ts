/**
 * The messaging guide: the spec rendered for every employee, in Markdown or as one
 * self-contained HTML page: what to say and how, what never to say, and what must go with what,
 * in sentences rather than template syntax.
 */
import type { GitState, MatrixRow } from '../model/result.js';
import type { Claim, Disclosure, Spec, StockStatus, Term } from '../spec/types.js';
import { toHtml, toMarkdown, type Block, type Inlines } from '../report/blocks.js';
import { baseCss, renderPage } from '../report/html-page.js';
import { agreedValue, type Agreed } from './agreed.js';
import { globInWords, listWords, quotedList, sayingsOf, sayingsOfAll, sayingsText, titleOf, type FactValue } from './wording.js';

export type GuideFormat = 'markdown' | 'html';

export interface GuideOptions {
  /** the date the guide is for (claims with dates are judged at it), `YYYY-MM-DD` */
  asOf?: string;
  /** the run's message map: for facts with no value, the value most documents state */
  matrix?: MatrixRow[];
  /** the commit of the spec's folder, when git could say */
  git?: GitState;
}

export function renderGuide(spec: Spec, format: GuideFormat, options: GuideOptions = {}): string {
  const blocks = guideBlocks(spec, options);
  if (format === 'markdown') return toMarkdown(blocks);
  return renderPage({ title: guideTitle(spec), css: baseCss + guideCss, body: `<main class="guide">\n${toHtml(blocks)}</main>\n` });
}

function guideTitle(spec: Spec): string {
  return spec.brand !== undefined ? `${spec.brand} messaging guide` : 'Messaging guide';
}

function guideBlocks(spec: Spec, options: GuideOptions): Block[] {
  return [
    { kind: 'heading', level: 1, text: guideTitle(spec) },
    { kind: 'list', items: aboutItems(spec, options) },
    {
      kind: 'paragraph',
      content: [
        'What every channel tells customers, in the words to use. Words in quotes are approved wording: use them as written, or any of the listed variants. ',
        'Anything not listed here is up to you, as long as it does not contradict this guide.',
      ],
    },
    ...channelBlocks(spec),
    ...factBlocks(spec, options),
    ...claimBlocks(spec, options),
    ...productBlocks(spec),
    ...disclosureBlocks(spec),
    ...termBlocks(spec),
  ];
}

/** Company, owner, version and date: what an employee needs to trust and cite the guide. */
function aboutItems(spec: Spec, options: GuideOptions): Inlines[] {
  const items: Inlines[] = [];
  if (spec.brand !== undefined) items.push([{ strong: 'Company:' }, ` ${spec.brand}`]);
  if (spec.owner !== undefined) items.push([{ strong: 'Owner:' }, ` ${spec.owner}. Ask them before you say anything this guide does not cover.`]);
  const version = [
    spec.revision !== undefined ? `revision ${spec.revision}` : 'no revision named',
    `spec file ${spec.path}, SHA-256 ${spec.sha256.slice(0, 12)}`,
    ...(options.git ? [`commit ${options.git.commit.slice(0, 12)}${options.git.clean ? '' : ' with uncommitted changes'}`] : []),
  ];
  items.push([{ strong: 'Version:' }, ` ${version.join(', ')}`]);
  if (options.asOf !== undefined) items.push([{ strong: 'Date:' }, ` ${options.asOf}`]);
  return items;
}

function channelName(name: string): string {
  return titleOf(name);
}

function channelsText(channels: readonly string[]): string {
  return listWords(channels.map(channelName));
}

function channelBlocks(spec: Spec): Block[] {
  if (spec.channels.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Channels' },
    { kind: 'paragraph', content: ['Which files speak for which part of the company:'] },
    { kind: 'list', items: spec.channels.map((channel) => [{ strong: `${channelName(channel.name)}:` }, ` ${listWords(channel.globs.map(globInWords))}`]) },
  ];
}

function factBlocks(spec: Spec, options: GuideOptions): Block[] {
  if (spec.facts.length === 0) return [];
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Facts: say them the same way everywhere' },
    { kind: 'paragraph', content: ['Every channel states these with the same value. Use one of the approved ways to say each.'] },
  ];
  for (const fact of spec.facts) {
    const agreed = fact.value === undefined ? agreedValue(fact.id, options.matrix) : undefined;
    const value: FactValue | undefined =
      fact.value !== undefined ? { text: fact.value, ...(fact.quantity ? { quantity: fact.quantity } : {}) } : agreed ? { text: agreed.text, ...(agreed.quantity ? { quantity: agreed.quantity } : {}) } : undefined;
    const heading = value ? `${titleOf(fact.id)}: ${value.text}` : titleOf(fact.id);
    blocks.push({ kind: 'heading', level: 3, text: heading });
    const lead: Inlines = [];
    if (fact.value === undefined) lead.push(undecided(agreed));
    if (fact.message !== undefined) lead.push(`${lead.length > 0 ? ' ' : ''}${fact.message}`);
    if (lead.length > 0) blocks.push({ kind: 'paragraph', content: lead });
    const sayings = sayingsOfAll(fact.says, value);
    blocks.push({ kind: 'paragraph', content: [{ strong: 'Say it as:' }] }, { kind: 'list', items: sayings.shown.map((saying) => [`“${saying}”`]) });
    if (sayings.more > 0) blocks.push({ kind: 'paragraph', content: [`…and ${sayings.more} more variants of these.`] });
  }
  return blocks;
}

/** What a fact with no value in the spec says: the value most documents state, or that there is none yet. */
function undecided(agreed: Agreed | undefined): string {
  if (!agreed) return 'The spec fixes no value: every channel must state the same one. Ask the owner before you state it.';
  const where = agreed.channels.length > 0 ? `, in ${channelsText(agreed.channels)}` : '';
  const dissent = agreed.others.length > 0 ? ` Some documents say ${listWords(agreed.others, 'or')}: do not follow them.` : '';
  return `The spec fixes no value; ${agreed.text} is what most documents say${where}, so use it.${dissent}`;
}

/** Each claim once, under the first of these that applies: never, with a source, on dates, with a disclosure, in some channels, anywhere. */
function claimGroup(claim: Claim): string {
  if (claim.status === 'forbidden') return 'never';
  if (claim.status === 'needs-evidence') return 'evidence';
  if (claim.valid !== undefined) return 'dated';
  if (claim.requires.length > 0) return 'requires';
  if (claim.channels && claim.channels.length > 0) return 'channels';
  return 'anywhere';
}

const claimGroups: Array<[string, string, string?]> = [
  ['anywhere', 'You may say these anywhere'],
  ['channels', 'Only in some channels'],
  ['requires', 'Only together with a disclosure'],
  ['evidence', 'Only with a source', 'Cite a source, such as a footnote or a link, in the same paragraph whenever you make one of these.'],
  ['dated', 'Only on some dates', 'Outside these dates, both included, the claim must not be made.'],
  ['never', 'Never say these'],
];

function claimBlocks(spec: Spec, options: GuideOptions): Block[] {
  if (spec.claims.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Claims: what we may say, where, and with what' }];
  for (const [group, title, note] of claimGroups) {
    const claims = spec.claims.filter((claim) => claimGroup(claim) === group);
    if (claims.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: title });
    if (note !== undefined) blocks.push({ kind: 'paragraph', content: [note] });
    blocks.push({ kind: 'list', items: claims.map((claim) => claimItem(spec, claim, options)) });
  }
  return blocks;
}

function claimItem(spec: Spec, claim: Claim, options: GuideOptions): Inlines {
  const parts: Inlines = [sayingsText(sayingsOfAll(claim.says))];
  const conditions: string[] = [];
  if (claim.channels && claim.channels.length > 0 && claim.status !== 'forbidden') {
    const others = spec.channels.map((c) => c.name).filter((name) => !claim.channels!.includes(name));
    conditions.push(`only in ${channelsText(claim.channels)}${others.length > 0 ? `, never in ${channelsText(others)}` : ''}`);
  }
  for (const id of claim.requires) {
    const disclosure = spec.disclosures.find((d) => d.id === id);
    if (disclosure) conditions.push(`only with ${sayingsText(sayingsOfAll(disclosure.include))} ${scopeWords[disclosure.within]}`);
  }
  if (claim.valid !== undefined) conditions.push(datesText(claim.valid, options.asOf));
  if (claim.status === 'forbidden' && claim.channels && claim.channels.length > 0) conditions.push(`in ${channelsText(claim.channels)}`);
  parts.push(conditions.length > 0 ? `: ${conditions.join('; ')}.` : '.');
  if (claim.message !== undefined) parts.push(' ', { strong: 'Why:' }, ` ${claim.message}`);
  if (claim.suggest !== undefined) parts.push(' ', { strong: 'Say instead:' }, ` “${claim.suggest}”.`);
  return parts;
}

function datesText(valid: NonNullable<Claim['valid']>, asOf: string | undefined): string {
  const range = valid.from !== undefined && valid.until !== undefined ? `from ${valid.from} to ${valid.until}` : valid.from !== undefined ? `from ${valid.from} on` : `until ${valid.until}`;
  if (asOf === undefined) return range;
  if (valid.until !== undefined && asOf > valid.until) return `${range}, so no longer`;
  if (valid.from !== undefined && asOf < valid.from) return `${range}, so not yet`;
  return `${range}, so today`;
}

const stockWords: Record<StockStatus, string> = {
  'in-stock': 'in stock',
  limited: 'in limited stock',
  backorder: 'on backorder',
  'made-to-order': 'made to order',
  preorder: 'on preorder',
  discontinued: 'discontinued',
};

/** Stock states for which promising immediate availability is an error (rule `stock/promise`). */
const notImmediate: readonly StockStatus[] = ['backorder', 'made-to-order', 'preorder', 'discontinued'];

function productBlocks(spec: Spec): Block[] {
  if (spec.products.length === 0) return [];
  const items = spec.products.map((product): Inlines => {
    const names = product.names.flatMap((name) => sayingsOf(name).shown);
    const [first, ...others] = names.length > 0 ? names : [titleOf(product.id)];
    const parts: Inlines = [{ strong: first! }];
    if (others.length > 0) parts.push(`, also ${quotedList(others)}`);
    const facts: string[] = [];
    if (product.stock !== undefined) facts.push(stockWords[product.stock]);
    if (product.leadTime !== undefined) facts.push(`${product.leadTime} lead time`);
    parts.push(facts.length > 0 ? `: ${facts.join(', ')}.` : '.');
    if (product.stock !== undefined && notImmediate.includes(product.stock)) parts.push(' Never say it is available now.');
    if (product.leadTime !== undefined) parts.push(` Never promise it sooner than ${product.leadTime}.`);
    return parts;
  });
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Products and availability' },
    { kind: 'list', items },
  ];
  if (spec.products.some((product) => product.stock !== undefined && notImmediate.includes(product.stock)) && spec.promises.immediate.length > 0) {
    blocks.push(
      { kind: 'paragraph', content: ['These words promise that a product is available now. Never use them for a product that is made to order, on backorder, on preorder or discontinued:'] },
      { kind: 'list', items: spec.promises.immediate.map((phrase) => [sayingsText(sayingsOf(phrase))]) },
    );
  }
  return blocks;
}

const scopeWords: Record<Disclosure['within'], string> = {
  sentence: 'in the same sentence',
  paragraph: 'in the same paragraph',
  section: 'in the same section',
  document: 'in the same document',
};

function disclosureBlocks(spec: Spec): Block[] {
  if (spec.disclosures.length === 0) return [];
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Disclosures: what must go with what' },
  ];
  for (const disclosure of spec.disclosures) {
    blocks.push({ kind: 'heading', level: 3, text: titleOf(disclosure.id) }, { kind: 'paragraph', content: disclosureText(spec, disclosure) });
  }
  return blocks;
}

function disclosureText(spec: Spec, disclosure: Disclosure): Inlines {
  const claims = spec.claims.filter((claim) => claim.requires.includes(disclosure.id));
  const triggers: string[] = [];
  if (disclosure.when.length > 0) triggers.push(`you say ${sayingsText(sayingsOfAll(disclosure.when))}`);
  if (claims.length > 0) triggers.push(`you claim ${sayingsText(sayingsOfAll(claims.flatMap((claim) => claim.says)))}`);
  const where = disclosure.channels && disclosure.channels.length > 0 ? ` in ${channelsText(disclosure.channels)}` : '';
  const when = triggers.length > 0 ? `When ${triggers.join(', or ')}${where}, include` : `Include`;
  const placement = disclosure.before ? ', before those words' : '';
  return [`${when} ${sayingsText(sayingsOfAll(disclosure.include))} ${scopeWords[disclosure.within]}${placement}.`];
}

function termBlocks(spec: Spec): Block[] {
  if (spec.terms.length === 0) return [];
  const item = (term: Term): Inlines => [
    'Write ',
    { strong: term.use },
    `, not ${sayingsText(sayingsOfAll(term.not))}.`,
    ...(term.message !== undefined ? [' ', { strong: 'Why:' }, ` ${term.message}`] : []),
  ];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Words we use' }];
  const everywhere = spec.terms.filter((term) => !term.channels || term.channels.length === 0);
  if (everywhere.length > 0) blocks.push({ kind: 'heading', level: 3, text: 'In every channel' }, { kind: 'list', items: everywhere.map(item) });
  const named = [...spec.channels.map((channel) => channel.name)];
  for (const term of spec.terms) for (const channel of term.channels ?? []) if (!named.includes(channel)) named.push(channel);
  for (const channel of named) {
    const terms = spec.terms.filter((term) => term.channels?.includes(channel));
    if (terms.length > 0) blocks.push({ kind: 'heading', level: 3, text: `In ${channelName(channel)}` }, { kind: 'list', items: terms.map(item) });
  }
  return blocks;
}

const guideCss = `
main.guide { max-width: 46rem; margin: 0 auto; font-size: 16px; line-height: 1.6; }
main.guide h1 { font-size: 1.9rem; margin-bottom: .75rem; }
main.guide h2 { margin-top: 2.25rem; }
main.guide h3 { margin: 1.4rem 0 .3rem; }
main.guide > ul:first-of-type { list-style: none; padding: .6rem .9rem; background: #f4f6f8; border-radius: .4rem; }
main.guide li { margin: .2rem 0; }
main.guide p { margin: .4rem 0; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  main.guide { max-width: none; font-size: 10.5pt; }
  main.guide h2 { break-before: auto; break-after: avoid; }
  main.guide h3 { break-after: avoid; }
  main.guide li, main.guide p { break-inside: avoid; }
}
`;
