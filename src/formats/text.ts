/** The plain-text format: paragraphs split on blank lines, every character verbatim. */
import { parseDirective } from './directives.js';
import { TextBuilder, type Directive, type TextBlock } from '../model/document.js';
import type { FormatModule } from './format.js';
import { splitTurns } from './speakers.js';

/** `onemessage-disable…` / `onemessage-enable…` on a line of its own, optionally after `#` or `//`. */
const DIRECTIVE_LINE = /^([ \t]*)((?:#|\/\/)?[ \t]*(onemessage-(?:disable|enable)[^\r\n]*?))[ \t\r]*$/;

interface Line {
  start: number;
  /** end of the content, before the line ending */
  end: number;
  /** end including the line ending */
  next: number;
}

function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline < 0 ? text.length : newline + 1;
    const end = newline < 0 ? text.length : newline > start && text[newline - 1] === '\r' ? newline - 1 : newline;
    yield { start, end, next };
    start = next;
  }
}

/** `… # onemessage-disable-line …` or `… // onemessage-…` after the words of a line: a directive for that line. */
const TRAILING_DIRECTIVE = /[ \t]+((?:#|\/\/)[ \t]*(onemessage-(?:disable|enable)(?:-line|-next-line)?(?:[ \t][^\r\n]*?)?))[ \t\r]*$/;

function trailingDirective(text: string, line: Line): { directive: Directive; contentEnd: number } | undefined {
  const content = text.slice(line.start, line.end);
  const match = TRAILING_DIRECTIVE.exec(content);
  if (!match) return undefined;
  const start = line.start + match.index + match[0].indexOf(match[1]!);
  const directive = parseDirective(match[2]!, start, start + match[1]!.length);
  return directive ? { directive, contentEnd: line.start + match.index } : undefined;
}

function directiveOn(text: string, line: Line): Directive | undefined {
  const match = DIRECTIVE_LINE.exec(text.slice(line.start, line.end));
  if (!match) return undefined;
  const start = line.start + match[1]!.length;
  return parseDirective(match[3]!, start, start + match[2]!.length);
}

export const text: FormatModule = {
  name: 'text',
  lines: 'source',
  readsQuietly: () => true,
  // Every character is read verbatim; directive lines (which the prefilter sees anyway) are the only text left out.
  phraseView: (text) => text,
  extensions: ['.txt'],
  directiveComment: (body) => `# ${body}`,
  read({ path, text: source }) {
    const blocks: TextBlock[] = [];
    const directives: Directive[] = [];
    let builder = new TextBuilder();
    // The line ending of the previous text line, appended only if the paragraph goes on.
    let pendingBreak: Line | undefined;
    const endParagraph = (): void => {
      const block = builder.build({ kind: 'paragraph' });
      if (block) for (const turn of splitTurns(block)) blocks.push(turn);
      builder = new TextBuilder();
      pendingBreak = undefined;
    };
    for (const line of lines(source)) {
      if (!/\S/.test(source.slice(line.start, line.end))) {
        endParagraph();
        continue;
      }
      const directive = directiveOn(source, line);
      if (directive) {
        // Not text, and not a paragraph break either: the lines around it stay one paragraph.
        directives.push(directive);
        continue;
      }
      const trailing = trailingDirective(source, line);
      if (trailing) directives.push(trailing.directive);
      const end = trailing ? trailing.contentEnd : line.end;
      if (pendingBreak) builder.appendVerbatim(source.slice(pendingBreak.end, pendingBreak.next), pendingBreak.end);
      builder.appendVerbatim(source.slice(line.start, end), line.start);
      pendingBreak = line;
    }
    endParagraph();
    return { documents: [{ path, format: 'text', blocks, directives }] };
  },
};
