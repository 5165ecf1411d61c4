/**
 * `onemessage merge` takes only the whole of one run: a duplicated, missing or foreign shard, an
 * outcome given twice or in the wrong shard, and a shard file of the wrong shape are each refused
 * with one line and exit 2, before anything is reported.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardOf } from '../../src/runner/shard.js';
import { runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = 'version: 1\nchannels:\n  marketing: ["site/**"]\nclaims:\n  - id: best\n    says: ["best in the industry"]\n    status: forbidden\n';
const FILES = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => [`site/${name}.md`, `Page ${name}: the best in the industry.\n`]));

type Shard = Record<string, unknown> & { shard: { index: number; count: number }; outcomes: Array<Record<string, unknown> & { record: { path: string }; findings: Array<Record<string, unknown>> }> };

/** A repo checked in two shards, written to one.json and two.json; `edit` changes them before the merge. */
async function shards(edit: (one: Shard, two: Shard) => void = () => undefined): Promise<string> {
  const dir = tempRepo({ 'onemessage.yaml': SPEC, ...FILES });
  for (const [i, name] of [[1, 'one'], [2, 'two']] as const) {
    const out = await runCli(['check', '--as-of', '2026-11-23', '--shard', `${i}/2`, '--format', 'shard', '--output', `${name}.json`], { cwd: dir });
    expect(out).toEqual({ code: 0, stdout: '', stderr: '' });
  }
  const one = JSON.parse(readFileSync(path.join(dir, 'one.json'), 'utf8')) as Shard;
  const two = JSON.parse(readFileSync(path.join(dir, 'two.json'), 'utf8')) as Shard;
  expect(one.outcomes.length).toBeGreaterThan(0);
  expect(two.outcomes.length).toBeGreaterThan(0);
  edit(one, two);
  writeFileSync(path.join(dir, 'one.json'), JSON.stringify(one));
  writeFileSync(path.join(dir, 'two.json'), JSON.stringify(two));
  return dir;
}

const merge = (dir: string, ...files: string[]) => runCli(['merge', ...(files.length > 0 ? files : ['one.json', 'two.json'])], { cwd: dir });
const refused = (stderr: string) => ({ code: 2, stdout: '', stderr: `onemessage: ${stderr}\n` });

describe('a tampered shard file', () => {
  it('an honest pair merges into the run', async () => {
    const dir = await shards();
    const out = await merge(dir);
    expect(out.code).toBe(1);
    // The second shard's walk finds one.json, which is no content: the run says so after the summary (issue 15).
    expect(out.stdout).toContain('✖ 6 problems (6 errors, 0 warnings) in 6 files\n');
  });

  it('an outcome given twice is refused (was: the file counted twice)', async () => {
    const dir = await shards((one) => one.outcomes.push(structuredClone(one.outcomes[0]!)));
    const rel = JSON.parse(readFileSync(path.join(dir, 'one.json'), 'utf8')).outcomes[0].record.path;
    expect(await merge(dir)).toEqual(refused(`one.json: ${rel} is given twice in it: a merge would count it twice`));
  });

  it("an outcome in the other shard's file is foreign and refused", async () => {
    const dir = await shards((one, two) => one.outcomes.push(structuredClone(two.outcomes[0]!)));
    const rel = JSON.parse(readFileSync(path.join(dir, 'two.json'), 'utf8')).outcomes[0].record.path as string;
    expect(await merge(dir)).toEqual(refused(`one.json: ${rel} belongs to shard ${shardOf(rel, 2)}/2, not 1/2: a foreign outcome`));
  });

  it('a shard without its count is refused (was: "shard 1/undefined")', async () => {
    const dir = await shards((one) => delete (one.shard as Partial<Shard['shard']>).count);
    expect(await merge(dir)).toEqual(refused("one.json: not a valid shard file (at /shard: must have required property 'count')"));
  });

  it('a shard numbered past its count is refused', async () => {
    const dir = await shards((one) => (one.shard.index = 3));
    expect(await merge(dir)).toEqual(refused('one.json: shard 3/2 cannot be: a run has shards 1 to 2'));
  });

  it('the same shard twice, and a shard missing, are refused', async () => {
    const dir = await shards();
    expect(await merge(dir, 'one.json', 'one.json')).toEqual(refused('one.json: shard 1/2 is given twice'));
    expect(await merge(dir, 'two.json')).toEqual(refused('missing shard 1/2: a merge of part of a run would miss findings'));
  });

  it('shards of another version, spec, date or set of paths are foreign and refused', async () => {
    expect(await merge(await shards((_, two) => (two.version = '0.0.1')))).toEqual(refused('two.json: written by onemessage 0.0.1; this is 0.1.0'));
    expect(await merge(await shards((_, two) => ((two.spec as { sha256: string }).sha256 = 'f'.repeat(64))))).toEqual(refused('two.json: checked against another spec than one.json'));
    expect(await merge(await shards((_, two) => (two.asOf = '2026-01-01')))).toEqual(refused('two.json: checked as of 2026-01-01, one.json as of 2026-11-23'));
    expect(await merge(await shards((_, two) => (two.paths = ['site'])))).toEqual(refused('two.json: a shard of a run over other paths (site) than one.json (.)'));
  });

  it('wrongly typed outcomes are refused with where they went wrong (was: internal error)', async () => {
    const dir = await shards((one) => (one.outcomes[0]!.findings = [{ ruleId: 7 }]));
    expect(await merge(dir)).toEqual(refused("one.json: outcomes[0] is not a file's outcome (at /findings/0: must have required property 'severity')"));
    const nulls = await shards((one) => (one.outcomes[0] = null as never));
    expect(await merge(nulls)).toEqual(refused('one.json: not a valid shard file (at /outcomes/0: must be object)'));
  });

  it('a forged waiver, or a finding placed in another file, is refused', async () => {
    const waived = await shards((one) => (one.outcomes[0]!.findings[0]!.suppression = { kind: 'baseline', reason: 'forged' }));
    const rel = JSON.parse(readFileSync(path.join(waived, 'one.json'), 'utf8')).outcomes[0].record.path as string;
    expect(await merge(waived)).toEqual(refused("one.json: outcomes[0] is not a file's outcome (at /findings/0: must NOT have additional properties (suppression))"));
    const moved = await shards((one) => (one.outcomes[0]!.findings[0]!.path = 'site/zzz.md'));
    expect(await merge(moved)).toEqual(refused(`one.json: the outcome of ${rel} does not hold together (findings[0] is about another file)`));
  });

  it('a shard file of the old format, or not a file, is one line', async () => {
    const dir = await shards((one) => (one.onemessageShard = 1));
    expect(await merge(dir)).toEqual(refused('one.json: a shard file of format 1; this onemessage reads format 3 (write the shards again with it)'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    expect(await merge(dir, 'pipe.json', 'two.json')).toEqual(refused('pipe.json: cannot read the shard file: not a regular file (a pipe, socket or device)'));
  });
});
