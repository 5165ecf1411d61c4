import { describe, expect, it } from 'vitest';
import { formatJunit, xmlSafe } from '../../src/report/junit.js';
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
  const suite = root.children[0]!;
  const cases = suite.children.filter((child) => child.name === 'testcase');

  it('is well-formed: one suite, a test case per checked file, clean ones too', () => {
    expect(root.name).toBe('testsuites');
    expect(suite.attributes).toEqual({
      name: 'onemessage: Acme Outdoor',
      tests: '7',
      failures: '5',
      errors: '0',
      skipped: '0',
      timestamp: '2026-05-04T09:30:00.000Z',
    });
    expect(cases.map((c) => c.attributes.name)).toEqual(sampleResult().files.map((file) => file.path));
    expect(cases.map((c) => c.children.filter((child) => child.name === 'failure').length)).toEqual([0, 1, 1, 1, 0, 2, 1]);
    expect(cases[1]!.attributes).toEqual({ name: oddPath, classname: 'onemessage.marketing', file: oddPath });
  });

  it('writes a failure per unsuppressed finding, with the message and rule as attributes', () => {
    const failure = cases[1]!.children[0]!;
    expect(failure.attributes).toEqual({
      message: '"clinically tested" needs a citation in its paragraph <script>alert(1)</script>\n"><img src=x onerror=alert(1)>',
      type: 'claim/evidence',
    });
    expect(xml).toContain('message="&quot;clinically tested&quot; needs a citation in its paragraph &lt;script&gt;alert(1)&lt;/script&gt;&#10;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(cases[3]!.children[0]!.text).toBe(
      [
        'site/returns.md:5:12: error fact/mismatch: return-window is 30 days in the spec, but this says 60-day.',
        'excerpt: 60-day',
        'spec: fact return-window (onemessage.yaml:12)',
        'also: sales/call-script.md:14:27 (sales): sales says 30 days "30 days"',
        'also: support/zendesk-macros.json:9:41 (support, Returns: how to start one (360000111)): support says 30 days "30-day"',
      ].join('\n'),
    );
  });

  it('keeps waived findings out of the failures and notes them in system-out', () => {
    const zendesk = cases[6]!;
    expect(zendesk.children.map((child) => child.name)).toEqual(['failure', 'system-out']);
    expect(zendesk.children[1]!.text).toBe(
      'suppressed fact/mismatch at 14:33: return-window is 30 days in the spec, but this says 14-day.\n' +
        '  waived: Legacy macros for orders placed before the policy change. (approved by J. Doe, Legal; until 2027-01-31)',
    );
  });

  it('strips terminal escapes and characters XML 1.0 cannot hold, and keeps carriage returns', () => {
    expect(cases[5]!.children[0]!.attributes.message).toBe('::error::TP-45 is made to order (6-8 weeks), 100% not "ships today": check, then say so');
    expect(cases[5]!.children[1]!.text).toContain('excerpt: +1 day\r\nor two');
    expect(xmlSafe('a\u0000b\u0008c\uFFFEd\uD800e\u{1F600}\u001b[1mf')).toBe('abcde\u{1F600}f');
  });

  it('adds a test case for a file that only a finding names', () => {
    const base = sampleResult();
    const expired = { ...base.findings[1]!, path: 'onemessage.yaml', ruleId: 'exception/expired', channel: undefined };
    const parsed = parseXml(formatJunit({ ...base, findings: [...base.findings, expired] }));
    const last = parsed.children[0]!.children.at(-1)!;
    expect(last.attributes).toEqual({ name: 'onemessage.yaml', classname: 'onemessage.(none)', file: 'onemessage.yaml' });
  });

  it('writes the same bytes twice', () => {
    expect(formatJunit(sampleResult())).toBe(xml);
  });
});
