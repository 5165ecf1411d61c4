/**
 * The GitHub Actions reporter: one workflow command per unsuppressed finding, which the runner
 * turns into an annotation on the pull request's diff.
 */
import type { Finding, Severity } from '../model/finding.js';
import type { RunResult } from '../model/result.js';
import type { Reporter } from './reporter.js';
import { documentLabel, formatLocation, notReadSummary, stripControl } from './text.js';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const githubReporter: Reporter = {
  name: 'github',
  description: 'GitHub Actions workflow commands that annotate the pull request',
  format: formatGithub,
};

export function formatGithub(result: RunResult): string {
  const lines = result.findings.filter((finding) => finding.suppression === undefined).map((finding) => `${annotation(finding)}\n`);
  // Files passed over belong to no line of a diff: a notice of the run, after the annotations.
  const notRead = notReadSummary(result.notRead);
  if (notRead) lines.push(`::notice title=${escapeProperty('onemessage: files not read')}::${escapeData(clean(notRead))}\n`);
  return lines.join('');
}

function annotation(finding: Finding): string {
  const properties: Array<[string, string]> = [['file', finding.path.replace(/\\/g, '/')]];
  if (finding.start.line >= 1) {
    properties.push(['line', String(finding.start.line)], ['col', String(finding.start.column)]);
    if (finding.end.line >= finding.start.line) {
      properties.push(['endLine', String(finding.end.line)], ['endColumn', String(finding.end.column)]);
    }
  }
  properties.push(['title', finding.item ? `${finding.ruleId} (${finding.item.id})` : finding.ruleId]);
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${commands[finding.severity]} ${props}::${escapeData(body(finding))}`;
}

/** The message, then the lines a reviewer needs to judge it: the document, the other sides, the spec. */
function body(finding: Finding): string {
  const lines = [finding.message];
  const document = documentLabel(finding);
  if (document !== undefined) lines.push(`in ${document}`);
  for (const place of finding.related) {
    const where = [place.channel, documentLabel(place)].filter((part) => part !== undefined).join(', ');
    const quoted = place.excerpt !== undefined ? ` "${place.excerpt}"` : '';
    lines.push(`${formatLocation(place.path, place.start)}${where ? ` (${where})` : ''}: ${place.message}${quoted}`);
  }
  if (finding.item && !finding.item.file.startsWith('pack:')) {
    lines.push(`spec: ${finding.item.file}:${finding.item.line} (${finding.item.kind} ${finding.item.id})`);
  }
  return lines.join('\n');
}

function clean(text: string): string {
  // carriage returns and line feeds survive, escaped, so the runner hands back the same text
  return stripControl(text, { keep: '\n\r\t' });
}

/** The runner's escaping of a command's message (`toCommandValue` in @actions/core). */
export function escapeData(text: string): string {
  return clean(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The runner's escaping of a property value: the message's, and `:` and `,` too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
