/**
 * The message map: for each fact, the values each channel states, how often and where, beside
 * the spec's value, with contradictions marked. Built from the fact rules' statements, so it
 * shows exactly what `fact/mismatch` and `fact/conflict` judged.
 */
import { referenceValue } from './conflict.js';
import { channelRank, factData } from './statements.js';
import { quantityKey } from '../../src/match/quantity.js';
import type { Spec } from '../../src/spec/types.js';
import type { MatrixRow, MatrixValue } from '../../src/model/result.js';
import type { RunView, Statement } from '../../src/lint/rule.js';

export const NO_CHANNEL = '(no channel)';

/** The message map as a view of a run: read from the statements of both fact rules. */
export const factMatrix: RunView<MatrixRow[]> = {
  rules: ['fact/mismatch', 'fact/conflict'],
  build: (spec, statements) => buildMatrix(spec, statements),
};

export function buildMatrix(spec: Spec, statements: Statement[]): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const fact of spec.facts) {
    const mine = statements.filter((s) => factData(s).fact === fact.id);
    const specQuantity = fact.quantity;
    const expected = specQuantity ? quantityKey(specQuantity) : referenceValue(mine, (channel) => channelRank(spec, channel));
    const channels: Record<string, MatrixValue[]> = {};
    for (const channel of spec.channels) channels[channel.name] = [];
    let conflict = false;
    for (const statement of mine) {
      const data = factData(statement);
      const list = (channels[statement.channel ?? NO_CHANNEL] ??= []);
      let cell = list.find((value) => value.key === data.key);
      if (!cell) {
        cell = { text: data.value, key: data.key, count: 0, locations: [], conflicting: expected !== undefined && data.key !== expected };
        list.push(cell);
      }
      cell.count += 1;
      cell.locations.push({ path: statement.path, line: statement.where.start.line, column: statement.where.start.column });
      conflict ||= cell.conflicting;
    }
    const row: MatrixRow = { fact: fact.id, channels, conflict };
    if (fact.value !== undefined) row.specValue = fact.value;
    rows.push(row);
  }
  return rows;
}
