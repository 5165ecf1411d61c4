/**
 * What the editor shows about a finding under the cursor: a hover with the rule, the message, the
 * spec item as written in the spec (with its own message and suggestion) and the other side of a
 * contradiction; and go-to-definition from the finding to that spec item. Document and spec text
 * is shown as text, never as markup.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MarkupKind, type Hover, type Location, type Position } from 'vscode-languageserver/node';
import type { Finding, SpecItemRef } from '../model/finding.js';
import type { Session } from '../session.js';
import { specItemFile, specItemLocation, toRange } from './convert.js';

export interface FindingsAt {
  findings: Finding[];
  session: Session;
  /** the folder finding paths are relative to */
  cwd: string;
  position: Position;
  bom: boolean;
  /** the text of an open buffer, by absolute path (a spec being edited) */
  buffer(abs: string): string | undefined;
}

/** The findings whose range holds the position (its ends included). */
function under(input: FindingsAt): Finding[] {
  const { line, character } = input.position;
  return input.findings.filter((finding) => {
    const { start, end } = toRange(finding.start, finding.end, input.bom);
    const afterStart = line > start.line || (line === start.line && character >= start.character);
    const beforeEnd = line < end.line || (line === end.line && character <= end.character);
    return afterStart && beforeEnd;
  });
}

export function hoverAt(input: FindingsAt): Hover | undefined {
  const findings = under(input);
  if (findings.length === 0) return undefined;
  const value = findings.map((finding) => describe(finding, input)).join('\n\n---\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(findings[0]!.start, findings[0]!.end, input.bom) };
}

export function definitionAt(input: FindingsAt): Location[] {
  const out: Location[] = [];
  for (const finding of under(input)) {
    const location = finding.item ? specItemLocation(finding.item, input.cwd) : undefined;
    if (location) out.push(location);
  }
  return out;
}

function describe(finding: Finding, input: FindingsAt): string {
  const parts = [`**${escape(finding.ruleId)}** (${finding.severity})`, escape(finding.message)];
  const { item } = finding;
  if (item) {
    const definition = specObject(input.session, item);
    parts.push(`Spec: ${escape(item.kind)} \`${item.id.replace(/`/g, "'")}\`, ${escape(`${item.file}:${item.line}`)}`);
    const snippet = specSnippet(item, definition?.pos, input);
    if (snippet) parts.push(fence(snippet, 'yaml'));
    const suggestion = definition?.suggest ?? definition?.use ?? finding.fix?.text;
    if (suggestion) parts.push(`Suggestion: ${escape(`"${suggestion}"`)}`);
  } else if (finding.fix) {
    parts.push(`Suggestion: ${escape(`"${finding.fix.text}"`)}`);
  }
  for (const place of finding.related) {
    const within = place.documentTitle !== undefined ? ` (in "${place.documentTitle}")` : '';
    parts.push(`Other side: ${escape(`${place.path}:${place.start.line}:${place.start.column} ${place.message}${within}`)}`);
  }
  return parts.join('\n\n');
}

/** The item as the compiled spec has it: where its definition starts, and its suggestion. */
function specObject(session: Session, item: SpecItemRef): { pos: { line: number; column: number; file: string }; suggest?: string; use?: string } | undefined {
  const { items } = session.context.compiled;
  const table: Record<string, ReadonlyMap<string, { pos: { line: number; column: number; file: string }; suggest?: string; use?: string }>> = {
    fact: items.facts,
    claim: items.claims,
    product: items.products,
    disclosure: items.disclosures,
    term: items.terms,
  };
  return table[item.kind]?.get(item.id);
}

/**
 * The item's lines in the spec: from its first line, the lines indented under it (for a list
 * entry, `- id: x` and its keys), at most 15.
 */
function specSnippet(item: SpecItemRef, pos: { line: number; column: number } | undefined, input: FindingsAt): string | undefined {
  const file = specItemFile(item, input.cwd);
  if (!file) return undefined;
  let text = input.buffer(path.resolve(file));
  if (text === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }
  const lines = text.split(/\r\n|\r|\n/);
  const first = (pos ?? item).line - 1;
  const column = (pos ?? item).column - 1;
  const head = lines[first];
  if (head === undefined) return undefined;
  const listEntry = /-\s+$/.test(head.slice(0, column));
  const deeper = (line: string) => line.length - line.trimStart().length > (listEntry ? column - 1 : column);
  const out = [head];
  for (let i = first + 1; i < lines.length && out.length < 15; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || !deeper(line)) break;
    out.push(line);
  }
  const indent = Math.min(...out.map((line) => line.length - line.trimStart().length));
  return out.map((line) => line.slice(indent)).join('\n');
}

/** Markdown special characters written as themselves: document and spec text are never markup. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+\-.!|~]/g, '\\$&');
}

function fence(text: string, language: string): string {
  const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((run) => run[0].length + 1)));
  return `${ticks}${language}\n${text}\n${ticks}`;
}
