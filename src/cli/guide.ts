/** `onemessage guide`: the spec rendered as a messaging guide for every employee, in Markdown or HTML. */
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { renderGuide, type GuideFormat } from '../guide/guide.js';
import { UsageError } from '../spec/errors.js';
import { loadSpec } from '../spec/load.js';
import { resolveSpecPath } from './check.js';
import { writeOutputFile } from './write-output.js';
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
  const { spec, warnings } = loadSpec({ specPath, cwd: io.cwd, knownRuleIds: rules.map((rule) => rule.meta.id) });
  for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
  const text = renderGuide(spec, format);
  if (flags.output === undefined) {
    io.stdout(text);
    return 0;
  }
  const file = path.resolve(io.cwd, flags.output);
  await writeOutputFile(file, text, io.cwd);
  io.stdout(`Wrote the messaging guide to ${flags.output}\n`);
  return 0;
}
