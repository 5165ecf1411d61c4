/**
 * Inline directives through the real engine: every form in every format that can carry a
 * comment, a directive without a reason, unused and unknown-rule directives, and their interplay
 * with the spec's severity.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { CHANNELS, lintRepo } from '../helpers/lint.js';

const SPEC = `version: 1
${CHANNELS}claims:
  - id: best-in-industry
    says: ["best in the industry", "#1 rated"]
    status: forbidden
terms:
  - use: TrailPack
    not: ["Trail Pack"]
`;

async function lint(file: string, text: string, spec = SPEC): Promise<Finding[]> {
  return (await lintRepo({ 'onemessage.yaml': spec, [file]: text })).findings;
}

/** `line:col rule [suppressed: reason]` for each finding, in the run's order. */
function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.start.line}:${f.start.column} ${f.ruleId}${f.item ? `:${f.item.id}` : ''}${f.suppression ? ` [${f.suppression.kind}: ${f.suppression.reason} @${f.suppression.line}]` : ''}`);
}

describe('directives in Markdown', () => {
  it('disable-next-line covers the next line with text, across a blank line, and only the rules it names', async () => {
    const text = [
      '# The TrailPack 45',
      '',
      '<!-- onemessage-disable-next-line claim/forbidden -- quotes the Trail Weekly award, LEGAL-112 -->',
      '',
      'Trail Weekly called it the best in the industry, and the Trail Pack crowd agrees.',
      'Still the best in the industry.',
      '',
    ].join('\n');
    expect(summary(await lint('marketing/launch.md', text))).toEqual([
      '5:28 claim/forbidden:best-in-industry [directive: quotes the Trail Weekly award, LEGAL-112 @3]',
      '5:58 term/use:TrailPack',
      '6:11 claim/forbidden:best-in-industry',
    ]);
  });

  it('gives the waived finding the approver its reason names', async () => {
    const text = '<!-- onemessage-disable-next-line claim/forbidden -- quotes the award, approved by J. Doe, LEGAL-112 -->\nThe best in the industry.\n';
    const [finding] = await lint('marketing/award.md', text);
    expect(finding!.suppression).toEqual({
      kind: 'directive',
      reason: 'quotes the award, approved by J. Doe, LEGAL-112',
      approvedBy: 'J. Doe, LEGAL-112',
      path: 'marketing/award.md',
      line: 1,
    });
  });

  it('disable-line covers its own line; a rule:item selector only that item', async () => {
    const text = 'Our #1 rated pack, the best in the industry. <!-- onemessage-disable-line claim/forbidden:best-in-industry -- award quote -->\n';
    expect(summary(await lint('marketing/a.md', text))).toEqual([
      '1:5 claim/forbidden:best-in-industry [directive: award quote @1]',
      '1:24 claim/forbidden:best-in-industry [directive: award quote @1]',
    ]);
    const other = 'Our #1 rated pack. <!-- onemessage-disable-line claim/forbidden:fastest -- award quote -->\n';
    expect(summary(await lint('marketing/b.md', other))).toEqual(['1:5 claim/forbidden:best-in-industry', '1:20 directive/unused']);
  });

  it('disable ... enable covers the lines between; an unclosed disable runs to the end', async () => {
    const text = [
      '<!-- onemessage-disable term/use -- customer reviews are quoted verbatim -->',
      '> "My Trail Pack survived the Andes." — Dana',
      '<!-- onemessage-enable term/use -->',
      '',
      'Every Trail Pack ships with a rain cover.',
      '',
      '<!-- onemessage-disable -- legacy press quotes, approved by J. Doe -->',
      'Press: the best in the industry, and a Trail Pack for life.',
      '',
    ].join('\n');
    expect(summary(await lint('marketing/reviews.md', text))).toEqual([
      '2:7 term/use:TrailPack [directive: customer reviews are quoted verbatim @1]',
      '5:7 term/use:TrailPack',
      '8:12 claim/forbidden:best-in-industry [directive: legacy press quotes, approved by J. Doe @7]',
      '8:40 term/use:TrailPack [directive: legacy press quotes, approved by J. Doe @7]',
    ]);
  });

  it('enable with a rule takes back only that rule from a disable of every rule', async () => {
    const text = [
      '<!-- onemessage-disable -- archived newsletter, kept as sent -->',
      'The Trail Pack, the best in the industry.',
      '<!-- onemessage-enable claim/forbidden -->',
      'The Trail Pack, the best in the industry.',
      '',
    ].join('\n');
    expect(summary(await lint('marketing/archive.md', text))).toEqual([
      '2:5 term/use:TrailPack [directive: archived newsletter, kept as sent @1]',
      '2:21 claim/forbidden:best-in-industry [directive: archived newsletter, kept as sent @1]',
      '4:5 term/use:TrailPack [directive: archived newsletter, kept as sent @1]',
      '4:21 claim/forbidden:best-in-industry',
    ]);
  });
});

describe('directives in MDX, HTML and plain-text scripts', () => {
  it('MDX: {/* ... */} comments, next-line and same-line', async () => {
    const text = [
      'import { Hero } from "../components/Hero";',
      '',
      '{/* onemessage-disable-next-line claim/forbidden -- award quote, LEGAL-112 */}',
      '<Hero>The best in the industry</Hero>',
      '',
      'Meet the Trail Pack. {/* onemessage-disable-line term/use -- matches the 2019 print ad */}',
      '',
      '{/* onemessage-disable -- reprinted review, kept as published */}',
      '<Quote>The Trail Pack is #1 rated.</Quote>',
      '{/* onemessage-enable */}',
      '',
      'The Trail Pack is #1 rated.',
      '',
    ].join('\n');
    expect(summary(await lint('marketing/hero.mdx', text))).toEqual([
      '4:11 claim/forbidden:best-in-industry [directive: award quote, LEGAL-112 @3]',
      '6:10 term/use:TrailPack [directive: matches the 2019 print ad @6]',
      '9:12 term/use:TrailPack [directive: reprinted review, kept as published @8]',
      '9:26 claim/forbidden:best-in-industry [directive: reprinted review, kept as published @8]',
      '12:5 term/use:TrailPack',
      '12:19 claim/forbidden:best-in-industry',
    ]);
  });

  it('HTML: <!-- ... --> comments, next-line, same-line and blocks', async () => {
    const text = [
      '<!doctype html><html><body>',
      '<!-- onemessage-disable-next-line claim/forbidden -- award quote, LEGAL-112 -->',
      '<h1>The best in the industry</h1>',
      '<p>The Trail Pack 45. <!-- onemessage-disable-line term/use -- old SKU name on the spec sheet --></p>',
      '<!-- onemessage-disable -- reprinted press release -->',
      '<p>The Trail Pack is #1 rated, says Trail Weekly.</p>',
      '<!-- onemessage-enable -->',
      '<p>The Trail Pack is back.</p>',
      '</body></html>',
      '',
    ].join('\n');
    expect(summary(await lint('marketing/index.html', text))).toEqual([
      '3:9 claim/forbidden:best-in-industry [directive: award quote, LEGAL-112 @2]',
      '4:8 term/use:TrailPack [directive: old SKU name on the spec sheet @4]',
      '6:8 term/use:TrailPack [directive: reprinted press release @5]',
      '6:22 claim/forbidden:best-in-industry [directive: reprinted press release @5]',
      '8:8 term/use:TrailPack',
    ]);
  });

  it('a plain-text script: the directive words on a line of their own, bare or after # or //', async () => {
    const text = [
      'Rep: Thanks for calling Acme Outdoor.',
      '# onemessage-disable-next-line claim/forbidden -- quoting the award by name, approved in LEGAL-112',
      'Rep: Trail Weekly named it the best in the industry.',
      '// onemessage-disable term/use -- the caller uses the old name; the rep mirrors it',
      'Rep: Yes, the Trail Pack is the same bag.',
      'onemessage-enable',
      'Rep: The Trail Pack comes in two sizes.',
      'Rep: The Trail Pack is the one I carry. // onemessage-disable-line term/use -- the rep quotes the caller',
      '',
    ].join('\n');
    expect(summary(await lint('sales/call-script.txt', text))).toEqual([
      '3:32 claim/forbidden:best-in-industry [directive: quoting the award by name, approved in LEGAL-112 @2]',
      '5:15 term/use:TrailPack [directive: the caller uses the old name; the rep mirrors it @4]',
      '7:10 term/use:TrailPack',
      '8:10 term/use:TrailPack [directive: the rep quotes the caller @8]',
    ]);
  });

  it('a Zendesk macro: next-line means the next paragraph of the macro, though the macro is one JSON line', async () => {
    const macros = {
      macros: [
        {
          id: 101,
          title: 'Awards',
          active: true,
          actions: [
            {
              field: 'comment_value_html',
              value:
                '<p>Hi {{ticket.requester.first_name}},</p><!-- onemessage-disable-next-line claim/forbidden -- award quote, LEGAL-112 --><p>Trail Weekly called it the best in the industry.</p><p>Still the best in the industry.</p>' +
                '<p>Your Trail Pack is on its way. <!-- onemessage-disable-line term/use -- order confirmation quotes the SKU name --></p>' +
                '<!-- onemessage-disable -- reprinted press quote --><blockquote>#1 rated, says Trail Weekly</blockquote><!-- onemessage-enable --><p>#1 rated.</p>',
            },
          ],
        },
        {
          id: 102,
          title: 'Sizes',
          active: true,
          actions: [{ field: 'comment_value', value: 'Our Trail Pack comes in two sizes.\n\nAlso the best in the industry.' }],
        },
      ],
    };
    const findings = await lint('support/macros.json', `${JSON.stringify(macros, null, 2)}\n`);
    expect(findings.map((f) => `${f.documentId} ${f.ruleId} ${f.excerpt}${f.suppression ? ' [suppressed]' : ''}`)).toEqual([
      '101 claim/forbidden best in the industry [suppressed]',
      '101 claim/forbidden best in the industry',
      '101 term/use Trail Pack [suppressed]',
      '101 claim/forbidden #1 rated [suppressed]',
      '101 claim/forbidden #1 rated',
      '102 term/use Trail Pack',
      '102 claim/forbidden best in the industry',
    ]);
  });
});

describe('directive/reason and directive/unused', () => {
  it('a directive without a reason still suppresses, and is itself reported at the comment', async () => {
    const text = 'Intro.\n\n<!-- onemessage-disable-next-line claim/forbidden -->\nThe best in the industry.\n';
    const findings = await lint('marketing/a.md', text);
    expect(summary(findings)).toEqual(['3:1 directive/reason', '4:5 claim/forbidden:best-in-industry [directive: (no reason given) @3]']);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      message: 'This onemessage-disable-next-line directive gives no reason; write one after " -- " (e.g. "-- approved by legal, LEGAL-112").',
      end: { line: 3, column: 54 },
      excerpt: '<!-- onemessage-disable-next-line claim/forbidden -->',
    });
  });

  it('an empty reason after -- counts as none; enable needs no reason', async () => {
    const text = '<!-- onemessage-disable claim/forbidden -- -->\nThe best in the industry.\n<!-- onemessage-enable -->\n';
    expect(summary(await lint('marketing/a.md', text))).toEqual(['1:1 directive/reason', '2:5 claim/forbidden:best-in-industry [directive: (no reason given) @1]']);
  });

  it("the placeholder an editor's disable action writes counts as no reason, said as such", async () => {
    const text = 'Intro.\n\n<!-- onemessage-disable-next-line claim/forbidden -- <reason> -->\nThe best in the industry.\n';
    const findings = await lint('marketing/a.md', text);
    expect(summary(findings)).toEqual(['3:1 directive/reason', '4:5 claim/forbidden:best-in-industry [directive: (no reason given) @3]']);
    expect(findings[0]!.message).toBe('This onemessage-disable-next-line directive\'s reason is still the placeholder "<reason>"; replace it with why (e.g. "approved by legal, LEGAL-112").');
  });

  it('reports each named rule that suppressed nothing, and a directive for every rule that suppressed nothing', async () => {
    const text = [
      '<!-- onemessage-disable-next-line claim/forbidden, term/use -- legacy copy -->',
      'The Trail Pack 45 is here.',
      '',
      '<!-- onemessage-disable-line -- nothing to see -->',
      '',
    ].join('\n');
    const findings = (await lint('marketing/a.md', text)).filter((f) => f.ruleId === 'directive/unused');
    expect(findings.map((f) => `${f.start.line}:${f.start.column} ${f.severity} ${f.message}`)).toEqual([
      '1:1 warning Unused onemessage-disable-next-line directive: no claim/forbidden finding here to suppress.',
      '4:1 warning Unused onemessage-disable-line directive: no finding here to suppress.',
    ]);
  });

  it('names an unknown rule, with the closest known id', async () => {
    const text = '<!-- onemessage-disable-next-line claim/forbiden -- award quote -->\nThe best in the industry.\n';
    const findings = await lint('marketing/a.md', text);
    expect(findings.map((f) => `${f.start.line}:${f.start.column} ${f.ruleId} ${f.message}${f.suppression ? ' [suppressed]' : ''}`)).toEqual([
      '1:1 directive/unused Unknown rule "claim/forbiden" in this onemessage-disable-next-line directive (did you mean "claim/forbidden"?); it suppresses nothing.',
      '2:5 claim/forbidden "best in the industry" is a forbidden claim (best-in-industry).',
    ]);
  });

  it('a directive for a rule the spec turns off is not unused; both directive rules follow severity', async () => {
    const spec = `${SPEC}severity:\n  term/use: off\n  directive/reason: warning\n`;
    const text = '<!-- onemessage-disable-next-line term/use -->\nThe Trail Pack 45.\n';
    expect((await lint('marketing/a.md', text, spec)).map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['directive/reason warning']);
    const off = `${SPEC}severity:\n  directive/reason: off\n  directive/unused: off\n`;
    expect(summary(await lint('marketing/a.md', '<!-- onemessage-disable-line -->\nThe Trail Pack 45.\n', off))).toEqual(['2:5 term/use:TrailPack']);
  });

  it('suppresses the findings of corpus rules too, and never waives its own findings', async () => {
    const text = '<!-- onemessage-disable-next-line directive/unused -- try to hide -->\n<!-- onemessage-disable-line -->\n';
    expect(summary(await lint('marketing/a.md', text)).sort()).toEqual(['1:1 directive/unused', '2:1 directive/reason', '2:1 directive/unused']);
  });
});
