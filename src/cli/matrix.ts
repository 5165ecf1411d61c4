/** `onemessage matrix`: the fact-by-channel message map a marketing lead reads before a launch. */
import { formatMatrix } from '../report/matrix.js';
import { UsageError } from '../spec/errors.js';
import { runCheck } from './check.js';
import type { Io } from './io.js';

export interface MatrixFlags {
  spec?: string;
  config?: string;
  rule?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  asOf?: string;
  format?: string;
  color?: boolean;
  argv?: string[];
}

export async function matrixCommand(paths: string[], flags: MatrixFlags, io: Io): Promise<number> {
  const format = flags.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`unknown matrix format "${format}" (one of: table, json)`);
  const result = await runCheck(paths, flags, io);
  const rows = result.matrix ?? [];
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ schemaVersion: 1, spec: result.spec, channels: result.channels ?? [], facts: rows }, null, 2)}\n`);
  } else {
    const color = flags.color ?? (io.env.NO_COLOR ? false : io.stdoutIsTTY);
    io.stdout(formatMatrix(result, { color }));
  }
  return rows.some((row) => row.conflict) ? 1 : 0;
}
