/**
 * `--fix` never breaks a document: each replacement that once broke one is now written for its
 * context, or, where it cannot be, declined with one line at its place, a count in the summary, and
 * its finding no longer counted as fixable. Through the CLI, as a user runs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

/** A spec whose one term replaces `not` by `use`. */
function spec(use: string, not: string): string {
  return `version: 1\nchannels:\n  marketing: ["site/**"]\nterms:\n  - use: ${JSON.stringify(use)}\n    not: [${JSON.stringify(not)}]\n`;
}

/** Runs check --fix on one file and returns the CLI's answer and the file after. */
async function fix(use: string, not: string, rel: string, text: string) {
  const dir = tempRepo({ 'onemessage.yaml': spec(use, not), [rel]: text });
  const out = await runCli(['check', '--fix', '--as-of', '2026-11-23'], { cwd: dir });
  return { ...out, after: readFileSync(path.join(dir, rel), 'utf8') };
}

describe('--fix writes each replacement for its context', () => {
  it('MDX attribute: a replacement holding " is written as a reference, and the MDX stays valid (was: unreadable MDX)', async () => {
    const out = await fix('Trail "Pro"', 'Trail Pack', 'site/card.mdx', '<Card title="Trail Pack" />\n\nThe Trail Pack.\n');
    expect(out.after).toBe('<Card title="Trail &quot;Pro&quot;" />\n\nThe Trail "Pro".\n');
    expect(out.stderr).toBe('onemessage: fixed 2 problems in 1 file\n');
    expect(out.stdout).toBe('✔ no problems in 1 file\n');
  });

  it("MDX attribute in single quotes: a ' is written as a reference", async () => {
    const out = await fix("Trail 'Pro'", 'Trail Pack', 'site/card.mdx', "<Card alt='Trail Pack' />\n");
    expect(out.after).toBe("<Card alt='Trail &#39;Pro&#39;' />\n");
  });

  it('a .md page written as MDX: its JSX attribute and its text are written as MDX reads them', async () => {
    const page = "import Card from './card.js';\n\n<Card title=\"Trail Pack\" />\n\nThe Trail Pack {/* note */}.\n";
    const out = await fix('Trail "Pro"', 'Trail Pack', 'site/card.md', page);
    expect(out.after).toBe("import Card from './card.js';\n\n<Card title=\"Trail &quot;Pro&quot;\" />\n\nThe Trail \"Pro\" {/* note */}.\n");
    expect(out.stderr).toBe('onemessage: fixed 2 problems in 1 file\n');
  });

  it('Markdown table cell: a | is escaped, so no column is added (was: a third column)', async () => {
    const out = await fix('Trail|Pack', 'Trailpack', 'site/sizes.md', '| Name | Size |\n| --- | --- |\n| Trailpack | 45 |\n');
    expect(out.after).toBe('| Name | Size |\n| --- | --- |\n| Trail\\|Pack | 45 |\n');
    expect(out.stderr).toBe('onemessage: fixed 1 problem in 1 file\n');
  });

  it('Markdown line start: a replacement starting with "1. " or "- " makes no list (was: a list)', async () => {
    const ordered = await fix('1. Summit', 'SummitPack', 'site/a.md', 'Intro line\nSummitPack is here.\n');
    expect(ordered.after).toBe('Intro line\n1\\. Summit is here.\n');
    const bullet = await fix('- Summit', 'SummitPack', 'site/a.md', 'SummitPack is here.\n');
    expect(bullet.after).toBe('\\- Summit is here.\n');
  });

  it('Markdown: === on the next line makes no heading (was: a setext heading)', async () => {
    const out = await fix('===', 'Headline Pack', 'site/a.md', 'Intro line\nHeadline Pack\n');
    expect(out.after).toBe('Intro line\n\\===\n');
  });

  it('Markdown: &amp; in a replacement stays &amp; for the reader (was: it read as &)', async () => {
    const out = await fix('R&amp;D Pack', 'Lab Pack', 'site/a.md', 'A Lab Pack.\n');
    expect(out.after).toBe('A R\\&amp;D Pack.\n');
  });

  it('front matter: "- Pro" in a plain scalar is declined with its place and a count (was: invalid YAML)', async () => {
    const page = '---\ntitle: ProPack 45\n---\n\nHi.\n';
    const out = await fix('- Pro', 'ProPack', 'site/a.md', page);
    expect(out.after).toBe(page);
    expect(out.stderr).toBe('onemessage: site/a.md:2:8: not fixed: "- Pro" cannot be written there safely; change it by hand\nonemessage: fixed nothing; 1 fix not applicable there (see above)\n');
    // The finding stays, and is no longer counted as fixable.
    expect(out.stdout).toBe('site/a.md\n  2:8  warning  Use "- Pro" instead of "ProPack".  term/use\n\n✖ 1 problem (0 errors, 1 warning) in 1 file\n');
  });

  it('front matter: in a double-quoted scalar the same replacement is written, escaped for YAML', async () => {
    const out = await fix('- "Pro"', 'ProPack', 'site/a.md', '---\ntitle: "ProPack 45"\n---\n\nHi.\n');
    expect(out.after).toBe('---\ntitle: "- \\"Pro\\" 45"\n---\n\nHi.\n');
  });

  it('HTML unquoted attribute: a two-word replacement keeps the whole alt text (was: truncated)', async () => {
    const out = await fix('Trail Pack', 'Trailpack', 'site/a.html', '<p><img alt=Trailpack src=x.png></p>\n');
    expect(out.after).toBe('<p><img alt=Trail&#32;Pack src=x.png></p>\n');
    expect(out.stderr).toBe('onemessage: fixed 1 problem in 1 file\n');
  });

  it('HTML unquoted attribute: "Trail Pack onerror=alert(1)" stays alt text, never an event handler (was: an onerror attribute)', async () => {
    const out = await fix('Trail Pack onerror=alert(1)', 'Trailpack', 'site/a.html', '<p><img alt=Trailpack src=x.png></p>\n');
    expect(out.after).toBe('<p><img alt=Trail&#32;Pack&#32;onerror&#61;alert(1) src=x.png></p>\n');
  });

  it("HTML quoted attribute: a ' or \" cannot close the quotes", async () => {
    const out = await fix(`x' onerror='alert(1)`, 'Trailpack', 'site/a.html', "<p><img alt='Trailpack'></p>\n");
    expect(out.after).toBe("<p><img alt='X&#39; onerror=&#39;alert(1)'></p>\n");
  });

  it('a replacement that would make a speaker turn in a script is declined, the rest of the file is fixed', async () => {
    const dir = tempRepo({
      'onemessage.yaml': 'version: 1\nchannels:\n  sales: ["sales/**"]\nterms:\n  - use: "Prospect: no"\n    not: ["ProPack"]\n  - use: TrailPack\n    not: ["Trail Pack"]\n',
      'sales/call.txt': 'Rep: The Trail Pack is light.\nProPack is made to order.\n',
    });
    const out = await runCli(['check', '--fix', '--as-of', '2026-11-23'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'sales/call.txt'), 'utf8')).toBe('Rep: The TrailPack is light.\nProPack is made to order.\n');
    expect(out.stderr).toBe(
      'onemessage: sales/call.txt:2:1: not fixed: "Prospect: no" would change the document\'s structure there; change it by hand\nonemessage: fixed 1 problem in 1 file; 1 fix not applicable there (see above)\n',
    );
  });

  it('a fix inside a speaker label renames the speaker only, and is applied (a list of "Open Source: Yes" lines was declined)', async () => {
    const out = await fix('open-source', 'open source', 'site/a.md', '- Open Source: Yes\n- Free: Yes\n\nOpen Source: Yes\n');
    expect(out.after).toBe('- Open-source: Yes\n- Free: Yes\n\nOpen-source: Yes\n');
    expect(out.stderr).toBe('onemessage: fixed 2 problems in 1 file\n');
  });

  it('--fix-dry-run shows only the fixes that keep the structure, and names the others', async () => {
    const dir = tempRepo({ 'onemessage.yaml': spec('- Pro', 'ProPack'), 'site/a.md': '---\ntitle: ProPack 45\n---\n\nThe ProPack.\n' });
    const out = await runCli(['check', '--fix-dry-run', '--as-of', '2026-11-23'], { cwd: dir });
    expect(out.stdout).toBe('--- a/site/a.md\n+++ b/site/a.md\n@@ -2,4 +2,4 @@\n title: ProPack 45\n ---\n \n-The ProPack.\n+The - Pro.\n');
    expect(out.stderr).toBe('onemessage: site/a.md:2:8: would not fix: "- Pro" cannot be written there safely; change it by hand\nonemessage: 1 fix not applicable there (see above)\n');
  });
});
