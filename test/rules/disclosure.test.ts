import { describe, expect, it } from 'vitest';
import { lintSnippet, ruleTester } from '../helpers/lint.js';

const SPEC = `disclosures:
  material-connection:
    when: ["affiliate link", "sponsored", "we were paid", "gifted"]
    include: ["#ad", "Paid partnership", "We earn a commission", "sponsored by"]
    within: paragraph
    before: true
    channels: [marketing]
  free-trial-terms:
    when: ["free trial"]
    include: ["cancel anytime", "renews automatically"]
    within: section
  price-terms:
    when: ["from $9"]
    include: ["billed annually"]
    within: sentence
  cookie-notice:
    when: ["we use cookies"]
    include: ["privacy policy"]
    within: document`;

ruleTester('disclosure/missing', {
  spec: SPEC,
  valid: [
    { name: 'the disclosure before the trigger in the paragraph', text: '#ad This trip was sponsored by Acme Outdoor, who sent me the tent.\n' },
    { name: 'a trigger that is part of a disclosure text', text: 'This post is sponsored by Acme Outdoor.\n' },
    { name: 'a negated trigger', text: 'This review is not sponsored: I bought the tent myself.\n' },
    { name: 'outside the disclosure\'s channels', channel: 'sales', text: 'Send them my affiliate link after the call.\n' },
    { name: 'the disclosure after the trigger is placement, not missing', text: 'Buy through my affiliate link and I earn a cut. #ad\n' },
    {
      name: 'section: the disclosure in a subsection of the trigger\'s section',
      text: '## Plans\n\nStart a free trial of Acme+ today.\n\n### Billing\n\nYour plan renews automatically each month.\n\n## Support\n\nWe answer within a day.\n',
    },
    { name: 'sentence: in the same sentence', text: 'Plans from $9 a month, billed annually. Cancel whenever you like.\n' },
    { name: 'document: anywhere', text: '# Welcome\n\nWe use cookies to remember your cart.\n\n## Legal\n\nRead our privacy policy.\n' },
  ],
  invalid: [
    {
      name: 'no disclosure',
      text: 'This trip was sponsored, thanks to Acme Outdoor, who sent me the tent.\n',
      errors: [{ line: 1, column: 15, endColumn: 24, message: '"sponsored" needs a material-connection disclosure ("#ad", "Paid partnership", "We earn a commission" or "sponsored by") in the same paragraph.' }],
    },
    {
      name: 'a disclosure in the next paragraph when the scope is the paragraph',
      text: 'Grab the tent through my affiliate link.\n\n#ad Paid partnership with Acme Outdoor.\n',
      errors: [{ line: 1, column: 26, message: /^"affiliate link" needs a material-connection disclosure/ }],
    },
    {
      name: 'section: the terms under the next heading of the same level',
      text: '## Plans\n\nStart a free trial of Acme+ today.\n\n## Billing\n\nYour plan renews automatically each month.\n',
      errors: [{ line: 3, column: 9, message: '"free trial" needs a free-trial-terms disclosure ("cancel anytime" or "renews automatically") in the same section.' }],
    },
    {
      name: 'section: a subsection does not reach up into its parent',
      text: '## Plans\n\nYour plan renews automatically each month.\n\n### Try it\n\nStart a free trial today.\n',
      errors: [{ line: 7, column: 9 }],
    },
    {
      name: 'sentence: in the next sentence',
      text: 'Plans from $9 a month. Billed annually.\n',
      errors: [{ line: 1, column: 7, message: '"from $9" needs a price-terms disclosure ("billed annually") in the same sentence.' }],
    },
    {
      name: 'document: nowhere',
      text: 'We use cookies to remember your cart.\n',
      errors: [{ line: 1, column: 1, message: '"We use cookies" needs a cookie-notice disclosure ("privacy policy") in the document.' }],
    },
    {
      name: 'each trigger',
      text: 'The stove was gifted to me, and we were paid for this post.\n',
      errors: [{ line: 1, column: 15 }, { line: 1, column: 33 }],
    },
  ],
});

ruleTester('disclosure/placement', {
  spec: SPEC,
  valid: [
    { name: 'the disclosure before the trigger', text: 'Paid partnership with Acme. Grab the tent through my affiliate link.\n' },
    { name: 'no disclosure at all is missing, not placement', text: 'Grab the tent through my affiliate link.\n' },
    { name: 'one before is enough when another comes after', text: '#ad Grab the tent through my affiliate link. #ad\n' },
    { name: 'after, where before is not required', text: 'Start a free trial today. Cancel anytime.\n' },
  ],
  invalid: [
    {
      name: 'the disclosure after the trigger',
      text: 'Grab the tent through my affiliate link and save 10%. #ad\n',
      errors: [{ line: 1, column: 26, endColumn: 40, message: 'The material-connection disclosure "#ad" comes after "affiliate link"; put it before.' }],
    },
    {
      name: 'buried at the end of a long paragraph',
      text: 'I took the Summit Tent up Mount Hood last weekend.\nIt was gifted by a friend at Acme, and it held up in sleet.\nIf you buy one, we earn a commission.\n',
      errors: [{ line: 2, column: 8, message: 'The material-connection disclosure "we earn a commission" comes after "gifted"; put it before.' }],
    },
  ],
});

describe('a document-wide disclosure, and endorsement framing', () => {
  const PACK = 'extends: [ftc-endorsements]';

  it('reports a missing document-wide disclosure once, with the other triggers as related locations', async () => {
    const findings = (await lintSnippet(PACK, 'Grab the tent through my affiliate link.\n\nThe stove is on my affiliate link too.\n\nAnd use my code TRAIL20.\n')).filter((f) => f.ruleId === 'disclosure/missing');
    expect(findings.map((f) => `${f.start.line}:${f.start.column} ${f.message}`)).toEqual([
      '1:26 "affiliate link" needs a material-connection disclosure ("#ad", "paid partnership", "sponsored by" or 16 more) in the document; so do 2 other triggers in this document.',
    ]);
    expect(findings[0]!.related.map((r) => `${r.start.line}:${r.start.column} ${r.message}`)).toEqual(['3:20 "affiliate link" needs it too', '5:5 "use my code" needs it too']);
  });

  it('takes a notice whose first sentence says what the links are as one disclosure', async () => {
    const text = 'Great tents ahead.\n\nSome links in this article may be affiliate links. We may receive a commission if you buy through them.\n';
    expect((await lintSnippet(PACK, text)).filter((f) => f.ruleId.startsWith('disclosure/'))).toEqual([]);
  });

  it('asks nothing of text about affiliate links that endorses nothing', async () => {
    const text = '# Tracking outbound links\n\nAffiliate links are tracked like any outbound link: add the class to the affiliate link and it shows in the report.\n';
    expect((await lintSnippet(PACK, text, { channel: 'support' })).filter((f) => f.ruleId.startsWith('disclosure/'))).toEqual([]);
  });
});
