/**
 * The message map in the terminal: one row per fact, one column per channel, each cell the
 * values that channel states with how often, contradictions marked (in red, and with ✖ so the
 * mark survives without colour). Below it, where each contradicting statement stands.
 */
import { Chalk } from 'chalk';
import type { MatrixRow, MatrixValue, RunResult } from '../model/result.js';
import { stripControl } from './text.js';

export function formatMatrix(result: RunResult, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const rows = result.matrix ?? [];
  if (rows.length === 0) return 'The spec declares no facts: nothing to map.\n';
  const channels = columnsOf(result, rows);
  // With nested specs the same fact has a row per spec (each brand's value): name the spec file.
  const nested = rows.some((row) => row.spec !== undefined);
  const header = [...(nested ? ['spec file'] : []), 'fact', 'spec', ...channels];
  const cells: Array<Array<{ plain: string; styled: string }>> = rows.map((row) => [
    ...(nested ? [{ plain: clean(row.spec ?? result.spec.path), styled: chalk.dim(clean(row.spec ?? result.spec.path)) }] : []),
    { plain: clean(row.fact), styled: row.conflict ? chalk.bold(clean(row.fact)) : clean(row.fact) },
    specCell(row, chalk),
    ...channels.map((channel) => cellText(row.channels[channel] ?? [], chalk)),
  ]);
  const widths = header.map((title, i) => cells.reduce((most, row) => Math.max(most, row[i]!.plain.length), title.length));
  const line = (parts: Array<{ plain: string; styled: string }>) =>
    parts.map((part, i) => (i === parts.length - 1 ? part.styled : part.styled + ' '.repeat(widths[i]! - part.plain.length))).join('  ').trimEnd();
  const out = [line(header.map((title) => ({ plain: title, styled: chalk.underline(title) }))), ...cells.map(line), ''];
  const conflicting = rows.filter((row) => row.conflict);
  const perSpec = nested ? `, counted once per spec: ${new Set(rows.map((row) => row.spec ?? result.spec.path)).size} specs` : '';
  if (conflicting.length === 0) {
    out.push(chalk.green(`✔ every channel states every fact the same way (${rows.length} fact${rows.length === 1 ? '' : 's'}${perSpec})`));
  } else {
    out.push(chalk.red.bold(`✖ ${conflicting.length} of ${rows.length} facts${perSpec} are stated differently across channels`));
    for (const row of conflicting) {
      for (const [channel, values] of Object.entries(row.channels)) {
        for (const value of values.filter((v) => v.conflicting)) {
          for (const where of value.locations) {
            out.push(`  ${clean(row.fact)}: ${clean(channel)} says ${clean(value.text)} at ${clean(where.path)}:${where.line}:${where.column}${where.inferred ? ' (inferred)' : ''}`);
          }
        }
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** The spec's value; for an agree-only fact, "(agree)", or the tie when no value is the reference. */
function specCell(row: MatrixRow, chalk: InstanceType<typeof Chalk>): { plain: string; styled: string } {
  if (row.specValue !== undefined) return { plain: clean(row.specValue), styled: clean(row.specValue) };
  if (row.tie) {
    const plain = `(tie: ${row.tie.map(clean).join(' vs ')})`;
    return { plain, styled: chalk.red(plain) };
  }
  return { plain: '(agree)', styled: chalk.dim('(agree)') };
}

/** The spec's channels in order, then any column only statements in no channel fill. */
function columnsOf(result: RunResult, rows: MatrixRow[]): string[] {
  const columns = [...(result.channels ?? [])];
  for (const row of rows) for (const channel of Object.keys(row.channels)) if (!columns.includes(channel)) columns.push(channel);
  return columns;
}

function cellText(values: MatrixValue[], chalk: InstanceType<typeof Chalk>): { plain: string; styled: string } {
  if (values.length === 0) return { plain: '—', styled: chalk.dim('—') };
  const parts = values.map((value) => {
    // "~1": how many of the statements were inferred from the fact's about: words, not its templates
    const plain = `${clean(value.text)} ×${value.count}${value.inferred ? ` (~${value.inferred})` : ''}${value.conflicting ? ' ✖' : ''}`;
    return { plain, styled: value.conflicting ? chalk.red(plain) : plain };
  });
  return { plain: parts.map((p) => p.plain).join(', '), styled: parts.map((p) => p.styled).join(', ') };
}

function clean(text: string): string {
  return stripControl(text).replace(/[\r\n\t]+/g, ' ');
}
