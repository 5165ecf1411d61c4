/**
 * The Markdown reporter: a pull-request comment or job summary with the verdict, the counts,
 * every finding by file with the other side of each contradiction, and the waived findings.
 */
import type { Finding, RelatedLocation } from '../model/finding.js';
import { filesCounted, type RunResult } from '../model/result.js';
import type { Reporter } from './reporter.js';
import {
  documentLabel,
  escapeMarkdown,
  formatLocation,
  formatPosition,
  markdownCode,
  notReadSummary,
  plural,
  severities,
  summarise,
  type NameCount,
  type Summary,
} from './text.js';

export const markdownReporter: Reporter = {
  name: 'markdown',
  audit: true,
  description: 'Markdown for a pull-request comment or a job summary',
  format: formatMarkdown,
};

const verdicts: Record<Summary['verdict'], string> = {
  fail: '❌ onemessage: failed',
  warn: '⚠️ onemessage: passed with warnings',
  pass: '✅ onemessage: passed',
};

export function formatMarkdown(result: RunResult): string {
  const summary = summarise(result.findings);
  const blocks = [title(result, summary), context(result)];
  const notRead = notReadSummary(result.notRead);
  if (notRead) blocks.push(escapeMarkdown(notRead));
  if (result.findings.length > 0) {
    blocks.push(severityTable(summary), countTable('rule', summary.byRule), countTable('channel', summary.byChannel));
  }
  if (summary.active.length > 0) blocks.push(findingsByFile(summary.active));
  if (summary.suppressed.length > 0) blocks.push(suppressedTable(summary.suppressed));
  if (result.warnings.length > 0) {
    blocks.push(['### Spec warnings', '', ...result.warnings.map((warning) => `- ${escapeMarkdown(warning)}`)].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function title(result: RunResult, summary: Summary): string {
  const { error, warning, info } = summary.bySeverity;
  const files = plural(filesCounted(result), 'file');
  const counts = summary.active.length === 0 ? `no findings in ${files}` : `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info in ${files}`;
  const waived = summary.suppressed.length > 0 ? ` (${summary.suppressed.length} suppressed)` : '';
  return `## ${verdicts[summary.verdict]} — ${counts}${waived}`;
}

function context(result: RunResult): string {
  const parts = [
    ...(result.spec.brand !== undefined ? [`**${escapeMarkdown(result.spec.brand)}**`] : []),
    `spec ${markdownCode(result.spec.path)}${result.spec.revision !== undefined ? ` revision ${escapeMarkdown(result.spec.revision)}` : ''}`,
    // with nested specs, the brand folders' own specs
    ...(nestedSpecPaths(result).length > 0 ? [`nested ${nestedSpecPaths(result).map((path) => markdownCode(path)).join(', ')}`] : []),
    ...(result.git ? [`commit ${markdownCode(result.git.commit.slice(0, 12))}${result.git.clean ? '' : ` with ${plural(result.git.changed, 'uncommitted change')}`}`] : []),
    `as of ${escapeMarkdown(result.asOf)}`,
    `onemessage ${escapeMarkdown(result.version)}`,
  ];
  return parts.join(' · ');
}

function nestedSpecPaths(result: RunResult): string[] {
  return (result.specs ?? []).map((spec) => spec.path).filter((path) => path !== result.spec.path);
}

function severityTable(summary: Summary): string {
  const rows = severities.map((severity) => `| ${severity} | ${summary.bySeverity[severity]} |`);
  return ['| severity | findings |', '| --- | ---: |', ...rows, `| suppressed | ${summary.suppressed.length} |`].join('\n');
}

function countTable(label: string, counts: NameCount[]): string {
  const rows = counts.map(({ name, count, suppressed }) => `| ${escapeMarkdown(name)} | ${count} | ${suppressed} |`);
  return [`| ${label} | findings | suppressed |`, '| --- | ---: | ---: |', ...rows].join('\n');
}

function findingsByFile(findings: Finding[]): string {
  const lines = ['### Findings'];
  let path: string | undefined;
  for (const finding of findings) {
    if (finding.path !== path) {
      path = finding.path;
      lines.push('', `#### ${markdownCode(path)}`, '');
    }
    lines.push(...findingItem(finding));
  }
  return lines.join('\n');
}

function findingItem(finding: Finding): string[] {
  const item = finding.item ? ` · ${markdownCode(finding.item.id)}` : '';
  const document = documentLabel(finding);
  const lines = [
    `- **${finding.severity}** ${formatPosition(finding.start)} ${escapeMarkdown(finding.message)} — ${markdownCode(finding.ruleId)}${item}`,
  ];
  if (document !== undefined) lines.push(`  - in ${escapeMarkdown(document)}`);
  lines.push(`  - excerpt: ${markdownCode(finding.excerpt)}`);
  for (const place of finding.related) lines.push(`  - ${place.kind === 'contradiction' ? 'contradicts' : 'context'}: ${relatedText(place)}`);
  if (finding.item && !finding.item.file.startsWith('pack:')) {
    lines.push(`  - spec: ${finding.item.kind} ${markdownCode(finding.item.id)} at ${markdownCode(`${finding.item.file}:${finding.item.line}`)}`);
  }
  if (finding.fix) lines.push(`  - fix: replace with ${markdownCode(finding.fix.text)}`);
  return lines;
}

function relatedText(place: RelatedLocation): string {
  const where = [place.channel, documentLabel(place)].filter((part) => part !== undefined);
  const scope = where.length > 0 ? ` (${escapeMarkdown(where.join(', '))})` : '';
  const excerpt = place.excerpt !== undefined ? ` — ${markdownCode(place.excerpt)}` : '';
  return `${markdownCode(formatLocation(place.path, place.start))}${scope}: ${escapeMarkdown(place.message)}${excerpt}`;
}

function suppressedTable(findings: Finding[]): string {
  const rows = findings.map((finding) => {
    const s = finding.suppression!;
    const cells = [
      markdownCode(formatLocation(finding.path, finding.start), { inTable: true }),
      markdownCode(finding.ruleId, { inTable: true }),
      escapeMarkdown(finding.message),
      s.kind,
      escapeMarkdown(s.reason),
      escapeMarkdown(s.approvedBy ?? ''),
      escapeMarkdown(s.until ?? ''),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    `### Suppressed (${findings.length})`,
    '',
    '| where | rule | message | by | reason | approved by | until |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
