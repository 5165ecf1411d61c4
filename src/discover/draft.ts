/**
 * Writes the discovery as a draft spec, `onemessage.discovered.yaml`: channels, facts with
 * the majority value (none for a tie) and a comment listing every value and where it stands, candidate claims
 * and product names, each commented with its counts and locations. It loads as a spec as is.
 */
import type { ClaimCandidate, Discovery, FactGroup, NameCandidate, Place } from './types.js';

export interface DraftOptions {
  /** the draft's file name, for its header */
  fileName: string;
  /** an existing spec's settings to carry over */
  carry?: { brand?: string; ignore: string[]; speakers: string[] };
}

/** Locations listed per value in a comment before "and N more". */
const MAX_PLACES = 5;

export function draftYaml(discovery: Discovery, options: DraftOptions): string {
  const lines: string[] = [];
  const files = discovery.files.length;
  lines.push(`# ${options.fileName}: a draft of the single message, found by \`onemessage discover\` in ${files} file${files === 1 ? '' : 's'}.`);
  lines.push('# Each value is what most statements say, not necessarily what is true: review every item,');
  lines.push('# keep what the company means to say everywhere, then save the file as onemessage.yaml.');
  lines.push('version: 1');
  const brand = options.carry?.brand ?? discovery.brand;
  if (brand) lines.push(`brand: ${str(brand)}`);

  if (discovery.channels.length > 0) {
    lines.push('');
    lines.push(discovery.channelSource.kind === 'spec' ? `# channels as ${discovery.channelSource.path} defines them` : '# channels guessed from folder names');
    lines.push('channels:');
    for (const channel of discovery.channels) lines.push(`  ${channel.name}: [${channel.globs.map(str).join(', ')}]`);
  }

  if (discovery.facts.length > 0) {
    lines.push('');
    // every fact a tie leaves the map empty: `{}` keeps the draft loadable
    lines.push(discovery.facts.every((fact) => fact.tie) ? 'facts: {}' : 'facts:');
    discovery.facts.forEach((fact, i) => {
      if (i > 0) lines.push('');
      for (const line of factLines(fact)) lines.push(line);
    });
  }

  const claims = discovery.claims;
  if (claims.length > 0) {
    lines.push('');
    lines.push('# Candidate claims: superlatives and absolutes. Each is marked needs-evidence until someone');
    lines.push('# decides: forbidden, allowed (optionally only in some channels) or needs-evidence.');
    lines.push('claims:');
    for (const claim of claims) for (const line of claimLines(claim)) lines.push(line);
  }

  const products = discovery.products.filter(isProductLike).filter((p) => p.name !== brand);
  if (products.length > 0) {
    lines.push('');
    lines.push('# Names that recur. Give each its stock (in-stock, limited, backorder, made-to-order,');
    lines.push('# preorder, discontinued) and other names it goes by; delete what is no product.');
    lines.push('products:');
    for (const product of products) for (const line of productLines(product)) lines.push(line);
  }

  if (discovery.promises.length > 0) {
    lines.push('');
    lines.push('# Availability promises found (the built-in vocabulary checks them against each product\'s stock):');
    for (const promise of discovery.promises) lines.push(`#   "${promise.phrase}" ${times(promise.count)}: ${placesText(promise.places)}`);
  }

  const speakers = options.carry?.speakers ?? discovery.ignoredSpeakers;
  if (speakers.length > 0) {
    lines.push('');
    lines.push('# lines of scripts said by these are not ours');
    lines.push('speakers:');
    lines.push(`  ignore: [${speakers.map(str).join(', ')}]`);
  }
  if (options.carry && options.carry.ignore.length > 0) {
    lines.push('');
    lines.push(`ignore: [${options.carry.ignore.map(str).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function factLines(fact: FactGroup): string[] {
  const lines: string[] = [];
  const total = fact.statements.length;
  if (fact.agree) {
    lines.push(`  # ${fact.label}: every statement agrees (${total} statements, ${channelsText(fact.values[0]!.channels)})`);
  } else {
    lines.push(`  # ${fact.label}: CONFLICT, ${fact.values.length} values in ${total} statements`);
  }
  const top = fact.values[0]!.count;
  fact.values.forEach((value, i) => {
    const mark = fact.tie ? (value.count === top ? ' (tie)' : '') : i === 0 ? ' (majority)' : '';
    lines.push(`  #   ${value.value}${mark}: ${times(value.count)} (${channelsText(value.channels)}) ${placesText(value.places)}`);
  });
  const item = [`  ${fact.id}:`, `    value: ${str(fact.values[0]!.value)}`, '    says:', ...fact.says.map((template) => `      - ${str(template)}`)];
  if (!fact.tie) return [...lines, ...item];
  // No value is proposed for a tie, and the draft must still load: the item waits, commented, for a person to choose.
  const tied = fact.values.filter((value) => value.count === top).map((value) => value.value);
  lines.push(`  # TIE: no value is proposed (${tied.join(' vs ')}); choose the one the company means, then uncomment:`);
  lines.push(`  # ${fact.id}:`, `  #   value: ""`);
  for (const line of item.slice(2)) lines.push(`  #${line.slice(1)}`);
  return lines;
}

function claimLines(claim: ClaimCandidate): string[] {
  return [
    `  # ${claim.kind}, ${times(claim.count)} (${channelsText(claim.channels)}): ${placesText(claim.places)}`,
    `  - id: ${claim.id}`,
    `    says: [${str(claim.phrase)}]`,
    '    status: needs-evidence',
  ];
}

function productLines(product: NameCandidate): string[] {
  return [`  # ${times(product.count)} in ${product.documents} document${product.documents === 1 ? '' : 's'}: ${placesText(product.places)}`, `  ${product.id}:`, `    names: [${str(product.name)}]`];
}

/**
 * A name goes into the draft's products when it looks like one: a model number, a CamelCase
 * word, or several words said three times or in two documents (a one-word name may be a town).
 */
export function isProductLike(name: NameCandidate): boolean {
  return /\p{N}|\p{Ll}\p{Lu}/u.test(name.name) || (name.name.includes(' ') && (name.documents >= 2 || name.count >= 3));
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

function channelsText(channels: Record<string, number>): string {
  return Object.entries(channels)
    .map(([channel, count]) => `${channel} ${count}`)
    .join(', ');
}

function placesText(places: Place[]): string {
  const shown = places.slice(0, MAX_PLACES).map((p) => `${p.path}:${p.line}:${p.column}`);
  const more = places.length - shown.length;
  return shown.join(', ') + (more > 0 ? `, and ${more} more` : '');
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML, and keeps `#`, `:` and `{` literal. */
function str(text: string): string {
  return JSON.stringify(text);
}
