/**
 * `--print-config [FILE]`: the resolved spec as YAML (after `extends`, with --rule overrides), or
 * the spec FILE is checked against, with a first line saying which spec file that is. It answers
 * "why did this fire here?" without reading a line of content.
 */
import path from 'node:path';
import { toPosix } from '../lint/paths.js';
import { createSession } from '../session.js';
import { specToYaml } from '../spec/print.js';
import { explicitSpecOf, resolveSpecPath } from './spec-path.js';
import type { Io } from './io.js';
import type { CheckFlags } from './options.js';

export function printConfig(flags: CheckFlags, io: Io): number {
  const file = typeof flags.printConfig === 'string' ? flags.printConfig : undefined;
  const explicit = explicitSpecOf(flags);
  const specPath = resolveSpecPath(explicit, file !== undefined ? [file] : [], io.cwd);
  const session = createSession({ specPath, cwd: io.cwd, nested: explicit === undefined, ...(flags.rule ? { severity: flags.rule } : {}) });
  const { spec, file: specFile } = file !== undefined ? session.specFor(file) : { spec: session.spec, file: specPath };
  const shown = toPosix(path.relative(io.cwd, specFile)) || path.basename(specFile);
  const header = file !== undefined ? `# ${toPosix(file)} is checked against ${shown}` : `# ${shown}`;
  const extended = spec.extends.length > 0 ? ` (extends ${spec.extends.join(', ')}, merged)` : '';
  io.stdout(`${header}${extended}\n${specToYaml(spec)}`);
  return 0;
}
