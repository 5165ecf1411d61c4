/**
 * Component props in MDX: the string props that hold copy are read at their exact place inside
 * the attribute; references, settings and identifiers are not; expressions are never guessed at;
 * `formats.mdx.props` names the props per component.
 */
import { describe, expect, it } from 'vitest';
import { isCopyProp, looksLikeProse, propField } from '../../src/formats/jsx-props.js';
import { mdx } from '../../src/formats/mdx.js';
import { CHANNELS, lintRepo } from '../helpers/lint.js';
import { lineCol, outline } from './helpers.js';

const SPEC = `version: 1\n${CHANNELS}facts:\n  trial:\n    value: 30 days\n    says: ["{value} trial", "{value} free trial"]\n`;

describe('which props of a component are copy by default', () => {
  it.each([
    ['headline', 'Start your 10-day trial', true],
    ['label', 'Revenue tracking', true],
    ['buttonText', 'subscribe', true],
    ['ctaLabel', 'Try it', true],
    ['productName', 'TrailPack 45', true],
    ['badge', 'New', true],
    ['badge', '30-day', true],
    ['title', 'pricing', true],
    ['aria-label', 'close', true],
    ['feature', 'ecommerce-revenue-tracking', false],
    ['plan', 'business', false],
    ['tier', 'business', false],
    ['tier', 'enterprise-plus', false],
    ['handler', 'onSubmitForm', false],
    ['env', 'API_KEY', false],
    ['link', 'https://example.com/register', false],
    ['href', 'Start now', false],
    ['heroImage', 'Sunset over the trail', false],
    ['wrapperClassName', 'flex gap-4', false],
    ['layout', 'Two columns', false],
    ['data-track', 'hero cta', false],
    ['onClick', 'Start now', false],
    ['to', '/pricing', false],
    ['file', 'hero.png', false],
    ['anything', './images/hero.png', false],
    ['anything', 'mailto:sales@example.com', false],
    ['anything', 'md:flex items-center', false],
    ['anything', 'block__title block__title--big', false],
    ['anything', '42', false],
    ['anything', '() => void', false],
    ['buttonText', 'https://example.com', false],
  ])('%s="%s": %s', (prop, value, copy) => {
    expect(isCopyProp(prop, value)).toBe(copy);
  });

  it('reads prose as prose and identifiers as identifiers', () => {
    expect(['No credit card needed', '30-day free trial', 'Subscribe', 'TrailPack', 'e-mail us today'].map(looksLikeProse)).toEqual([true, true, true, true, true]);
    expect(['primary', 'user-journeys', 'snake_case_id', 'camelCase', 'SCREAMING_CASE', 'www.example.com', 'a/b/c'].map(looksLikeProse)).toEqual([false, false, false, false, false, false, false]);
  });

  it('reads an HTML element written as JSX as HTML: title, aria-label, alt of images, meta descriptions', () => {
    const field = (element: string, prop: string, attributes: Record<string, string> = {}) =>
      propField({ element, prop, value: 'Some words', named: undefined, attribute: (name) => attributes[name] });
    expect([field('img', 'alt'), field('div', 'alt'), field('a', 'title'), field('button', 'aria-label'), field('p', 'headline')]).toEqual(['alt', undefined, 'title', 'aria-label', undefined]);
    expect(field('meta', 'content', { name: 'description' })).toBe('description');
    expect(field('meta', 'content', { name: 'viewport' })).toBeUndefined();
  });

  it('reads exactly the props the spec names for a component, and for the others those of "*"', () => {
    const named = { PricingHero: ['headline', 'plan'], '*': ['title'] };
    const field = (element: string, prop: string, value = 'Some words') => propField({ element, prop, value, named, attribute: () => undefined });
    expect([field('PricingHero', 'headline'), field('PricingHero', 'plan', 'business'), field('PricingHero', 'title'), field('Other', 'title'), field('Other', 'headline')]).toEqual([
      'headline',
      'plan',
      undefined,
      'title',
      undefined,
    ]);
  });
});

describe('component props in MDX', () => {
  const page = [
    "import PricingHero from '@site/src/components/PricingHero';",
    '',
    '<PricingHero',
    '  headline="Start your 10-day trial"',
    '  buttonLabel="Try it &amp; see"',
    '  plan="business"',
    '  subtitle={`A 10-day trial`}',
    '  link="https://example.com/10-day-trial"',
    '/>',
    '',
    'Every plan comes with a <Badge text="14-day free trial" />.',
    '',
  ].join('\n');

  it('reads the copy props as fields, at their exact place inside the attribute', () => {
    const [document] = mdx.read({ path: 'site/pricing.mdx', text: page, options: { markdownFields: [] } }).documents;
    expect(outline(document!)).toEqual([
      { kind: 'field', field: 'headline', text: 'Start your 10-day trial' },
      { kind: 'field', field: 'buttonLabel', text: 'Try it & see' },
      { kind: 'paragraph', text: 'Every plan comes with a .' },
      { kind: 'field', field: 'text', text: '14-day free trial' },
    ]);
  });

  it('gives findings at the exact line and column inside the attribute; expressions and the import give none', async () => {
    const result = await lintRepo({ 'onemessage.yaml': SPEC, 'marketing/pricing.mdx': page });
    const at = (needle: string) => lineCol(page, page.indexOf(needle));
    expect(result.findings.map((f) => `${f.start.line}:${f.start.column} ${f.ruleId} ${page.slice(f.start.offset, f.end.offset)}`)).toEqual([
      `${at('10-day trial"')} fact/mismatch 10-day`,
      `${at('14-day')} fact/mismatch 14-day`,
    ]);
    expect(at('10-day trial"')).toBe('4:24');
  });

  it('with formats.mdx.props, reads what the spec names and nothing else of that component', async () => {
    const spec = `${SPEC}formats:\n  mdx:\n    props:\n      PricingHero: [plan]\n      Badge: []\n`;
    const result = await lintRepo({ 'onemessage.yaml': spec, 'marketing/pricing.mdx': page.replace('plan="business"', 'plan="Pro, with a 7-day trial"') });
    expect(result.findings.map((f) => `${f.start.line}:${f.start.column} ${f.excerpt}`)).toEqual(['6:21 7-day']);
  });
});
