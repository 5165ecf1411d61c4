/**
 * Counts the findings of the accuracy sample's runs (bench/accuracy/run.sh) against the hand
 * classification in labels.tsv: for each run folder, per sample, the packs' true findings and
 * false alarms and the facts', and false alarms per 50 documents. A finding with no label is
 * listed, so a change that makes new findings is classified before its figures are quoted.
 *
 *   npx tsx bench/accuracy/count.ts /tmp/accuracy-before /tmp/accuracy-after
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Report {
  summary: { documents: number };
  findings: Array<{ path: string; ruleId: string; start: { line: number; column: number }; item?: { id: string; file: string } }>;
}

const here = path.dirname(new URL(import.meta.url).pathname);
const labels = new Map<string, string>();
for (const line of readFileSync(path.join(here, 'labels.tsv'), 'utf8').split('\n').slice(1)) {
  const [sample, place, rule, item, verdict] = line.split('\t');
  if (verdict) labels.set([sample, place, rule, item].join('\t'), verdict);
}

for (const dir of process.argv.slice(2)) {
  const rows: string[][] = [['sample', 'documents', 'pack true', 'pack false', 'fact true', 'fact false']];
  const unlabelled: string[] = [];
  const total = { documents: 0, packTrue: 0, packFalse: 0, factTrue: 0, factFalse: 0 };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const sample = file.replace(/\.json$/, '');
    const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Report;
    const counts = { packTrue: 0, packFalse: 0, factTrue: 0, factFalse: 0 };
    for (const f of report.findings) {
      const key = [sample, `${f.path}:${f.start.line}:${f.start.column}`, f.ruleId, f.item?.id ?? ''].join('\t');
      const verdict = labels.get(key);
      if (verdict === undefined) {
        unlabelled.push(key);
        continue;
      }
      const fromPack = f.item?.file.startsWith('pack:') ?? false;
      const which = `${fromPack ? 'pack' : 'fact'}${verdict === 'true' ? 'True' : 'False'}` as keyof typeof counts;
      counts[which]++;
    }
    total.documents += report.summary.documents;
    for (const k of Object.keys(counts) as Array<keyof typeof counts>) total[k] += counts[k];
    rows.push([sample, String(report.summary.documents), String(counts.packTrue), String(counts.packFalse), String(counts.factTrue), String(counts.factFalse)]);
  }
  rows.push(['all', String(total.documents), String(total.packTrue), String(total.packFalse), String(total.factTrue), String(total.factFalse)]);
  console.log(`${dir}`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`packs: ${((total.packFalse * 50) / total.documents).toFixed(2)} false alarms per 50 documents; ${total.packTrue} true findings`);
  if (unlabelled.length > 0) console.log(`unlabelled (classify them in labels.tsv):\n${unlabelled.join('\n')}`);
  console.log('');
}
