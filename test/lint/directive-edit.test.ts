/**
 * The editor's "disable" action: for a finding, the directive it would insert, in the format's
 * comment syntax, where the reader then waives that finding without changing the visible text;
 * and a clear refusal where no comment can go (a macro export, front matter).
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { planDirective, type DirectivePlan } from '../../src/lint/directive-edit.js';
import { createSession } from '../../src/session.js';
import { CHANNELS, VIRTUAL_ROOT } from '../helpers/lint.js';

const SPEC = `version: 1\n${CHANNELS}claims:\n  - id: best-in-industry\n    says: ["best in the industry"]\n    status: forbidden\nterms:\n  - use: sign in\n    not: ["login to"]\n`;

async function plan(file: string, text: string, pick: (finding: Finding) => boolean = () => true): Promise<{ plan: DirectivePlan; after?: Finding[] }> {
  const session = createSession({ specText: SPEC, cwd: VIRTUAL_ROOT, asOf: '2026-11-23' });
  const { findings } = await session.lintText(file, text);
  const finding = findings.find(pick);
  if (!finding) throw new Error(`no finding in ${file}: ${JSON.stringify(findings.map((f) => f.ruleId))}`);
  const result = planDirective({ path: file, text, finding, rules: session.context.rules, formatOptions: session.context.formatOptions });
  if (!('insert' in result)) return { plan: result };
  const { at, text: inserted } = result.insert;
  const after = (await session.lintText(file, text.slice(0, at) + inserted + text.slice(at))).findings;
  return { plan: result, after };
}

/** The findings after the insert, as `rule [suppressed]`. */
const summary = (findings: Finding[] = []) => findings.map((f) => `${f.ruleId}${f.suppression ? ' [suppressed]' : ''}`).sort();

describe('planDirective', () => {
  it('writes disable-line at the end of a Markdown line, with the rule and item and a reason placeholder; the reason is then asked for', async () => {
    const { plan: result, after } = await plan('marketing/a.md', '# Packs\n\nRated the best in the industry.  \nBy everyone.\n');
    expect(result).toEqual({ insert: { kind: 'disable-line', at: 40, text: ' <!-- onemessage-disable-line claim/forbidden:best-in-industry -- <reason> -->' } });
    expect(summary(after)).toEqual(['claim/forbidden [suppressed]', 'directive/reason']);
  });

  it('names the rule alone when the item id holds a space', async () => {
    const { plan: result } = await plan('support/a.md', 'Please login to your account.\n');
    expect(result).toMatchObject({ insert: { text: ' <!-- onemessage-disable-line term/use -- <reason> -->' } });
  });

  it('uses each format’s comment: MDX, HTML and plain-text scripts', async () => {
    const mdx = await plan('marketing/a.mdx', '<Hero>Big news</Hero>\n\nRated the best in the industry.\n');
    expect(mdx.plan).toMatchObject({ insert: { kind: 'disable-line', text: ' {/* onemessage-disable-line claim/forbidden:best-in-industry -- <reason> */}' } });
    expect(summary(mdx.after)).toEqual(['claim/forbidden [suppressed]', 'directive/reason']);

    const html = await plan('marketing/a.html', '<html><body>\n  <p>Rated the best in the industry.</p>\n</body></html>\n');
    expect(html.plan).toMatchObject({ insert: { kind: 'disable-line', at: 53 } });
    expect(summary(html.after)).toEqual(['claim/forbidden [suppressed]', 'directive/reason']);

    const script = await plan('sales/call.txt', 'Rep: Thanks for calling.\nRep: We are the best in the industry.\r\n');
    expect(script.plan).toMatchObject({ insert: { kind: 'disable-line', text: ' # onemessage-disable-line claim/forbidden:best-in-industry -- <reason>' } });
    expect(summary(script.after)).toEqual(['claim/forbidden [suppressed]', 'directive/reason']);
  });

  it('goes on a line of its own, indented alike, when the end of the line cannot hold it (a backslash line break)', async () => {
    const text = 'Intro.\r\n\r\n  Rated the best in the industry\\\r\n  by everyone.\r\n';
    const { plan: result, after } = await plan('marketing/a.md', text);
    expect(result).toEqual({ insert: { kind: 'disable-next-line', at: 10, text: '  <!-- onemessage-disable-next-line claim/forbidden:best-in-industry -- <reason> -->\r\n' } });
    expect(summary(after)).toEqual(['claim/forbidden [suppressed]', 'directive/reason']);
  });

  it('refuses front matter, where a comment would change the field', async () => {
    const { plan: result } = await plan('marketing/a.md', '---\ntitle: The best in the industry\n---\n\nHello.\n');
    expect(result).toEqual({ unavailable: "an inline directive cannot be placed here without changing the text: waive this finding with an entry in the spec's exceptions" });
  });

  it('says a macro export cannot hold a comment, rather than write one into its JSON', async () => {
    const zendesk = JSON.stringify({ macros: [{ id: 1, title: 'Hi', active: true, actions: [{ field: 'comment_value', value: 'We are the best in the industry.' }] }] }, null, 2);
    const { plan: result } = await plan('support/zendesk.json', zendesk);
    expect(result).toEqual({ unavailable: "a zendesk file cannot hold a comment: waive this finding with an entry in the spec's exceptions" });
  });

  it('offers nothing for a finding about a directive itself', async () => {
    const { plan: result } = await plan('marketing/a.md', '<!-- onemessage-disable-next-line claim/forbidden -->\nHello.\n', (f) => f.ruleId === 'directive/reason');
    expect(result).toEqual({ unavailable: 'a directive/reason finding cannot be waived by an inline directive' });
  });
});
