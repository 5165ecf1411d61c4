/**
 * The findings of the HTML report: each with its sentence and the matched words highlighted, what
 * it contradicts apart from the context that explains it, the spec line, the fix, and for a
 * waived finding who waived it, why and until when; grouped by file, with the filter bar.
 */
import type { Finding, RelatedLocation, SentenceContext } from '../model/finding.js';
import { formatRange, whereIn } from './location.js';
import { channelOf, documentLabel, escapeHtml, formatLocation, severities, stripControl, type Summary } from './text.js';

/** Escaped, with terminal escapes and control characters gone: the one way user text enters the page. */
export function h(text: string): string {
  return escapeHtml(stripControl(text));
}

export function findingsSection(findings: Finding[], summary: Summary): string {
  if (findings.length === 0) return '<section id="findings">\n<h2>Findings</h2>\n<p>No findings.</p>\n</section>\n';
  const option = (value: string, label = value) => `<option value="${h(value)}">${h(label)}</option>`;
  const filters =
    '<form class="filters" id="filters" hidden>\n' +
    `<label>Channel <select id="filter-channel"><option value="">all</option>${summary.byChannel.map((c) => option(c.name)).join('')}</select></label>\n` +
    `<label>Rule <select id="filter-rule"><option value="">all</option>${summary.byRule.map((r) => option(r.name)).join('')}</select></label>\n` +
    `<label>Severity <select id="filter-severity"><option value="">all</option>${severities.map((s) => option(s)).join('')}</select></label>\n` +
    '<label>Search <input type="search" id="filter-text" autocomplete="off"></label>\n' +
    '<label><input type="checkbox" id="filter-suppressed" checked> show suppressed</label>\n' +
    '<output id="filter-shown" aria-live="polite"></output>\n' +
    '</form>\n';
  const groups: string[] = [];
  let open: string | undefined;
  findings.forEach((finding, index) => {
    if (finding.path !== open) {
      if (open !== undefined) groups.push('</section>\n');
      open = finding.path;
      groups.push(`<section class="file-group">\n<h3><code>${h(finding.path)}</code></h3>\n`);
    }
    groups.push(findingArticle(finding, index + 1));
  });
  groups.push('</section>\n');
  return (
    '<section id="findings">\n' +
    `<h2>Findings (${findings.length})</h2>\n` +
    filters +
    groups.join('') +
    '<p id="no-findings" hidden>No finding matches the filters.</p>\n' +
    '</section>\n'
  );
}

/** The sentence with the matched words marked; every piece escaped on its own. */
export function sentenceHtml(context: SentenceContext): string {
  const { text, start, end } = context;
  return `${h(text.slice(0, start))}<mark>${h(text.slice(start, end))}</mark>${h(text.slice(end))}`;
}

/** The source text, shown beside the sentence only when it says more than the marked words (markup, line breaks). */
function sourceDiffers(finding: Finding): boolean {
  if (!finding.context) return true;
  const marked = finding.context.text.slice(finding.context.start, finding.context.end);
  return finding.excerpt.replace(/\s+/g, ' ').trim() !== marked;
}

function findingArticle(finding: Finding, number: number): string {
  const s = finding.suppression;
  const classes = ['finding', `sev-${finding.severity}`, ...(s ? ['suppressed'] : [])].join(' ');
  const data =
    `data-channel="${h(channelOf(finding))}" data-rule="${h(finding.ruleId)}" ` +
    `data-severity="${finding.severity}" data-suppressed="${s ? 'true' : 'false'}"`;
  const document = documentLabel(finding);
  const parts = [
    `<article class="${classes}" id="finding-${number}" ${data}>\n`,
    '<header>',
    `<span class="badge sev-${finding.severity}">${finding.severity}</span> `,
    `<code class="rule">${h(finding.ruleId)}</code> `,
    finding.variant !== undefined ? `<span class="badge variant">${h(finding.variant)}</span> ` : '',
    `<span class="loc mono">${h(formatRange(finding.path, finding))}</span>`,
    finding.channel !== undefined ? ` <span class="channel">${h(finding.channel)}</span>` : '',
    s ? ` <span class="badge suppressed-badge">suppressed</span>` : '',
    '</header>\n',
    `<p class="message">${h(finding.message)}</p>\n`,
    document !== undefined ? `<p class="document">In <strong>${h(document)}</strong>${finding.documentInactive ? ' (inactive)' : ''}</p>\n` : '',
    finding.context ? `<blockquote class="sentence">${sentenceHtml(finding.context)}</blockquote>\n` : '',
    sourceDiffers(finding) ? `<p class="source">${finding.context ? '<span class="muted">Source text:</span> ' : ''}<code class="excerpt">${h(finding.excerpt)}</code></p>\n` : '',
  ];
  if (finding.item) {
    const { kind, id, file, line, column } = finding.item;
    parts.push(`<p class="spec">Spec ${h(kind)} <code>${h(id)}</code> at <span class="mono">${h(formatLocation(file, { line, column }))}</span></p>\n`);
  }
  const contradicts = finding.related.filter((place) => place.kind === 'contradiction');
  const context = finding.related.filter((place) => place.kind !== 'contradiction');
  if (contradicts.length > 0) parts.push(relatedList('contradicts', 'Contradicts', contradicts));
  if (context.length > 0) parts.push(relatedList('context', 'Context', context));
  if (finding.fix) parts.push(`<p class="fix">Fix: replace with <code>${h(finding.fix.text)}</code></p>\n`);
  if (s) parts.push(waiver(s));
  parts.push('</article>\n');
  return parts.join('');
}

function relatedList(kind: string, title: string, places: RelatedLocation[]): string {
  return `<div class="related ${kind}">\n<h4>${title}</h4>\n<ul>\n${places.map(relatedItem).join('')}</ul>\n</div>\n`;
}

function relatedItem(place: RelatedLocation): string {
  const where = whereIn(place);
  const quote = place.context
    ? `<blockquote class="sentence">${sentenceHtml(place.context)}</blockquote>`
    : place.excerpt !== undefined
      ? `<blockquote class="sentence"><mark>${h(place.excerpt)}</mark></blockquote>`
      : '';
  return `<li><span class="loc mono">${h(formatLocation(place.path, place.start))}</span>${where !== undefined ? ` <span class="muted">(${h(where)})</span>` : ''}: ${h(place.message)}${quote}</li>\n`;
}

const waivedBy: Record<NonNullable<Finding['suppression']>['kind'], string> = {
  directive: 'an inline directive',
  exception: 'a spec exception',
  baseline: 'the baseline',
};

/** Who waived a finding, why and until when; an approver nobody named is said so, since a reviewer looks for one. */
function waiver(s: NonNullable<Finding['suppression']>): string {
  const written = s.path !== undefined ? ` at ${s.path}${s.line !== undefined ? `:${s.line}` : ''}` : '';
  const rows: Array<[string, string]> = [
    ['Waived by', h(`${waivedBy[s.kind]}${written}`)],
    ['Approved by', s.approvedBy !== undefined ? h(s.approvedBy) : '<span class="unnamed">not named</span>'],
    ['Reason', h(s.reason)],
  ];
  if (s.until !== undefined) rows.push(['Until', h(s.until)]);
  return `<dl class="suppression">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>\n`;
}
