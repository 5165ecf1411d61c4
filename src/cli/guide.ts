/** `onemessage guide`: the spec rendered as a messaging guide for every employee, in Markdown or HTML. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { severityKeys } from '../lint/rule.js';
import { renderGuide, type GuideFormat } from '../guide/guide.js';
import { UsageError } from '../spec/errors.js';
import { loadSpec } from '../spec/load.js';
import { resolveSpecPath } from './check.js';
import type { Io } from './io.js';

export interface GuideFlags {
  spec?: string;
  /** `markdown` (default) or `html` */
  format?: string;
  /** a file to write; standard output when absent */
  output?: string;
}

const FORMATS: GuideFormat[] = ['markdown', 'html'];

export async function guideCommand(flags: GuideFlags, io: Io): Promise<number> {
  const format = (flags.format ?? 'markdown') as GuideFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown guide format "${flags.format}" (one of: ${FORMATS.join(', ')})`);
  const specPath = resolveSpecPath(flags.spec, [], io.cwd);
  const { spec, warnings } = loadSpec({ specPath, cwd: io.cwd, knownRuleIds: severityKeys(rules) });
  for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
  const text = renderGuide(spec, format);
  if (flags.output === undefined) {
    io.stdout(text);
    return 0;
  }
  const file = path.resolve(io.cwd, flags.output);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  io.stdout(`Wrote the messaging guide to ${flags.output}\n`);
  return 0;
}
