/**
 * Splits sales scripts and transcripts into turns: a line that opens with a speaker label
 * (`Rep:`, `**Prospect:**`, `[Customer]`, `> Caller:`) starts a block said by that speaker.
 */
import type { TextBlock } from '../model/document.js';

/** A speaker label found at the start of a line of a block's text. */
export interface SpeakerLabel {
  /** the label without markup or punctuation: `Prospect` */
  speaker: string;
  /** text index where the line starts */
  start: number;
  /** text index where what the speaker says starts (past the label and its white space) */
  end: number;
}

const WORD = String.raw`\p{Lu}[\p{L}'’.\-]*`;
const WORDS = String.raw`${WORD}(?:[ \t]+${WORD}){0,2}`;
/** Quote markers first, as a plain-text transcript may quote a caller with `> `. */
const LABEL = new RegExp(String.raw`[ \t]*(?:>[ \t]*)*(?:\[(${WORDS})\][ \t]*:?|(${WORDS})[ \t]*:)(?=\s|$)`, 'uy');
const MAX_LABEL_LENGTH = 30;

/** The speaker label opening the line that starts at `lineStart`, if there is one. */
export function speakerLabelAt(text: string, lineStart: number): SpeakerLabel | undefined {
  LABEL.lastIndex = lineStart;
  const match = LABEL.exec(text);
  if (!match) return undefined;
  const speaker = (match[1] ?? match[2] ?? '').trim();
  if (speaker.length === 0 || speaker.length > MAX_LABEL_LENGTH) return undefined;
  let end = lineStart + match[0].length;
  while (end < text.length && /[ \t]/.test(text[end]!)) end += 1;
  return { speaker, start: lineStart, end };
}

/**
 * A part [start, end) of a block as a block of its own, with the source map clipped to it.
 * Returns undefined when the part holds no visible text.
 */
export function sliceBlock(block: TextBlock, start: number, end: number, meta: Partial<Pick<TextBlock, 'speaker'>> = {}): TextBlock | undefined {
  const text = block.text.slice(start, end);
  if (!/\S/.test(text)) return undefined;
  const runs: TextBlock['runs'] = [];
  // Binary search for the first run, so splitting a long script into turns stays linear.
  let lo = 0;
  let hi = block.runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const run = block.runs[mid]!;
    if (run.text + run.length <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let index = lo; index < block.runs.length; index += 1) {
    const run = block.runs[index]!;
    if (run.text >= end) break;
    const runEnd = run.text + run.length;
    if (runEnd <= start) continue;
    const from = Math.max(run.text, start);
    const to = Math.min(runEnd, end);
    const verbatim = run.length === run.sourceLength;
    runs.push({
      text: from - start,
      source: verbatim ? run.source + (from - run.text) : run.source,
      length: to - from,
      sourceLength: verbatim ? to - from : run.sourceLength,
    });
  }
  const sliced: TextBlock = { kind: block.kind, text, runs };
  if (block.depth !== undefined) sliced.depth = block.depth;
  if (block.field !== undefined) sliced.field = block.field;
  const speaker = meta.speaker ?? block.speaker;
  if (speaker !== undefined) sliced.speaker = speaker;
  return sliced;
}

/**
 * The turns of a block whose first line opens with a speaker label: one block per labelled
 * line and the unlabelled lines after it. The label stays in the turn's text: on a marketing
 * page `TrailPack 45: in stock now` reads like a label, and hiding it would hide the product
 * it names. A block whose first line has no label is returned whole, so ordinary prose is
 * never cut at a line that happens to start with `Word:`.
 */
export function splitTurns(block: TextBlock): TextBlock[] {
  const text = block.text;
  const first = speakerLabelAt(text, 0);
  if (!first) return [block];
  const labels: SpeakerLabel[] = [first];
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
    const label = speakerLabelAt(text, newline + 1);
    if (label) labels.push(label);
  }
  const turns: TextBlock[] = [];
  labels.forEach((label, index) => {
    let end = index + 1 < labels.length ? labels[index + 1]!.start : text.length;
    while (end > label.end && /\s/.test(text[end - 1]!)) end -= 1;
    let start = label.start;
    while (start < end && /[\s>]/.test(text[start]!)) start += 1;
    const turn = sliceBlock(block, start, end, { speaker: label.speaker });
    if (turn) turns.push(turn);
  });
  return turns;
}
