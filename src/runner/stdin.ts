/**
 * One document given as text instead of a file (`--stdin`, for editors and pre-commit hooks):
 * read under the name it would have on disk, so that its format and channel follow that name,
 * and assembled as a run of that one file. Cross-document rules see this document only.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Spec } from '../spec/types.js';
import type { RunResult } from '../model/finding.js';
import { toPosix } from './files.js';
import { loadFormatsFor } from '../formats/index.js';
import { lintText } from '../lint/file.js';
import { assemble, lintContext } from '../lint/run.js';

export interface SourceCheckOptions {
  cwd: string;
  /** the name the text stands for, relative to cwd (or absolute); it need not exist */
  name: string;
  /** the document itself */
  text: string;
  spec: Spec;
  /** `YYYY-MM-DD` */
  asOf: string;
  specWarnings?: string[];
}

export async function checkSource(options: SourceCheckOptions): Promise<RunResult> {
  const { spec } = options;
  const context = lintContext(spec, options.asOf);
  const abs = path.resolve(options.cwd, options.name);
  const rel = toPosix(path.relative(options.cwd, abs)) || '.';
  const warnings = [...(options.specWarnings ?? [])];
  if (ignoredBySpec(spec, abs)) {
    // As for a file named on the command line: the spec's ignore globs win, and the user is told why nothing was checked.
    warnings.push(`${rel}: ignored by the spec's ignore globs, not checked`);
    return assemble([], context, options, warnings);
  }
  // An editor may hand over a BOM; offsets are into the text after it, as for files.
  const text = options.text.startsWith('\uFEFF') ? options.text.slice(1) : options.text;
  const bytes = Buffer.from(options.text, 'utf8');
  const meta = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  await loadFormatsFor([rel]);
  const outcome = lintText({ abs, rel, explicit: true }, text, context, meta);
  return assemble(outcome ? [outcome] : [], context, options, warnings);
}

function ignoredBySpec(spec: Spec, abs: string): boolean {
  if (spec.ignore.length === 0) return false;
  const fromSpec = toPosix(path.relative(spec.dir, abs));
  return !fromSpec.startsWith('../') && picomatch(spec.ignore, { dot: true })(fromSpec);
}
