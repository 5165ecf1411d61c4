/**
 * The terminal reporter, in ESLint's stylish layout: findings grouped by file (and by macro
 * inside an export), `line:col  severity  message  rule`, then a summary line. Colour only when
 * asked; every piece of content is stripped of control sequences first.
 */
import { Chalk } from 'chalk';
import type { Finding } from '../model/finding.js';
import { filesCounted, type RunResult } from '../model/result.js';
import type { Reporter } from './reporter.js';
import { formatLocation, formatPosition, notReadSummary, stripControl } from './text.js';

const MAX_RELATED_SHOWN = 3;

export const stylish: Reporter = {
  name: 'stylish',
  description: 'Human-readable terminal output grouped by file (the default)',
  format(result, options) {
    const chalk = new Chalk({ level: options.color ? 1 : 0 });
    const shown = result.findings.filter((f) => !f.suppression && (!options.quiet || f.severity === 'error'));
    const lines: string[] = [];
    for (const warning of options.quiet ? [] : result.warnings) lines.push(chalk.yellow(`warning: ${clean(warning)}`));
    if (lines.length > 0) lines.push('');
    const byFile = new Map<string, Finding[]>();
    for (const finding of shown) {
      const list = byFile.get(finding.path);
      if (list) list.push(finding);
      else byFile.set(finding.path, [finding]);
    }
    for (const [file, findings] of byFile) {
      lines.push(chalk.underline(clean(file)));
      const width = findings.reduce((most, f) => Math.max(most, formatPosition(f.start).length), 0);
      let documentKey: string | undefined;
      for (const finding of findings) {
        const key = finding.documentTitle ?? finding.documentId;
        let indent = '  ';
        if (key !== undefined) {
          if (key !== documentKey) lines.push(`  ${chalk.bold(documentLabel(finding))}`);
          indent = '    ';
        }
        documentKey = key;
        const where = formatPosition(finding.start).padEnd(width);
        const severity = finding.severity === 'error' ? chalk.red('error  ') : finding.severity === 'warning' ? chalk.yellow('warning') : chalk.blue('info   ');
        lines.push(`${indent}${chalk.dim(where)}  ${severity}  ${clean(finding.message)}  ${chalk.dim(finding.ruleId)}`);
        // The terminal shows a few other sides; json, sarif and html carry them all.
        for (const related of finding.related.slice(0, MAX_RELATED_SHOWN)) {
          lines.push(`${indent}${' '.repeat(width)}  ${chalk.dim(`↳ ${clean(formatLocation(related.path, related.start))}  ${clean(related.message)}`)}`);
        }
        const hidden = finding.related.length - MAX_RELATED_SHOWN;
        if (hidden > 0) lines.push(`${indent}${' '.repeat(width)}  ${chalk.dim(`↳ and ${hidden} more (see --format json or html)`)}`);
      }
      lines.push('');
    }
    const errors = shown.filter((f) => f.severity === 'error').length;
    const warnings = shown.filter((f) => f.severity === 'warning').length;
    const infos = shown.filter((f) => f.severity === 'info').length;
    const total = errors + warnings + infos;
    const suppressed = result.findings.filter((f) => f.suppression).length;
    // the files read, and any other a finding is in (the spec, for an expired exception)
    const fileCount = filesCounted(result, shown);
    if (total === 0) {
      lines.push(chalk.green(`✔ no problems in ${fileCount} file${fileCount === 1 ? '' : 's'}${suppressed ? ` (${suppressed} suppressed)` : ''}`));
    } else {
      const counts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
      if (infos) counts.push(`${infos} info`);
      const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${counts.join(', ')}) in ${fileCount} file${fileCount === 1 ? '' : 's'}${suppressed ? `, ${suppressed} suppressed` : ''}`;
      lines.push(errors ? chalk.red.bold(summary) : chalk.yellow.bold(summary));
      const fixable = shown.filter((f) => f.fix).length;
      if (fixable) lines.push(chalk.dim(`  ${fixable} fixable with --fix`));
    }
    const notRead = options.quiet ? undefined : notReadSummary(result.notRead);
    if (notRead) lines.push(result.notRead!.some((entry) => entry.reason === 'mappable') ? chalk.yellow(notRead) : chalk.dim(notRead));
    lines.push(...baselineLines(result, chalk));
    return `${lines.join('\n')}\n`;
  },
};

/** The baseline entries no finding matches any more: fixed, and ready to be dropped from the file. */
function baselineLines(result: RunResult, chalk: InstanceType<typeof Chalk>): string[] {
  const fixed = result.baseline?.fixed ?? [];
  if (fixed.length === 0) return [];
  const lines = [
    chalk.green(`${fixed.length} baseline entr${fixed.length === 1 ? 'y no longer matches' : 'ies no longer match'} (fixed); drop ${fixed.length === 1 ? 'it' : 'them'} with --baseline --write-baseline:`),
  ];
  for (const entry of fixed) lines.push(`  ${clean(entry.path)}  ${chalk.dim(entry.ruleId)}  "${clean(entry.excerpt)}"`);
  return lines;
}

function documentLabel(finding: Finding): string {
  const title = finding.documentTitle !== undefined ? `"${clean(finding.documentTitle)}"` : '';
  const id = finding.documentId !== undefined ? `(id ${clean(finding.documentId)})` : '';
  return `${[title, id].filter(Boolean).join(' ')}${finding.documentInactive ? ' [inactive]' : ''}`;
}

/** One line of terminal text: no control sequences, no line breaks. */
function clean(text: string): string {
  return stripControl(text).replace(/[\r\n]+/g, ' ');
}
