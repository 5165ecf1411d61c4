/**
 * Reads a spec file's YAML into a document that keeps source positions, and answers "where
 * is this path written?" for error messages and item positions.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { specError } from './errors.js';
import type { SpecPos } from './types.js';

/** One parsed spec file. */
export interface SpecSource {
  /** the name shown in messages and SpecPos: a path relative to the working folder, or `pack:NAME` */
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export type PathSegment = string | number;

/** Aliases expanded beyond this many nodes are refused, which defuses "billion laughs" bombs. */
const MAX_ALIAS_COUNT = 100;

/** Parses YAML text; returns the source and its plain JS data, or the errors found. */
export function parseSpecYaml(options: { file: string; text: string }): { source: SpecSource; data: unknown } | { errors: Diagnostic[] } {
  const { file } = options;
  // A byte order mark is not a column anyone sees in an editor.
  const text = options.text.startsWith('\uFEFF') ? options.text.slice(1) : options.text;
  const lines = new LineCounter();
  // Duplicate keys are found below, with a message naming the key and its first line.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
  const source: SpecSource = { file, text, doc, lines };
  const errors = doc.errors.map((error) => {
    const at = lines.linePos(error.pos[0]);
    return specError(yamlMessage(error.code, error.message), file, at.line, at.col);
  });
  if (errors.length > 0) return { errors };
  const duplicates = findDuplicateKeys(source);
  if (duplicates.length > 0) return { errors: duplicates };
  try {
    return { source, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (error instanceof ReferenceError) {
      // yaml's words ("resource exhaustion attack") accuse; say what to do instead.
      const at = firstAlias(source);
      const message = `bad YAML: aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies; write the values out instead`;
      return { errors: [specError(message, file, at.line, at.column)] };
    }
    throw error;
  }
}

function firstAlias(source: SpecSource): SpecPos {
  let found: SpecPos | undefined;
  visit(source.doc, {
    Alias(_key, node) {
      found = positionOf(source, node as YamlNode);
      return visit.BREAK;
    },
  });
  return found ?? { file: source.file, line: 1, column: 1 };
}

function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'bad YAML: a spec is one YAML document, but a second one starts here';
  if (code === 'TAB_AS_INDENT') return 'bad YAML: a tab is used for indentation; indent with spaces';
  return `bad YAML: ${lowerFirst(message.split('\n')[0]!.trim())}`;
}

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function findDuplicateKeys(source: SpecSource): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    if (isMap(node)) {
      const first = new Map<string, Pair>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          const earlier = first.get(key);
          if (earlier) {
            const at = positionOf(source, pair.key as YamlNode);
            const before = positionOf(source, earlier.key as YamlNode);
            errors.push(specError(`duplicate key "${key}"; it is already set on line ${before.line}`, source.file, at.line, at.column));
          } else {
            first.set(key, pair);
          }
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(source.doc.contents);
  return errors;
}

/** Line and column of a source offset. */
export function positionAt(source: SpecSource, offset: number): SpecPos {
  const { line, col } = source.lines.linePos(offset);
  return { file: source.file, line, column: col };
}

/** Where a node starts. */
export function positionOf(source: SpecSource, node: YamlNode | null | undefined): SpecPos {
  const start = node?.range?.[0];
  return start === undefined ? { file: source.file, line: 1, column: 1 } : positionAt(source, start);
}

/** What a path leads to: the value node, and the pair holding it when it is a map entry. */
interface Located {
  node: YamlNode | null;
  pair?: Pair;
}

function resolve(source: SpecSource, node: unknown): unknown {
  return isAlias(node) ? node.resolve(source.doc) : node;
}

/** Follows a path of keys and indexes from the document's root; undefined when it leads nowhere. */
function locate(source: SpecSource, path: readonly PathSegment[]): Located | undefined {
  let located: Located = { node: source.doc.contents as YamlNode | null };
  for (const segment of path) {
    const container = resolve(source, located.node);
    if (isMap(container)) {
      const pair = container.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return undefined;
      located = { node: (pair.value ?? null) as YamlNode | null, pair: pair as Pair };
    } else if (isSeq(container) && typeof segment === 'number') {
      const item = container.items[segment];
      if (item === undefined) return undefined;
      located = { node: item as YamlNode };
    } else {
      return undefined;
    }
  }
  return located;
}

/** The node a path leads to, aliases followed. */
export function nodeAt(source: SpecSource, path: readonly PathSegment[]): YamlNode | undefined {
  const located = locate(source, path);
  return (resolve(source, located?.node) ?? undefined) as YamlNode | undefined;
}

/**
 * Where the value at a path is written. An empty value (`says:` with nothing after it) has no
 * place of its own, so its key stands for it; a path that leads nowhere falls back to the
 * nearest ancestor that exists.
 */
export function positionOfPath(source: SpecSource, path: readonly PathSegment[]): SpecPos {
  for (let length = path.length; length >= 0; length--) {
    const located = locate(source, path.slice(0, length));
    if (!located) continue;
    const { node, pair } = located;
    const empty = !node || (isScalar(node) && node.value === null && (node.source ?? '') === '');
    if (empty && pair && isPair(pair)) return positionOf(source, pair.key as YamlNode);
    return positionOf(source, node);
  }
  return { file: source.file, line: 1, column: 1 };
}

/** Where the key of a map entry is written (for "unknown key" errors). */
export function positionOfKey(source: SpecSource, path: readonly PathSegment[], key: string): SpecPos {
  const located = locate(source, [...path, key]);
  if (located?.pair) return positionOf(source, located.pair.key as YamlNode);
  return positionOfPath(source, path);
}

/**
 * Where character `index` of a string scalar is written. This is exact when the scalar's
 * source text is its value (plain, or quoted without escapes, on one line); otherwise the
 * scalar's start is the honest answer.
 */
export function positionInScalar(source: SpecSource, node: YamlNode | undefined, index: number): SpecPos {
  if (isScalar(node) && node.range && typeof node.value === 'string') {
    const [start, valueEnd] = node.range;
    const quoted = node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE;
    const plain = node.type === Scalar.PLAIN;
    if (plain || quoted) {
      const from = quoted ? start + 1 : start;
      const raw = source.text.slice(from, quoted ? valueEnd - 1 : valueEnd);
      if (raw === node.value && index >= 0 && index <= raw.length) return positionAt(source, from + index);
    }
  }
  return positionOf(source, node);
}
