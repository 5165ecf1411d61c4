/**
 * The HTML report's own stylesheet (screen and print) and its one script (filters and search),
 * kept apart from the markup since the page's Content-Security-Policy admits them by their hash.
 */

export const reportCss = `
header .brand { color: var(--muted); font-weight: 400; }
.verdict { font-size: 1.1rem; margin: .25rem 0 1rem; padding: .5rem .75rem; border-left: 6px solid var(--line); background: #f7f8fa; }
.verdict-fail { border-color: var(--error); }
.verdict-warn { border-color: var(--warning); }
.verdict-pass { border-color: #1a7f37; }
dl.audit { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.audit dt { font-weight: 600; }
dl.audit dd { margin: 0; }
dl.audit ul.specs { margin: 0; padding-left: 1.2rem; }
.tree-clean { color: #1a7f37; font-weight: 600; }
.tree-dirty { color: var(--error); font-weight: 600; }
.counts { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .8em; font-weight: 600; color: #fff; background: var(--muted); }
.badge.sev-error { background: var(--error); }
.badge.sev-warning { background: var(--warning); }
.badge.sev-info { background: var(--info); }
.badge.suppressed-badge { background: #fff; color: var(--muted); border: 1px solid var(--muted); }
.channel { display: inline-block; padding: 0 .4rem; border: 1px solid var(--line); border-radius: .3rem; font-size: .85em; }
table.matrix ul { list-style: none; margin: 0; padding: 0; }
table.matrix td.conflict { background: var(--conflict); }
table.matrix tr.row-conflict th { border-left: 4px solid var(--error); }
.flag { font-size: .75em; font-weight: 700; text-transform: uppercase; color: var(--error); }
.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .5rem .75rem; margin-bottom: 1rem; background: #f4f6f8; border: 1px solid var(--line); border-radius: .4rem; }
.filters[hidden] { display: none; }
.filters output { margin-left: auto; color: var(--muted); }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: .3rem; padding: .6rem .8rem; margin: .6rem 0; }
.finding.sev-error { border-left-color: var(--error); }
.finding.sev-warning { border-left-color: var(--warning); }
.finding.sev-info { border-left-color: var(--info); }
.finding.suppressed { opacity: .8; border-style: dashed; }
.finding header { display: flex; flex-wrap: wrap; gap: .4rem; align-items: baseline; }
.finding .message { margin: .4rem 0; font-weight: 500; }
.finding p { margin: .3rem 0; }
.finding h4 { margin: .5rem 0 .2rem; font-size: .9rem; text-transform: uppercase; letter-spacing: .03em; }
.finding .contradicts h4 { color: var(--error); }
.finding .context h4 { color: var(--muted); }
blockquote.sentence { margin: .35rem 0; padding: .35rem .6rem; background: #f7f8fa; border-left: 3px solid var(--line); border-radius: .2rem; font-style: normal; }
.source code.excerpt { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; font-weight: 600; }
.related ul { margin: 0; padding-left: 1.2rem; }
.related li { margin: .2rem 0; }
dl.suppression { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .5rem 0 0; padding: .4rem .6rem; background: #f4f6f8; border-radius: .25rem; }
dl.suppression dt { font-weight: 600; }
dl.suppression dd { margin: 0; }
.unnamed { color: var(--error); font-style: italic; }
dl.rules dt { margin-top: .5rem; }
dl.rules dd { margin-left: 1.5rem; }
#sign-off .statement { max-width: 48rem; }
table.sign-off { width: 100%; max-width: 48rem; }
table.sign-off th { width: 9rem; }
table.sign-off input[type=text], table.sign-off textarea { width: 100%; font: inherit; padding: .25rem .4rem; border: 1px solid var(--line); border-radius: .2rem; }
table.sign-off .choice { margin-right: 1rem; white-space: nowrap; }
table.sign-off td.signature { height: 3.5rem; }
footer { margin-top: 2rem; font-size: .85em; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  .filters, #no-findings, .screen-only { display: none !important; }
  .finding[hidden], .file-group[hidden] { display: block !important; }
  .finding, .counts table, table.matrix, dl.audit, #sign-off { break-inside: avoid; }
  .counts { display: block; }
  .counts table { margin-bottom: .8rem; }
  ::placeholder { color: transparent; }
  .finding.suppressed { opacity: 1; }
  #findings, #sign-off { break-before: page; }
  .badge { color: #000 !important; background: #fff !important; border: 1px solid #000; }
  table.matrix td.conflict { outline: 2px solid #000; }
  mark { background: none; text-decoration: underline 2px; }
  table.sign-off input[type=text], table.sign-off textarea { border: 0; border-bottom: 1px solid #000; border-radius: 0; resize: none; }
  table.sign-off td.signature { height: 5rem; border-bottom: 1px solid #000; }
  table.files .hash { font-size: 6.5pt; overflow-wrap: normal; word-break: break-all; }
  table.files td, table.files th { padding: .15rem .4rem; }
}
`;

/** Filters and search: reads data-* attributes and textContent, writes only `hidden` and textContent. */
export const filterScript = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  var channel = document.getElementById('filter-channel');
  var rule = document.getElementById('filter-rule');
  var severity = document.getElementById('filter-severity');
  var search = document.getElementById('filter-text');
  var suppressed = document.getElementById('filter-suppressed');
  var shown = document.getElementById('filter-shown');
  var none = document.getElementById('no-findings');
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('.file-group'));
  function apply() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var count = 0;
    findings.forEach(function (el) {
      var d = el.dataset;
      var text = el.textContent.toLowerCase();
      var ok = (!channel.value || d.channel === channel.value) &&
        (!rule.value || d.rule === rule.value) &&
        (!severity.value || d.severity === severity.value) &&
        (suppressed.checked || d.suppressed !== 'true') &&
        words.every(function (word) { return text.indexOf(word) !== -1; });
      el.hidden = !ok;
      if (ok) count += 1;
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector('.finding:not([hidden])'); });
    shown.textContent = count + ' of ' + findings.length + ' findings shown';
    none.hidden = count !== 0;
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
`;
