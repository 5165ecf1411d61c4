/** Renders a Discovery for people (a terminal summary, Markdown) and for programs (JSON). */
import { Chalk } from 'chalk';
import type { ClaimCandidate, Discovery, FactGroup, Place } from './types.js';

export const SUMMARY_FORMATS = ['stylish', 'markdown', 'json'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  /** where the draft was written, if it was */
  draftPath?: string;
}

const MAX_PLACES = 3;

export function renderDiscovery(discovery: Discovery, format: SummaryFormat, options: RenderOptions): string {
  if (format === 'json') return `${JSON.stringify(toJson(discovery, options), null, 2)}\n`;
  if (format === 'markdown') return markdown(discovery, options);
  return stylish(discovery, options);
}

/** The JSON form: statements are left out (their places are under each value). */
function toJson(discovery: Discovery, options: RenderOptions): unknown {
  return {
    ...(options.draftPath !== undefined ? { draft: options.draftPath } : {}),
    files: discovery.files,
    channels: discovery.channels,
    channelSource: discovery.channelSource,
    ...(discovery.brand !== undefined ? { brand: discovery.brand } : {}),
    facts: discovery.facts.map(({ statements, ...fact }) => ({ ...fact, statements: statements.length })),
    claims: discovery.claims,
    products: discovery.products,
    promises: discovery.promises,
    ignoredSpeakers: discovery.ignoredSpeakers,
    warnings: discovery.warnings,
  };
}

function stylish(discovery: Discovery, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  out.push(c.bold(`Read ${filesText(discovery)}`));
  out.push('');
  const conflicts = discovery.facts.filter((f) => !f.agree).length;
  out.push(c.bold(`Facts: ${discovery.facts.length}${conflicts > 0 ? `, ${conflicts} with conflicting values` : ''}`));
  if (discovery.facts.length === 0) out.push('  none stated twice with a quantity');
  for (const fact of discovery.facts) {
    const mark = fact.agree ? c.green('✔') : c.red('✖');
    const summary = fact.agree
      ? `${fact.values[0]!.value} in ${fact.statements.length} statements`
      : `${fact.values.length} values in ${fact.statements.length} statements, channels ${fact.channels.join(', ')}${fact.tie ? ', a tie: no value proposed' : ''}`;
    out.push(`  ${mark} ${c.bold(fact.id)}  ${summary}`);
    const width = fact.values.reduce((most, v) => Math.max(most, v.value.length), 0);
    for (const value of fact.values) {
      out.push(`      ${value.value.padEnd(width)}  ×${value.count}  ${c.dim(channelList(value.channels))}  ${placesText(value.places)}`);
    }
    out.push(`      ${c.dim('says:')} ${fact.says.map((s) => `"${s}"`).join(', ')}`);
  }
  out.push('');
  out.push(c.bold(`Claims: ${discovery.claims.length}`));
  for (const claim of discovery.claims) out.push(`  ${claim.phrase}  ${c.dim(claim.kind)}  ×${claim.count}  ${placesText(claim.places)}`);
  if (discovery.promises.length > 0) {
    out.push('');
    out.push(c.bold('Availability promises'));
    for (const promise of discovery.promises) out.push(`  ${promise.phrase}  ×${promise.count}  ${placesText(promise.places)}`);
  }
  if (discovery.products.length > 0) {
    out.push('');
    out.push(c.bold('Recurring names'));
    for (const name of discovery.products) out.push(`  ${name.name}  ×${name.count} in ${name.documents} document${name.documents === 1 ? '' : 's'}  ${placesText(name.places)}`);
  }
  for (const warning of discovery.warnings) out.push(c.yellow(`warning: ${warning}`));
  out.push('');
  out.push(options.draftPath !== undefined ? `Draft spec written to ${options.draftPath}: review it, then save it as onemessage.yaml.` : 'No draft written.');
  return `${out.join('\n')}\n`;
}

function markdown(discovery: Discovery, options: RenderOptions): string {
  const out: string[] = [];
  out.push('# What the company already says');
  out.push('');
  out.push(`Read ${filesText(discovery)}.${options.draftPath !== undefined ? ` Draft spec: \`${options.draftPath}\`.` : ''}`);
  out.push('');
  out.push('## Facts');
  out.push('');
  if (discovery.facts.length === 0) out.push('No fact is stated twice with a quantity.');
  for (const fact of discovery.facts) for (const line of factMarkdown(fact)) out.push(line);
  out.push('## Claims');
  out.push('');
  if (discovery.claims.length === 0) out.push('No superlative or absolute claim found.');
  else for (const line of claimsTable(discovery.claims)) out.push(line);
  out.push('');
  if (discovery.promises.length > 0) {
    out.push('## Availability promises');
    out.push('');
    out.push('| promise | count | where |', '| --- | --- | --- |');
    for (const p of discovery.promises) out.push(`| ${cell(p.phrase)} | ${p.count} | ${cell(placesText(p.places))} |`);
    out.push('');
  }
  if (discovery.products.length > 0) {
    out.push('## Recurring names');
    out.push('');
    out.push('| name | count | documents | where |', '| --- | --- | --- | --- |');
    for (const n of discovery.products) out.push(`| ${cell(n.name)} | ${n.count} | ${n.documents} | ${cell(placesText(n.places))} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function factMarkdown(fact: FactGroup): string[] {
  const state = fact.agree ? 'all statements agree' : `**conflict** (${fact.channels.join(', ')})${fact.tie ? ', a tie: no value proposed' : ''}`;
  const out = [`### \`${fact.id}\`: ${state}`, ''];
  out.push('| value | count | channels | where |', '| --- | --- | --- | --- |');
  for (const value of fact.values) out.push(`| ${cell(value.value)} | ${value.count} | ${cell(channelList(value.channels))} | ${cell(placesText(value.places))} |`);
  out.push('');
  out.push(`Suggested \`says\`: ${fact.says.map((s) => `\`${s}\``).join(', ')}`);
  out.push('');
  return out;
}

function claimsTable(claims: ClaimCandidate[]): string[] {
  const out = ['| claim | kind | count | channels | where |', '| --- | --- | --- | --- | --- |'];
  for (const claim of claims) out.push(`| ${cell(claim.phrase)} | ${claim.kind} | ${claim.count} | ${cell(channelList(claim.channels))} | ${cell(placesText(claim.places))} |`);
  return out;
}

function filesText(discovery: Discovery): string {
  const byChannel = new Map<string, number>();
  for (const file of discovery.files) byChannel.set(file.channel ?? 'no channel', (byChannel.get(file.channel ?? 'no channel') ?? 0) + 1);
  const n = discovery.files.length;
  const parts = [...byChannel.entries()].map(([channel, count]) => `${channel} ${count}`);
  const source = discovery.channelSource.kind === 'spec' ? `channels from ${discovery.channelSource.path}` : 'channels from folder names';
  return `${n} file${n === 1 ? '' : 's'}${parts.length > 0 ? ` (${parts.join(', ')}; ${source})` : ''}`;
}

function channelList(channels: Record<string, number>): string {
  return Object.entries(channels)
    .map(([channel, count]) => `${channel} ${count}`)
    .join(', ');
}

function placesText(places: Place[]): string {
  const shown = places.slice(0, MAX_PLACES).map((p) => `${p.path}:${p.line}:${p.column}`);
  const more = places.length - shown.length;
  return shown.join('  ') + (more > 0 ? `  (+${more} more)` : '');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
