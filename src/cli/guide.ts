/**
 * `onemessage guide`: the spec rendered as a messaging guide for every employee, in Markdown or
 * HTML. It reads the files the spec governs too (not those below a folder with its own spec), so
 * that a fact the spec gives no value shows the value most documents state (`--spec-only` renders
 * the spec alone).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { renderGuide, type GuideFormat, type GuideOptions } from '../guide/guide.js';
import { gitState } from '../runner/git-state.js';
import { createSession, isIsoDate, today } from '../session.js';
import { UsageError } from '../spec/errors.js';
import { explicitSpecOf, resolveSpecPath } from './spec-path.js';
import type { Io } from './io.js';

export interface GuideFlags {
  spec?: string;
  config?: string;
  /** `markdown` (default) or `html` */
  format?: string;
  /** a file to write; standard output when absent */
  output?: string;
  /** the guide's date, and the date claims with dates are judged at (default: today) */
  asOf?: string;
  /** render the spec without reading the content it governs */
  specOnly?: boolean;
}

const FORMATS: GuideFormat[] = ['markdown', 'html'];

export async function guideCommand(flags: GuideFlags, io: Io): Promise<number> {
  const format = (flags.format ?? 'markdown') as GuideFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown guide format "${flags.format}" (one of: ${FORMATS.join(', ')})`);
  const asOf = flags.asOf ?? today();
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of expects a date as YYYY-MM-DD, found "${asOf}"`);
  const specPath = resolveSpecPath(explicitSpecOf(flags), [], io.cwd);
  // Nested on: a folder with its own spec (another brand's) is not content this spec governs.
  const session = createSession({ specPath, cwd: io.cwd, asOf, nested: true });
  const { spec } = session;
  for (const warning of session.specWarnings) io.stderr(`warning: ${warning}\n`);
  const options: GuideOptions = { asOf };
  if (!flags.specOnly) {
    // What the content states today: the value most documents agree on, for facts the spec leaves open.
    const skip = flags.output !== undefined ? [path.resolve(io.cwd, flags.output)] : [];
    await session.lintFiles([path.relative(io.cwd, spec.dir) || '.'], { skip });
    const { matrix } = session.finish();
    if (matrix) options.matrix = matrix.filter((row) => row.spec === undefined || row.spec === spec.path);
  }
  const git = gitState(spec.dir);
  if (git) options.git = git;
  const text = renderGuide(spec, format, options);
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
