/** `onemessage discover`: read what the company already says and draft the spec from it. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { severityKeys } from '../lint/rule.js';
import { toPosix } from '../runner/files.js';
import { draftYaml } from '../discover/draft.js';
import { renderDiscovery, SUMMARY_FORMATS, type SummaryFormat } from '../discover/render.js';
import { discover } from '../discover/run.js';
import { SpecLoadError, UsageError } from '../spec/errors.js';
import { findSpec } from '../spec/find.js';
import { loadSpec } from '../spec/load.js';
import { pluginRuleIdsLoader } from '../runner/plugins.js';
import type { Spec } from '../spec/types.js';
import type { Io } from './io.js';
import { writeOutputFile } from './write-output.js';
import type { OutputTarget } from './outputs.js';

export const DRAFT_FILE_NAME = 'onemessage.discovered.yaml';

export interface DiscoverFlags {
  spec?: string;
  outputs: OutputTarget[];
  /** the draft's path; false: write none */
  draft?: string | false;
  force?: boolean;
  color?: boolean;
}

export async function discoverCommand(paths: string[], flags: DiscoverFlags, io: Io): Promise<number> {
  for (const target of flags.outputs) {
    if (!(SUMMARY_FORMATS as readonly string[]).includes(target.format)) throw new UsageError(`unknown format "${target.format}" for discover (one of: ${SUMMARY_FORMATS.join(', ')})`);
  }
  const targets = paths.length > 0 ? paths : ['.'];
  const root = targets.length === 1 && isDirectory(path.resolve(io.cwd, targets[0]!)) ? path.resolve(io.cwd, targets[0]!) : io.cwd;
  const draftAbs = flags.draft === false ? undefined : path.resolve(io.cwd, typeof flags.draft === 'string' ? flags.draft : path.join(root, DRAFT_FILE_NAME));
  const draftRel = draftAbs ? toPosix(path.relative(io.cwd, draftAbs)) : undefined;
  if (draftAbs && existsSync(draftAbs) && !flags.force) throw new UsageError(`${draftRel} exists; give --force to overwrite it, or --draft FILE to write elsewhere`);

  const { spec, warnings } = existingSpec(flags.spec, targets, io.cwd);
  const discovery = await discover({ cwd: io.cwd, paths: targets, ...(spec ? { spec } : {}), draftDir: draftAbs ? path.dirname(draftAbs) : root });
  discovery.warnings = [...warnings, ...discovery.warnings];

  if (draftAbs) {
    const carry = spec ? { ...(spec.brand !== undefined ? { brand: spec.brand } : {}), ignore: rebase(spec.ignore, spec.dir, path.dirname(draftAbs)), speakers: spec.speakers.ignore } : undefined;
    const yaml = draftYaml(discovery, { fileName: path.basename(draftAbs), ...(carry ? { carry } : {}) });
    await writeOutputFile(draftAbs, yaml, io.cwd);
  }
  for (const target of flags.outputs) {
    const toTerminal = target.file === undefined;
    const text = renderDiscovery(discovery, target.format as SummaryFormat, { color: toTerminal && colorWanted(flags.color, io), ...(draftRel !== undefined ? { draftPath: draftRel } : {}) });
    if (toTerminal) io.stdout(text);
    else {
      await writeOutputFile(path.resolve(io.cwd, target.file!), text, io.cwd);
    }
  }
  return 0;
}

/**
 * The spec whose channels and settings discover reuses: --spec (which must load), else one
 * found in the working folder, a parent, or beside the first path (a broken one is skipped
 * with a warning: discovering is how a team gets a working spec).
 */
function existingSpec(explicit: string | undefined, paths: string[], cwd: string): { spec?: Spec; warnings: string[] } {
  const knownRuleIds = severityKeys(rules);
  const pluginRuleIds = pluginRuleIdsLoader({ cwd, builtinIds: knownRuleIds });
  if (explicit) return { spec: loadSpec({ specPath: path.resolve(cwd, explicit), cwd, knownRuleIds, pluginRuleIds }).spec, warnings: [] };
  const found = findSpec(cwd) ?? (paths[0] ? findSpec(path.resolve(cwd, paths[0])) : undefined);
  if (!found) return { warnings: [] };
  try {
    return { spec: loadSpec({ specPath: found, cwd, knownRuleIds, pluginRuleIds }).spec, warnings: [] };
  } catch (error) {
    if (!(error instanceof SpecLoadError)) throw error;
    const count = error.diagnostics.length;
    return { warnings: [`${toPosix(path.relative(cwd, found))} does not load (${count} error${count === 1 ? '' : 's'}); channels are guessed from folder names`] };
  }
}

/** Globs relative to one folder, moved to another. */
function rebase(globs: string[], from: string, to: string): string[] {
  const prefix = toPosix(path.relative(to, from));
  return globs.map((glob) => (prefix && !glob.startsWith('**') ? `${prefix}/${glob}` : glob));
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

function colorWanted(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTTY;
}
