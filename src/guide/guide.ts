/**
 * The messaging guide: the spec rendered for every employee, in Markdown or as one
 * self-contained HTML page: what to say, what never to say, and what must go with what.
 */
import { readablePhrase } from '../match/readable.js';
import type { Claim, Disclosure, Phrase, Scope, Spec, StockStatus, Term } from '../spec/types.js';
import { toHtml, toMarkdown, type Block, type Inlines } from '../report/blocks.js';
import { baseCss, renderPage } from '../report/html-page.js';

export type GuideFormat = 'markdown' | 'html';

export function renderGuide(spec: Spec, format: GuideFormat): string {
  const blocks = guideBlocks(spec);
  if (format === 'markdown') return toMarkdown(blocks);
  return renderPage({ title: guideTitle(spec), css: baseCss + guideCss, body: `<main>\n${toHtml(blocks)}</main>\n` });
}

function guideTitle(spec: Spec): string {
  return spec.brand !== undefined ? `${spec.brand} messaging guide` : 'Messaging guide';
}

function guideBlocks(spec: Spec): Block[] {
  return [
    { kind: 'heading', level: 1, text: guideTitle(spec) },
    {
      kind: 'paragraph',
      content: [
        'Generated from ',
        { code: spec.path },
        ` (SHA-256 ${spec.sha256.slice(0, 12)}). Words in [brackets] are optional; (a / b) means any one of them.`,
      ],
    },
    ...channelBlocks(spec),
    ...factBlocks(spec),
    ...claimBlocks(spec),
    ...productBlocks(spec),
    ...disclosureBlocks(spec),
    ...termBlocks(spec),
  ];
}

function phrases(list: readonly Phrase[], value?: string): string {
  return list.map((phrase) => `“${readablePhrase(phrase, value)}”`).join(', ');
}

function channelList(channels: readonly string[] | undefined): string {
  return channels && channels.length > 0 ? channels.join(', ') : 'all channels';
}

function channelBlocks(spec: Spec): Block[] {
  if (spec.channels.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Channels' },
    {
      kind: 'table',
      head: ['Channel', 'Files'],
      rows: spec.channels.map((channel) => [[{ strong: channel.name }], channel.globs.flatMap((glob, n): Inlines => [...(n > 0 ? [', '] : []), { code: glob }])]),
    },
  ];
}

function factBlocks(spec: Spec): Block[] {
  if (spec.facts.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Facts' },
    { kind: 'paragraph', content: ['Every channel states these the same way. A fact with no value must simply agree everywhere.'] },
    {
      kind: 'table',
      head: ['Fact', 'Value', 'Approved wording', 'Note'],
      rows: spec.facts.map((fact) => [
        [{ code: fact.id }],
        [fact.value !== undefined ? { strong: fact.value } : 'the same in every channel'],
        [phrases(fact.says, fact.value)],
        [fact.message ?? ''],
      ]),
    },
  ];
}

function claimBlocks(spec: Spec): Block[] {
  const blocks: Block[] = [];
  const claims = spec.claims;
  if (claims.length === 0) return blocks;
  blocks.push({ kind: 'heading', level: 2, text: 'Claims' });
  const allowed = claims.filter((claim) => claim.status === 'allowed');
  const evidence = claims.filter((claim) => claim.status === 'needs-evidence');
  const forbidden = claims.filter((claim) => claim.status === 'forbidden');
  const dated = claims.filter((claim) => claim.valid !== undefined);
  const requires = (claim: Claim) => (claim.requires.length > 0 ? claim.requires.join(', ') : '');
  if (allowed.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, text: 'Allowed claims' },
      {
        kind: 'table',
        head: ['Claim', 'Wording', 'Channels', 'Must come with'],
        rows: allowed.map((claim) => [[{ code: claim.id }], [phrases(claim.says)], [channelList(claim.channels)], [requires(claim)]]),
      },
    );
  }
  if (evidence.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, text: 'Claims that need evidence' },
      { kind: 'paragraph', content: ['Cite a source (a footnote or a link) in the same paragraph whenever you make one of these.'] },
      {
        kind: 'table',
        head: ['Claim', 'Wording', 'Channels', 'Must come with'],
        rows: evidence.map((claim) => [[{ code: claim.id }], [phrases(claim.says)], [channelList(claim.channels)], [requires(claim)]]),
      },
    );
  }
  if (forbidden.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, text: 'Forbidden claims' },
      {
        kind: 'table',
        head: ['Claim', 'Never say', 'Why', 'Say instead', 'Channels'],
        rows: forbidden.map((claim) => [
          [{ code: claim.id }],
          [phrases(claim.says)],
          [claim.message ?? ''],
          claim.suggest !== undefined ? [{ strong: claim.suggest }] : [],
          [channelList(claim.channels)],
        ]),
      },
    );
  }
  if (dated.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, text: 'Claims with validity dates' },
      { kind: 'paragraph', content: ['Outside these dates (inclusive) the claim must not be made.'] },
      {
        kind: 'table',
        head: ['Claim', 'Wording', 'From', 'Until'],
        rows: dated.map((claim) => [[{ code: claim.id }], [phrases(claim.says)], [claim.valid?.from ?? '—'], [claim.valid?.until ?? '—']]),
      },
    );
  }
  return blocks;
}

const stockWords: Record<StockStatus, string> = {
  'in-stock': 'in stock',
  limited: 'limited stock',
  backorder: 'on backorder',
  'made-to-order': 'made to order',
  preorder: 'preorder',
  discontinued: 'discontinued',
};

/** Stock states for which promising immediate availability is an error (spec rule `stock/promise`). */
const notImmediate: readonly StockStatus[] = ['backorder', 'made-to-order', 'preorder', 'discontinued'];

function productBlocks(spec: Spec): Block[] {
  if (spec.products.length === 0) return [];
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Products and availability' },
    {
      kind: 'table',
      head: ['Product', 'Names', 'Stock', 'Lead time'],
      rows: spec.products.map((product) => [
        [{ code: product.id }],
        [phrases(product.names)],
        [product.stock !== undefined ? stockWords[product.stock] : '—'],
        [product.leadTime ?? '—'],
      ]),
    },
  ];
  const limited = spec.products.filter((product) => product.stock !== undefined && notImmediate.includes(product.stock));
  if (limited.length > 0 && spec.promises.immediate.length > 0) {
    blocks.push({
      kind: 'paragraph',
      content: [
        `Never promise immediate availability (${phrases(spec.promises.immediate)}) for `,
        ...limited.flatMap((product, n): Inlines => [...(n > 0 ? [', '] : []), { code: product.id }]),
        ', and never promise delivery sooner than a product’s lead time.',
      ],
    });
  }
  return blocks;
}

const scopeWords: Record<Scope, string> = {
  sentence: 'in the same sentence',
  paragraph: 'in the same paragraph',
  section: 'in the same section',
  document: 'in the same document',
};

function disclosureBlocks(spec: Spec): Block[] {
  if (spec.disclosures.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Disclosures' }];
  for (const disclosure of spec.disclosures) {
    blocks.push({ kind: 'heading', level: 3, text: disclosure.id }, { kind: 'list', items: disclosureItems(spec, disclosure) });
  }
  return blocks;
}

function disclosureItems(spec: Spec, disclosure: Disclosure): Inlines[] {
  const requiredBy = spec.claims.filter((claim) => claim.requires.includes(disclosure.id)).map((claim) => claim.id);
  const items: Inlines[] = [];
  if (disclosure.when.length > 0) items.push([{ strong: 'When you say:' }, ' ', phrases(disclosure.when)]);
  if (requiredBy.length > 0) items.push([{ strong: 'When you make the claim:' }, ' ', requiredBy.join(', ')]);
  items.push([{ strong: 'Include one of:' }, ' ', phrases(disclosure.include)]);
  items.push([
    { strong: 'Where:' },
    ' ',
    scopeWords[disclosure.within],
    disclosure.before ? ', before the words that call for it' : ', before or after the words that call for it',
  ]);
  items.push([{ strong: 'Channels:' }, ' ', channelList(disclosure.channels)]);
  return items;
}

function termBlocks(spec: Spec): Block[] {
  if (spec.terms.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Terms' }];
  const table = (terms: Term[]): Block => ({
    kind: 'table',
    head: ['Write', 'Not', 'Note'],
    rows: terms.map((term) => [[{ strong: term.use }], [phrases(term.not)], [term.message ?? '']]),
  });
  const everywhere = spec.terms.filter((term) => !term.channels || term.channels.length === 0);
  if (everywhere.length > 0) blocks.push({ kind: 'heading', level: 3, text: 'In every channel' }, table(everywhere));
  const named = [...spec.channels.map((channel) => channel.name)];
  for (const term of spec.terms) for (const channel of term.channels ?? []) if (!named.includes(channel)) named.push(channel);
  for (const channel of named) {
    const terms = spec.terms.filter((term) => term.channels?.includes(channel));
    if (terms.length > 0) blocks.push({ kind: 'heading', level: 3, text: `In ${channel}` }, table(terms));
  }
  return blocks;
}

const guideCss = `
main { max-width: 60rem; }
table { width: 100%; }
td:first-child, th:first-child { white-space: nowrap; }
@media print { h2 { break-before: auto; } table { font-size: 9pt; } }
`;

export { readablePhrase };
