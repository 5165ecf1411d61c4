import { describe, expect, it } from 'vitest';
import { lintRepo, ruleTester, CHANNELS } from '../helpers/lint.js';

const SPEC = `facts:
  return-window:
    value: 30 days
    says:
      - "{value} return"
      - "{value} money-back guarantee"
      - "return (it|them|your order)? within {value}"
  free-shipping-minimum:
    value: $50
    says: ["free shipping on orders (over|above) {value}"]`;

ruleTester('fact/mismatch', {
  spec: SPEC,
  valid: [
    { name: 'the same value in digits', text: 'Enjoy 30-day returns on every order.\n' },
    { name: 'the same value in words', text: 'You can return it within thirty days.\n' },
    { name: 'money written with cents', text: 'Free shipping on orders over $50.00.\n' },
    { name: 'money written in words', text: 'Free shipping on orders above 50 dollars.\n' },
    { name: 'negated', text: "We don't offer 60-day returns.\n" },
    { name: '130-day is not 30-day and not this fact unless phrased so', text: 'Our 130-day trial starts today.\n' },
    { name: 'in a code block', text: '```\n60-day returns\n```\n' },
  ],
  invalid: [
    {
      name: 'a different number of days',
      text: 'Changed your mind? Enjoy hassle-free 60-day returns.\n',
      errors: [{ line: 1, column: 38, endColumn: 44, message: '"60-day returns" states return-window as 60-day, but the spec says 30 days.' }],
    },
    {
      name: '1 month is not 30 days, and the message shows both as written',
      text: 'You can return your order within a month.\n',
      errors: [{ line: 1, column: 34, endColumn: 41, message: '"return your order within a month" states return-window as a month, but the spec says 30 days.' }],
    },
    {
      name: 'a different amount of money, over a line break and through markup',
      text: 'Free shipping on orders\nover **$75**.\n',
      errors: [{ line: 2, column: 8, endLine: 2, endColumn: 11, message: '"Free shipping on orders over $75" states free-shipping-minimum as $75, but the spec says $50.' }],
    },
  ],
});

describe('fact/mismatch across channels', () => {
  it('three channels state one fact three ways: both sides of each contradiction, exact positions', async () => {
    const result = await lintRepo({
      'onemessage.yaml': `version: 1\n${CHANNELS}${SPEC}\n`,
      'marketing/returns.md': '# Returns\n\nShop with confidence: 30-day returns on everything.\n',
      'sales/script.md': '**Rep:** No risk at all, you can return it within a month.\n',
      'support/macro.md': 'Hi there,\n\nYou can return your order within 14 days of delivery.\n',
    });
    const findings = result.findings.filter((f) => f.ruleId === 'fact/mismatch');
    expect(
      findings.map((f) => ({
        at: `${f.path}:${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column}`,
        excerpt: f.excerpt,
        channel: f.channel,
        spec: `${f.item?.file}:${f.item?.line}:${f.item?.column}`,
        related: f.related.map((r) => `${r.channel} ${r.path}:${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column} ${r.excerpt}`),
      })),
    ).toEqual([
      {
        at: 'sales/script.md:1:51-1:58',
        excerpt: 'a month',
        channel: 'sales',
        spec: 'onemessage.yaml:8:12',
        related: ['marketing marketing/returns.md:3:23-3:29 30-day'],
      },
      {
        at: 'support/macro.md:3:34-3:41',
        excerpt: '14 days',
        channel: 'support',
        spec: 'onemessage.yaml:8:12',
        related: ['marketing marketing/returns.md:3:23-3:29 30-day'],
      },
    ]);
  });
});
