import { describe, expect, it } from 'vitest';
import { formatJunit, xmlSafe } from '../../src/report/junit.js';
import { validateJunit } from '../helpers/junit.js';
import { oddPath, sampleResult } from './sample.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(raw: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(raw)) throw new Error(`bare & in ${JSON.stringify(raw)}`);
  return raw.replace(/&(#\d+|\w+);/g, (_, name: string) => (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : entities[name]!));
}

/** A strict reader for the XML subset the reporter writes; throws on anything malformed. */
function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(body)) throw new Error('character illegal in XML 1.0');
  const root: XmlElement = { name: '#root', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      if (text.includes('>')) throw new Error('raw > in text');
      top.text += decode(text);
    } else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attrs!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        if (key! in attributes) throw new Error(`duplicate attribute ${key}`);
        attributes[key!] = decode(value!);
      }
      const element = { name: name!, attributes, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (consumed !== body.length || stack.length !== 1) throw new Error(`malformed at ${consumed}`);
  if (root.children.length !== 1) throw new Error('not one root element');
  return root.children[0]!;
}

describe('junit reporter', () => {
  const xml = formatJunit(sampleResult());
  const root = parseXml(xml);
  const suites = root.children.filter((child) => child.name === 'testsuite');
  const casesOf = (suite: XmlElement) => suite.children.filter((child) => child.name === 'testcase');

  it('is valid against the JUnit XML schema Jenkins uses, with and without git and a revision', async () => {
    expect(await validateJunit(xml)).toEqual({ valid: true, errors: [] });
    const full = formatJunit({ ...sampleResult(), git: { commit: 'c'.repeat(40), clean: false, changed: 1 }, spec: { ...sampleResult().spec, revision: '2026.2' } });
    expect(await validateJunit(full)).toEqual({ valid: true, errors: [] });
    // the check bites: an attribute the schema does not know is refused
    expect((await validateJunit(xml.replace('<testsuites ', '<testsuites skipped="0" '))).valid).toBe(false);
  });

  it('has a test suite per checked file and a test case per finding, as ESLint does', () => {
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({ name: 'onemessage: Acme Outdoor', tests: '9', failures: '6', errors: '0' });
    expect(suites.map((suite) => suite.attributes.name)).toEqual(sampleResult().files.map((file) => file.path));
    expect(suites.map((suite) => casesOf(suite).length)).toEqual([1, 1, 1, 1, 1, 2, 2]);
    expect(casesOf(suites[5]!).map((c) => c.attributes.name)).toEqual([
      'stock/promise at 4:30 in <img src=x onerror="window.__pwned=1"> (@SUM(A1))',
      'stock/lead-time at 6:5 in Shipping times (=HYPERLINK("http://x"))',
    ]);
    expect(suites[1]!.attributes).toEqual({
      name: oddPath,
      tests: '1',
      failures: '1',
      errors: '0',
      skipped: '0',
      time: '0',
      file: oddPath,
      package: 'onemessage.marketing',
    });
    // the class name is the path without its extension, so that servers splitting at dots keep it whole
    expect(casesOf(suites[1]!)[0]!.attributes.classname).toBe('site/blog/q3 sale, 100% off: été');
  });

  it('gives a clean file one passing case', () => {
    expect(casesOf(suites[4]!)).toEqual([{ name: 'testcase', attributes: { name: 'site/team.html', classname: 'site/team', time: '0' }, children: [], text: '' }]);
  });

  it('writes a failure per unsuppressed finding, with its message, rule, sentence and both sides labelled', () => {
    const failure = casesOf(suites[1]!)[0]!.children[0]!;
    expect(failure.attributes).toEqual({
      message: '"clinically tested" needs a citation in its paragraph <script>alert(1)</script>\n"><img src=x onerror=alert(1)>',
      type: 'claim/evidence',
    });
    expect(xml).toContain('message="&quot;clinically tested&quot; needs a citation in its paragraph &lt;script&gt;alert(1)&lt;/script&gt;&#10;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(casesOf(suites[3]!)[0]!.children[0]!.text).toBe(
      [
        'site/returns.md:5:12: error fact/mismatch: return-window is 30 days in the spec, but this says 60-day.',
        'excerpt: 60-day',
        'sentence: Enjoy hassle-free 60-day returns on every order.',
        'spec: fact return-window (onemessage.yaml:12)',
        'contradicts: sales/call-script.md:14:27 (sales): sales says 30 days "30 days"',
        'contradicts: support/zendesk-macros.json:9:41 (support, Returns: how to start one (360000111)): support says 30 days "30-day"',
      ].join('\n'),
    );
    expect(casesOf(suites[5]!)[0]!.children[0]!.text).toContain('\ncontext: support/macros.csv:4:5 (support, <img src=x onerror="window.__pwned=1"> (@SUM(A1))): the section is about TrailPack 45 "TP-45"');
  });

  it('skips a waived finding, saying who waived it and why', () => {
    const zendesk = casesOf(suites[6]!);
    expect(suites[6]!.attributes).toMatchObject({ tests: '2', failures: '1', skipped: '1' });
    expect(zendesk[1]!.children).toEqual([
      {
        name: 'skipped',
        attributes: { message: 'waived by exception: Legacy macros for orders placed before the policy change. (approved by J. Doe, Legal; until 2027-01-31)' },
        children: [],
        text: '',
      },
    ]);
  });

  it('carries the run on every suite: version, spec and hash, revision, as-of date and git state', () => {
    const full = parseXml(formatJunit({ ...sampleResult(), git: { commit: 'c'.repeat(40), clean: true, changed: 0 }, spec: { ...sampleResult().spec, revision: '2026.2' } }));
    const properties = full.children[0]!.children.find((child) => child.name === 'properties')!;
    expect(properties.children.map((p) => [p.attributes.name, p.attributes.value])).toEqual([
      ['onemessage.version', '0.1.0'],
      ['spec', 'onemessage.yaml'],
      ['spec.sha256', 'a'.repeat(64)],
      ['spec.revision', '2026.2'],
      ['asOf', '2026-05-04'],
      ['git.commit', 'c'.repeat(40)],
      ['git.clean', 'true'],
    ]);
  });

  it('strips terminal escapes and characters XML 1.0 cannot hold, and keeps carriage returns', () => {
    expect(casesOf(suites[5]!)[0]!.children[0]!.attributes.message).toBe('::error::TP-45 is made to order (6-8 weeks), 100% not "ships today": check, then say so');
    expect(casesOf(suites[5]!)[1]!.children[0]!.text).toContain('excerpt: +1 day\r\nor two');
    expect(xmlSafe('a\u0000b\u0008c\uFFFEd\uD800e\u{1F600}\u001b[1mf')).toBe('abcde\u{1F600}f');
  });

  it('adds a suite for a file that only a finding names', () => {
    const base = sampleResult();
    const expired = { ...base.findings[1]!, path: 'onemessage.yaml', ruleId: 'exception/expired', channel: undefined };
    const parsed = parseXml(formatJunit({ ...base, findings: [...base.findings, expired] }));
    const last = parsed.children.at(-1)!;
    expect(last.attributes).toMatchObject({ name: 'onemessage.yaml', file: 'onemessage.yaml', tests: '1', failures: '1' });
    expect(last.attributes).not.toHaveProperty('package');
  });

  it('writes the same bytes twice', () => {
    expect(formatJunit(sampleResult())).toBe(xml);
  });
});
