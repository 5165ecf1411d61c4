/**
 * Claims judged in context: each false alarm real copy raised, written for the tests in the same
 * shape (never copied), must stay silent, and the claims about the offer must still be found.
 */
import { describe, expect, it } from 'vitest';
import { lintSnippet } from '../helpers/lint.js';

/** The claim findings of a document, as `line:column rule quote`. */
async function claims(spec: string, text: string): Promise<string[]> {
  return (await lintSnippet(spec, text))
    .filter((f) => f.ruleId.startsWith('claim/'))
    .map((f) => `${f.start.line}:${f.start.column} ${f.ruleId} ${f.excerpt}`);
}

const BEST = 'claims:\n  - id: best\n    says: ["best", "fastest", "ideal for", "on time"]\n    status: forbidden';
const PACKS = 'brand: Acme\nextends: [absolute-claims, ftc-endorsements]';

describe('word sense: not the claim', () => {
  it.each([
    ['an idiom: best practices', 'Read our best practices for onboarding new teams.\n'],
    ['an idiom: works best', 'The importer works best when the file is under 10 MB.\n'],
    ['an idiom: short on time', 'If you are short on time, skip ahead to the summary.\n'],
    ['an idiom: done our best', "We've done our very best to keep billing predictable.\n"],
    ['a superlative that is an adverb', 'The report lists the pages that grew fastest last week.\n'],
    ['a superlative after an object pronoun', 'Pick the plan that suits you best.\n'],
    ['a question', 'Which plan is best for small teams?\n'],
    ['a quotation of someone else', 'Our users keep telling us that it is “the best tool they have tried”.\n'],
    ['a table label', '| Plan | Ideal for |\n| --- | --- |\n| Team | growing companies |\n'],
    ['a superlative about a process', 'The fastest way to install the agent is with npm.\n'],
  ])('%s', async (_name, text) => {
    expect(await claims(BEST, text)).toEqual([]);
  });

  it('a claim phrase that holds its own rank word is no list number: "#1 rated." alone is the claim', async () => {
    const spec = 'claims:\n  - id: rated\n    says: ["#1 rated"]\n    status: forbidden';
    expect(await claims(spec, '#1 rated.\n')).toEqual(['1:1 claim/forbidden #1 rated']);
  });

  it('an item\'s own unless phrases, for the idioms of its field', async () => {
    const spec = 'claims:\n  - id: cure\n    says: ["cure"]\n    unless: ["cure time", "(fully )?cured (concrete|epoxy)"]\n    status: forbidden';
    expect(await claims(spec, 'Allow a cure time of 24 hours before sanding.\n')).toEqual([]);
    expect(await claims(spec, 'Our balm is a cure for dry skin.\n')).toEqual(['1:15 claim/forbidden cure']);
  });

  it('a technical "guarantees that", whose subject is a thing', async () => {
    const spec = 'claims:\n  - id: guarantee\n    says: ["guarantees"]\n    status: forbidden';
    expect(await claims(spec, 'This guarantees that ids are unique across shards.\n')).toEqual([]);
    expect(await claims(spec, 'Acme guarantees that every order ships the same day.\n')).toEqual(['1:6 claim/forbidden guarantees']);
  });
});

describe('the packs on real shapes', () => {
  it.each([
    ['a numbered heading before an instruction', '## #1 Configure the proxy\n\nSet the address first.\n'],
    ['a reference number', 'This was fixed in issue #1 last spring.\n'],
    ['a list of tips', 'The #1 mistake teams make is skipping the setup guide.\n'],
    ['the quickest way to', 'The quickest way to get started is the hosted version.\n'],
    ['the most popular pages, not the offer', 'Open the report to see the most popular pages on your site.\n'],
    ['a negated superlative', 'We do not claim to be the fastest search engine.\n'],
  ])('silent: %s', async (_name, text) => {
    expect(await claims(PACKS, text)).toEqual([]);
  });

  it('finds a bare superlative about the company\'s product', async () => {
    expect(await claims(PACKS, 'Meet Acme, the quickest open-source search engine for your docs.\n')).toEqual(['1:12 claim/evidence the quickest']);
    expect(await claims(PACKS, 'We built the quickest open-source search engine for your docs.\n')).toEqual(['1:10 claim/evidence the quickest']);
    expect(await claims(PACKS, 'This is our most trusted platform for regulated teams.\n')).toEqual(['1:9 claim/evidence our most trusted']);
    expect(await claims(PACKS, 'It is simply the fastest Acme yet.\n')).toEqual(['1:14 claim/evidence the fastest']);
  });

  it('leaves a superlative about another company\'s product to its sentence: no we, no brand, no claim', async () => {
    expect(await claims(PACKS, 'Budgetly is the best budgeting app for couples.\n')).toEqual([]);
  });

  it('still finds a rank about the offer', async () => {
    expect(await claims(PACKS, 'Acme is the #1 analytics tool for startups.\n')).toEqual(['1:13 claim/evidence #1']);
    // a word before a comma does not number the rank, as "month #1" would
    expect(await claims(PACKS, 'Best for renters: Acme Home, $9/month, #1 satisfaction rating\n')).toEqual(['1:40 claim/evidence #1']);
  });

  it('finds a superlative the company says it delivers, through "we are proud to"', async () => {
    expect(await claims(PACKS, "We are proud to deliver the world's best platform for reliable search.\n")).toEqual(["1:29 claim/evidence world's best"]);
    expect(await claims(PACKS, "We help teams deliver the world's best support to their users.\n")).toEqual([]);
  });

  it('reports "best in the industry" once, under its own item', async () => {
    expect(await claims(PACKS, 'Acme offers the best in the industry.\n')).toEqual(['1:17 claim/evidence best in the industry']);
  });
});
