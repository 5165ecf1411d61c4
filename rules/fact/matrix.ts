/**
 * The message map: for each fact, the values each channel states, how often and where, beside
 * the spec's value, with contradictions marked. Built from the fact rules' statements, so it
 * shows exactly what `fact/mismatch` and `fact/conflict` judged: inferred statements are counted
 * apart, and a tie between values of an agree-only fact is a tie, with no value as its reference.
 */
import { judgeValues } from './conflict.js';
import { channelRank, factData, statesValue, type FactStatement } from './statements.js';
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
    const expectedKey = specQuantity ? quantityKey(specQuantity) : undefined;
    const judged = specQuantity ? undefined : judgeValues(mine, (channel) => channelRank(spec, channel));
    // Which statements contradict: the spec's value, the reference value, or, in a tie, every one
    const conflicting = (data: FactStatement): boolean => {
      if (expectedKey !== undefined) return !statesValue(data, expectedKey);
      if (judged?.kind === 'reference') return data.key !== judged.key;
      return judged?.kind === 'tie';
    };
    const channels: Record<string, MatrixValue[]> = {};
    for (const channel of spec.channels) channels[channel.name] = [];
    let conflict = false;
    for (const statement of mine) {
      const data = factData(statement);
      const list = (channels[statement.channel ?? NO_CHANNEL] ??= []);
      let cell = list.find((value) => value.key === data.key);
      if (!cell) {
        cell = { text: data.value, key: data.key, count: 0, locations: [], conflicting: conflicting(data) };
        list.push(cell);
      }
      cell.count += 1;
      const location: MatrixValue['locations'][number] = { path: statement.path, line: statement.where.start.line, column: statement.where.start.column };
      if (data.inferred) {
        location.inferred = true;
        cell.inferred = (cell.inferred ?? 0) + 1;
      }
      cell.locations.push(location);
      conflict ||= cell.conflicting;
    }
    const row: MatrixRow = { fact: fact.id, channels, conflict };
    if (fact.value !== undefined) row.specValue = fact.value;
    if (judged?.kind === 'tie') row.tie = judged.keys.map((key) => factData(mine.find((s) => factData(s).key === key)!).value);
    rows.push(row);
  }
  return rows;
}
