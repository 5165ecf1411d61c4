/**
 * The shell of the self-contained HTML outputs (report and guide): one file with inline style
 * and script, locked down by a Content-Security-Policy that admits only those exact bytes.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './text.js';

export interface PageOptions {
  title: string;
  /** the inline stylesheet */
  css: string;
  /** the inline script, if the page has one */
  script?: string;
  /** the markup inside `<body>`, already escaped */
  body: string;
  /** `<meta name="generator">` */
  generator?: string;
}

/** The CSP source expression for an inline element's exact text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * No fetch, frame, font, form target or base URL at all; style and script only when their hash
 * matches, so markup that escaped escaping could still run nothing.
 */
export function contentSecurityPolicy(options: Pick<PageOptions, 'css' | 'script'>): string {
  return [
    "default-src 'none'",
    `style-src ${cspHash(options.css)}`,
    `script-src ${options.script !== undefined ? cspHash(options.script) : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderPage(options: PageOptions): string {
  const generator = options.generator !== undefined ? `<meta name="generator" content="${escapeHtml(options.generator)}">\n` : '';
  const script = options.script !== undefined ? `<script>${options.script}</script>\n` : '';
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="en">\n' +
    '<head>\n' +
    '<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options))}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="referrer" content="no-referrer">\n' +
    generator +
    `<title>${escapeHtml(options.title)}</title>\n` +
    `<style>${options.css}</style>\n` +
    '</head>\n' +
    '<body>\n' +
    options.body +
    script +
    '</body>\n' +
    '</html>\n'
  );
}

/** Typography and tables shared by the report and the guide, for screen and paper. */
export const baseCss = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --line: #d6dae1; --error: #b42318; --warning: #9a6700; --info: #175cd3; --conflict: #fde8e7; --mark: #fff1a8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 70rem; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: auto; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f4f6f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.hash { font-family: ui-monospace, monospace; font-size: .8em; overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2, h3, h4 { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); }
}
`;
