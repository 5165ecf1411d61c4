/**
 * The evidence around the findings in the HTML report: the audit block (what was checked, against
 * which spec and commit, when and how) and the sign-off a reviewer fills in or signs on paper.
 */
import type { FileRecord, RunResult } from '../model/result.js';
import { h } from './html-findings.js';
import { formatCommand, plural } from './text.js';

export function auditSection(result: RunResult): string {
  const { spec } = result;
  const rows: Array<[string, string]> = [];
  if (spec.brand !== undefined) rows.push(['Company', h(spec.brand)]);
  rows.push(['Spec', `<code>${h(spec.path)}</code>${spec.revision !== undefined ? `, revision <strong>${h(spec.revision)}</strong>` : ''}`]);
  rows.push(['Spec SHA-256', `<span class="hash">${h(spec.sha256)}</span>`]);
  if (spec.owner !== undefined) rows.push(['Owner', h(spec.owner)]);
  const nested = nestedSpecs(result);
  if (nested.length > 0) rows.push(['Nested specs', `<ul class="specs">\n${nested.map(nestedSpecItem).join('')}</ul>`]);
  rows.push(['Commit', commitCell(result)]);
  rows.push(['As of', h(result.asOf)]);
  rows.push(['onemessage version', h(result.version)]);
  if (result.startedAt !== undefined) rows.push(['Started at', h(result.startedAt)]);
  if (result.command) rows.push(['Command', `<code>${h(formatCommand(result.command))}</code>`]);
  const warnings =
    result.warnings.length > 0
      ? `<h3>Spec warnings</h3>\n<ul class="warnings">\n${result.warnings.map((w) => `<li>${h(w)}</li>\n`).join('')}</ul>\n`
      : '';
  return (
    '<section id="audit">\n<h2>Audit</h2>\n<dl class="audit">\n' +
    rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>\n`).join('') +
    '</dl>\n' +
    `<h3>Files checked (${result.files.length})</h3>\n` +
    `<table class="files">\n<thead><tr><th>File</th>${nested.length > 0 ? '<th>Spec</th>' : ''}<th>Format</th><th>Channel</th><th>Documents</th><th>Bytes</th><th>SHA-256</th></tr></thead>\n<tbody>\n` +
    result.files.map((file) => fileRow(file, { specColumn: nested.length > 0, rootSpec: spec.path })).join('') +
    '</tbody>\n</table>\n' +
    warnings +
    '</section>\n'
  );
}

/** The commit and whether the files matched it; a report run outside git says so rather than leaving a blank. */
function commitCell(result: RunResult): string {
  const { git } = result;
  if (!git) return '<span class="muted">not recorded (no git repository, or git not installed)</span>';
  const state = git.clean
    ? '<span class="tree-clean">clean working tree</span>'
    : `<span class="tree-dirty">${plural(git.changed, 'file')} changed since the commit: findings may not match it</span>`;
  return `<span class="hash">${h(git.commit)}</span> ${state}`;
}

/** With nested specs (one per brand folder), every spec the run used besides the root, which the rows above describe. */
function nestedSpecs(result: RunResult): NonNullable<RunResult['specs']> {
  return (result.specs ?? []).filter((other) => other.path !== result.spec.path);
}

function nestedSpecItem(spec: NonNullable<RunResult['specs']>[number]): string {
  const details = [
    spec.brand !== undefined ? h(spec.brand) : undefined,
    spec.revision !== undefined ? `revision <strong>${h(spec.revision)}</strong>` : undefined,
    spec.owner !== undefined ? `owner ${h(spec.owner)}` : undefined,
  ].filter((detail) => detail !== undefined);
  return `<li><code>${h(spec.path)}</code>${details.length > 0 ? ` (${details.join(', ')})` : ''}, SHA-256 <span class="hash">${h(spec.sha256)}</span></li>\n`;
}

function fileRow(file: FileRecord, options: { specColumn: boolean; rootSpec: string }): string {
  const cells = [
    `<code>${h(file.path)}</code>`,
    ...(options.specColumn ? [`<code>${h(file.spec ?? options.rootSpec)}</code>`] : []),
    h(file.format ?? ''),
    h(file.channel ?? ''),
    `<td class="num">${file.documents}</td>`,
    `<td class="num">${file.bytes}</td>`,
    file.sha256 !== undefined ? `<span class="hash">${h(file.sha256)}</span>` : '<span class="muted">unreadable</span>',
  ];
  return `<tr>${cells.map((cell) => (cell.startsWith('<td') ? cell : `<td>${cell}</td>`)).join('')}</tr>\n`;
}

function nestedClause(result: RunResult): string {
  const nested = nestedSpecs(result);
  if (nested.length === 0) return '';
  return ` and, for the files below them, ${nested.length === 1 ? 'the nested spec' : `the ${nested.length} nested specs`} listed in the audit (${nested.map((other) => `${other.path} SHA-256 ${other.sha256.slice(0, 12)}…`).join('; ')})`;
}

/**
 * What the reviewer signs: the statement of what was reviewed, then fields to fill in on screen
 * (they print with what was typed) and lines to sign on paper.
 */
export function signOffSection(result: RunResult): string {
  const { spec } = result;
  const revision = spec.revision !== undefined ? ` revision ${spec.revision},` : '';
  const commit = result.git ? ` at commit ${result.git.commit.slice(0, 12)}${result.git.clean ? '' : ' (with uncommitted changes)'}` : '';
  const statement =
    `I have reviewed the findings above for ${spec.brand ?? 'this content'}: the files listed in the audit${commit}, ` +
    `checked against ${spec.path}${revision} SHA-256 ${spec.sha256.slice(0, 12)}…${nestedClause(result)}, as of ${result.asOf}.`;
  const field = (id: string, label: string, input: string) => `<tr><th scope="row"><label for="${id}">${label}</label></th><td>${input}</td></tr>\n`;
  const decision = ['Approved', 'Approved with conditions', 'Rejected']
    .map((label, n) => `<label class="choice"><input type="radio" name="sign-decision" id="sign-decision-${n}" value="${label.toLowerCase()}"> ${label}</label>`)
    .join(' ');
  return (
    '<section id="sign-off">\n<h2>Sign-off</h2>\n' +
    `<p class="statement">${h(statement)}</p>\n` +
    '<table class="sign-off">\n<tbody>\n' +
    field('sign-reviewer', 'Reviewer', '<input type="text" id="sign-reviewer" autocomplete="name">') +
    field('sign-role', 'Role', '<input type="text" id="sign-role" autocomplete="organization-title">') +
    field('sign-date', 'Date', '<input type="text" id="sign-date" placeholder="YYYY-MM-DD" inputmode="numeric">') +
    `<tr><th scope="row">Decision</th><td class="decision">${decision}</td></tr>\n` +
    field('sign-comments', 'Comments', '<textarea id="sign-comments" rows="4"></textarea>') +
    '<tr><th scope="row">Signature</th><td class="signature"></td></tr>\n' +
    '</tbody>\n</table>\n' +
    '<p class="muted screen-only">Fill in the fields and print to PDF, or print and sign on paper. Nothing typed here is saved in the file.</p>\n' +
    '</section>\n'
  );
}
