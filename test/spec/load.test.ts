import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/model/diagnostic.js';
import { SpecLoadError } from '../../src/spec/errors.js';
import { loadSpec } from '../../src/spec/load.js';
import { BUILTIN_PROMISES_FILE } from '../../src/spec/parse.js';
import { errorsOf, load, RULE_IDS, specErrors, workspace } from './helpers.js';

const example = readFileSync(new URL('../../fixtures/specs/spec-v1-example.yaml', import.meta.url), 'utf8');
const ftcPack = 'version: 1\nclaims:\n  - id: paid-review\n    says: ["paid review"]\n    status: forbidden\n';

describe('loading the spec-v1 example', () => {
  const dir = workspace({ 'onemessage.yaml': example, 'packs/ftc-endorsements.yaml': ftcPack });
  const { spec, warnings } = load(dir);
  const at = (line: number, column: number) => ({ file: 'onemessage.yaml', line, column });

  it('keeps the channels in written order with their globs', () => {
    expect(spec.channels.map((c) => [c.name, c.globs, c.pos.line])).toEqual([
      ['marketing', ['site/**'], 7],
      ['sales', ['sales/**'], 8],
      ['support', ['support/**'], 9],
    ]);
  });

  it('reads the file and its identity', () => {
    expect(spec.path).toBe('onemessage.yaml');
    expect(spec.dir).toBe(dir);
    expect(spec.version).toBe(1);
    expect(spec.brand).toBe('Acme Outdoor');
    expect(spec.extends).toEqual(['ftc-endorsements']);
    expect(spec.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the owner and the revision, which must be quoted so that YAML keeps it as written', () => {
    const { spec: read } = load(workspace({ 'onemessage.yaml': 'version: 1\nowner: Brand team (brand@acme.example)\nrevision: "2026.10"\n' }));
    expect([read.owner, read.revision]).toEqual(['Brand team (brand@acme.example)', '2026.10']);
    expect(specErrors('version: 1\nowner: ""\nrevision: 2026.10\n')).toEqual([
      'onemessage.yaml:2:8: expected a non-empty string at owner, found ""',
      'onemessage.yaml:3:11: expected a string at revision, found a number (2026.1)',
    ]);
  });

  it('gives each phrase its own position', () => {
    const returnWindow = spec.facts.find((f) => f.id === 'return-window')!;
    expect(returnWindow.value).toBe('30 days');
    expect(returnWindow.pos).toEqual(at(14, 3));
    expect(returnWindow.valuePos).toEqual(at(15, 12));
    expect(returnWindow.says.map((p) => [p.source, p.pos.line, p.pos.column])).toEqual([
      ['{value} return', 17, 9],
      ['{value} money-back guarantee', 18, 9],
      ['return (it|them|your order)? within {value}', 19, 9],
    ]);
    expect(spec.facts.find((f) => f.id === 'annual-discount')!.value).toBeUndefined();
  });

  it('puts pack items first, then the spec own, with the pack position', () => {
    expect(spec.claims.map((c) => c.id)).toEqual(['paid-review', 'best-in-industry', 'lifetime-warranty', 'clinically-tested', 'waterproof', 'black-friday-40']);
    expect(spec.claims[0]!.pos).toEqual({ file: 'pack:ftc-endorsements', line: 3, column: 5 });
  });

  it('normalises claims', () => {
    const best = spec.claims.find((c) => c.id === 'best-in-industry')!;
    expect(best).toMatchObject({ status: 'forbidden', suggest: 'highly rated by our customers', fix: false, requires: [], pos: at(28, 5) });
    expect(best.says[1]).toMatchObject({ source: '#1 rated', isRegex: false, pos: at(29, 36) });
    expect(spec.claims.find((c) => c.id === 'lifetime-warranty')!.channels).toEqual(['marketing', 'sales']);
    expect(spec.claims.find((c) => c.id === 'waterproof')!.requires).toEqual(['ip-rating']);
    expect(spec.claims.find((c) => c.id === 'black-friday-40')!.valid).toEqual({ from: '2026-11-27', until: '2026-11-30' });
  });

  it('normalises products, disclosures and terms', () => {
    expect(spec.products.map((p) => [p.id, p.stock, p.leadTime])).toEqual([
      ['trailpack-45', 'made-to-order', '6-8 weeks'],
      ['summit-tent', 'in-stock', undefined],
    ]);
    const connection = spec.disclosures.find((d) => d.id === 'material-connection')!;
    expect(connection).toMatchObject({ within: 'paragraph', before: true, channels: ['marketing'] });
    expect(connection.include.map((p) => p.source)).toEqual(['#ad', 'Paid partnership', 'We earn a commission']);
    const trial = spec.disclosures.find((d) => d.id === 'free-trial-terms')!;
    expect([trial.within, trial.before, trial.channels]).toEqual(['section', false, undefined]);
    expect(spec.disclosures.find((d) => d.id === 'ip-rating')!.when).toEqual([]);
    expect(spec.terms.map((t) => [t.id, t.not.length, t.channels])).toEqual([
      ['TrailPack', 3, undefined],
      ['sign in', 2, ['support']],
    ]);
  });

  it('reads the remaining sections', () => {
    expect(spec.promises.fromSpec).toBe(true);
    expect(spec.promises.immediate.map((p) => p.source)).toContain('minimal lead time');
    expect(spec.speakers.ignore).toEqual(['Prospect', 'Customer', 'Caller']);
    expect(spec.severity).toEqual({ 'term/use': 'warning', 'claim/evidence': 'error' });
    expect(spec.ignore).toEqual(['site/legacy/**', '**/drafts/**']);
    expect(spec.formats).toEqual({ csv: { title: 'Name', text: 'Body' }, markdown: { fields: ['title', 'description', 'summary'] } });
    expect(spec.exceptions).toEqual([
      {
        files: 'support/**', rule: 'fact/mismatch', item: 'return-window',
        reason: 'Legacy macros for orders placed before the policy change.', approvedBy: 'J. Doe, Legal', until: '2027-01-31', pos: at(98, 5),
        // the offset and text of line 98, where exception/expired points
        at: { offset: 4146, lineText: '- files: "support/**"' },
      },
    ]);
  });

  it('has nothing suspicious to warn about', () => {
    expect(warnings).toEqual([]);
  });
});

describe('defaults', () => {
  it('fills what a minimal spec leaves out, and uses the built-in promise vocabulary', () => {
    const { spec } = load(workspace({ 'onemessage.yaml': 'version: 1\n' }));
    expect(spec).toMatchObject({ extends: [], channels: [], facts: [], claims: [], speakers: { ignore: [] }, severity: {}, ignore: [], formats: { markdown: { fields: [] } }, exceptions: [] });
    expect(spec.promises.fromSpec).toBe(false);
    expect(spec.promises.immediate[0]).toMatchObject({ source: 'in stock', isRegex: false, pos: { file: BUILTIN_PROMISES_FILE, line: 1, column: 1 } });
  });

  it('accepts a single glob for a channel, and a number as a fact value', () => {
    const { spec } = load(workspace({ 'onemessage.yaml': 'version: 1\nchannels:\n  blog: "blog/**"\nfacts:\n  seats:\n    value: 5\n    says: ["{value} seats"]\n' }));
    expect(spec.channels[0]!.globs).toEqual(['blog/**']);
    expect(spec.facts[0]!.value).toBe('5');
  });

  it('names files relative to cwd with / separators', () => {
    const dir = workspace({ 'config/onemessage.yaml': 'version: 1\nbrand: [x]\n' });
    expect(() => loadSpec({ specPath: 'config/onemessage.yaml', cwd: dir, knownRuleIds: RULE_IDS, packDirs: [] })).toThrow(
      'config/onemessage.yaml:2:8: expected a string at brand, found a list',
    );
  });
});

describe('YAML errors', () => {
  it('reports bad YAML at its line and column', () => {
    expect(specErrors('version: 1\nclaims:\n  - id: a\n    says: ["x"\n    status: forbidden\n')).toEqual([
      'onemessage.yaml:5:5: bad YAML: flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports a tab used for indentation', () => {
    expect(specErrors('version: 1\nfacts:\n\tf: {says: ["{value} x"]}\n')).toEqual([
      'onemessage.yaml:3:1: bad YAML: a tab is used for indentation; indent with spaces',
    ]);
  });

  it('reports a duplicate key at the second one, naming the first', () => {
    expect(specErrors('version: 1\nfacts:\n  a:\n    says: ["{value} x"]\n  a:\n    says: ["{value} y"]\n')).toEqual([
      'onemessage.yaml:5:3: duplicate key "a"; it is already set on line 3',
    ]);
  });

  it('refuses a second YAML document', () => {
    expect(specErrors('version: 1\n---\nversion: 1\n')).toEqual(['onemessage.yaml:2:1: bad YAML: a spec is one YAML document, but a second one starts here']);
  });

  it('refuses an alias bomb before expanding it', () => {
    const lines = ['version: 1', 'ignore: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const prev = `*${names[i - 1]}`;
      lines.push(`x${i}: &${names[i]} [${Array(9).fill(prev).join(', ')}]`);
    }
    // Expanded, this would be 9^9 (387 million) strings: returning at all, with this error, shows
    // the loader refused before expanding.
    expect(specErrors(lines.join('\n') + '\n')).toEqual([
      'onemessage.yaml:3:9: bad YAML: aliases (*name) expand to more than 100 copies; write the values out instead',
    ]);
  });

  it('names an unreadable spec', () => {
    const dir = workspace({});
    expect(() => load(dir)).toThrow('onemessage.yaml: cannot read the spec: no such file');
  });

  it('throws SpecLoadError carrying every error', () => {
    try {
      load(workspace({ 'onemessage.yaml': 'version: 1\nbrand: 1\nignore: 2\n' }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SpecLoadError);
      expect((error as SpecLoadError).diagnostics).toHaveLength(2);
      expect((error as SpecLoadError).message).toBe(
        'onemessage.yaml:2:8: expected a string at brand, found a number (1)\nonemessage.yaml:3:9: expected a list of strings at ignore, found a number (2)',
      );
    }
  });
});

describe('schema errors', () => {
  it('reports an unknown top-level key with a hint', () => {
    expect(specErrors('version: 1\nclams: []\n')).toEqual(['onemessage.yaml:2:1: unknown key "clams" in the spec; did you mean "claims"?']);
  });

  it('reports an unknown nested key with a hint', () => {
    expect(specErrors('version: 1\nproducts:\n  tp:\n    names: ["TP"]\n    stock: made-to-order\n    leadtime: 6-8 weeks\n')).toEqual([
      'onemessage.yaml:6:5: unknown key "leadtime" in products.tp; did you mean "lead-time"?',
    ]);
  });

  it('gives no hint for an unknown key like nothing known', () => {
    expect(specErrors('version: 1\nwhatever: 1\n')).toEqual(['onemessage.yaml:2:1: unknown key "whatever" in the spec']);
  });

  it('reports a wrong type with what was found', () => {
    expect(specErrors('version: 1\nclaims:\n  - id: a\n    says: 42\n    status: forbidden\n')).toEqual([
      'onemessage.yaml:4:11: expected a list of strings at claims[0].says, found a number (42)',
    ]);
    expect(specErrors('version: 1\ndisclosures:\n  d:\n    include: ["#ad"]\n    before: "yes"\n')).toEqual([
      'onemessage.yaml:5:13: expected true or false at disclosures.d.before, found "yes"',
    ]);
  });

  it('reports a bad enum value with a hint', () => {
    expect(specErrors('version: 1\nclaims:\n  - id: a\n    says: ["x"]\n    status: forbidden\n  - id: b\n    says: ["y"]\n    status: forbiden\n')).toEqual([
      'onemessage.yaml:8:13: expected one of forbidden, allowed, needs-evidence at claims[1].status, found "forbiden"; did you mean "forbidden"?',
    ]);
  });

  it('reports a missing required key at the item', () => {
    expect(specErrors('version: 1\nclaims:\n  - id: a\n    says: ["x"]\n    status: forbidden\n  - id: b\n    says: ["y"]\n    status: allowed\n    channels: [m]\n  - id: c\n    status: forbidden\n')).toEqual([
      'onemessage.yaml:10:5: missing required key "says" in claims[2]',
    ]);
    expect(specErrors('brand: Acme\n')).toEqual(['onemessage.yaml:1:1: missing required key "version" in the spec']);
  });

  it('does not echo "missing" for a misspelt required key', () => {
    expect(specErrors('version: 1\nclaims:\n  - id: a\n    sayz: ["x"]\n    status: forbidden\n')).toEqual([
      'onemessage.yaml:4:5: unknown key "sayz" in claims[0]; did you mean "says"?',
    ]);
  });

  it('reports an empty value at its key', () => {
    expect(specErrors('version: 1\nfacts:\n  f1:\n    says:\n')).toEqual(['onemessage.yaml:4:5: expected a list of strings at facts.f1.says, found nothing']);
  });

  it('reports empty lists and strings', () => {
    expect(specErrors('version: 1\nterms:\n  - use: TrailPack\n    not: []\n  - use: ""\n    not: ["x"]\n')).toEqual([
      'onemessage.yaml:4:10: expected at least one item in terms[0].not, found an empty list',
      'onemessage.yaml:5:10: expected a non-empty string at terms[1].use, found ""',
    ]);
  });

  it('reports a bad id key, a bad version, an empty spec', () => {
    expect(specErrors('version: 1\nfacts:\n  "return window":\n    says: ["{value} x"]\n')).toEqual([
      'onemessage.yaml:3:3: expected an id without spaces or commas as a key in facts, found "return window"',
    ]);
    expect(specErrors('version: 2\n')).toEqual(['onemessage.yaml:1:10: expected version: 1 (the only spec version), found a number (2)']);
    expect(specErrors('')).toEqual(['onemessage.yaml:1:1: expected a map of keys at the top of the spec (starting with version: 1), found nothing']);
  });

  it('reports a malformed date and a bad phrase object', () => {
    expect(specErrors('version: 1\nclaims:\n  - id: bf\n    says: [{regx: "a"}]\n    status: allowed\n    valid: { from: 27/11/2026 }\n')).toEqual([
      'onemessage.yaml:4:13: unknown key "regx" in claims[0].says[0]; did you mean "regex"?',
      'onemessage.yaml:6:20: expected a date written YYYY-MM-DD at claims[0].valid.from, found "27/11/2026"',
    ]);
  });

  it('reports all schema errors in source order', () => {
    expect(specErrors('version: 1\nseverity:\n  term/use: warn\nclams: []\nbrand: 3\n')).toEqual([
      'onemessage.yaml:3:13: expected one of error, warning, info, off at severity.term/use, found "warn"',
      'onemessage.yaml:4:1: unknown key "clams" in the spec; did you mean "claims"?',
      'onemessage.yaml:5:8: expected a string at brand, found a number (3)',
    ]);
  });
});

describe('semantic errors', () => {
  const claim = (extra: string) => `version: 1\nchannels:\n  marketing: ["site/**"]\n  sales: ["sales/**"]\nclaims:\n  - id: w\n    says: ["lifetime warranty"]\n    status: allowed\n${extra}`;

  it('reports an unknown channel with a hint', () => {
    expect(specErrors(claim('    channels: [marketing, sale]\n'))).toEqual([
      'onemessage.yaml:9:27: unknown channel "sale" in claims[0].channels; did you mean "sales"?',
    ]);
  });

  it('reports an unknown channel in a term and a disclosure when no channel is defined', () => {
    expect(specErrors('version: 1\nterms:\n  - use: sign in\n    not: ["login to"]\n    channels: [support]\ndisclosures:\n  d:\n    when: ["sponsored"]\n    include: ["#ad"]\n    channels: [marketing]\n')).toEqual([
      'onemessage.yaml:5:16: unknown channel "support" in terms[0].channels (the spec defines no channels)',
      'onemessage.yaml:10:16: unknown channel "marketing" in disclosures.d.channels (the spec defines no channels)',
    ]);
  });

  it('reports a duplicate claim id at the second, naming the line of the first', () => {
    expect(specErrors('version: 1\nclaims:\n  - id: w\n    says: ["a"]\n    status: forbidden\n  - id: w\n    says: ["b"]\n    status: forbidden\n')).toEqual([
      'onemessage.yaml:6:9: duplicate claim id "w"; it is already used on line 3',
    ]);
  });

  it('reports a duplicate term', () => {
    expect(specErrors('version: 1\nterms:\n  - use: TrailPack\n    not: ["Trail Pack"]\n  - use: trailpack\n    not: ["Trail-Pack"]\n')).toEqual([
      'onemessage.yaml:5:10: duplicate term "trailpack"; "TrailPack" is already defined on line 3',
    ]);
  });

  it('reports a requires naming an unknown disclosure', () => {
    expect(specErrors('version: 1\nclaims:\n  - id: w\n    says: ["waterproof"]\n    status: allowed\n    requires: [ip-ratin]\ndisclosures:\n  ip-rating:\n    include: ["IPX4"]\n')).toEqual([
      'onemessage.yaml:6:16: unknown disclosure "ip-ratin" in claims[0].requires; did you mean "ip-rating"?',
    ]);
  });

  it('reports unknown rule ids and impossible dates', () => {
    expect(specErrors('version: 1\nseverity:\n  term/usee: warning\nexceptions:\n  - files: "support/**"\n    rule: fact/mismatchh\n    reason: legacy\n    approved-by: J. Doe\n    until: 2027-02-30\n')).toEqual([
      'onemessage.yaml:3:3: unknown rule "term/usee" in severity; did you mean "term/use"?',
      'onemessage.yaml:6:11: unknown rule "fact/mismatchh" in exceptions[0]; did you mean "fact/mismatch"?',
      'onemessage.yaml:9:12: expected a real date at exceptions[0].until, found "2027-02-30"',
    ]);
  });

  it('reports valid.from after valid.until', () => {
    expect(specErrors(claim('    valid: { from: 2026-11-30, until: 2026-11-27 }\n'))).toEqual([
      'onemessage.yaml:9:20: valid.from 2026-11-30 is after valid.until 2026-11-27 in claims[0]',
    ]);
  });

  it('reports fix without suggest', () => {
    expect(specErrors(claim('    channels: [sales]\n    fix: true\n'))).toEqual(['onemessage.yaml:10:10: fix: true needs a suggest to apply in claims[0]']);
  });
});

describe('phrases', () => {
  const claimSays = (says: string) => `version: 1\nclaims:\n  - id: r\n    says:\n      - ${says}\n    status: forbidden\n`;

  it('points at the unbalanced "(" of a plain scalar', () => {
    expect(specErrors(claimSays('return (it|them within 30 days'))).toEqual([
      'onemessage.yaml:5:16: bad phrase template "return (it|them within 30 days": unbalanced "(": no ")" closes it',
    ]);
  });

  it('points inside single- and double-quoted scalars, and at the start of one with escapes', () => {
    expect(specErrors(claimSays("'top \\(rack only\\) (x'"))).toEqual([
      'onemessage.yaml:5:28: bad phrase template "top \\(rack only\\) (x": unbalanced "(": no ")" closes it',
    ]);
    expect(specErrors(claimSays('"bad (x"'))).toEqual(['onemessage.yaml:5:14: bad phrase template "bad (x": unbalanced "(": no ")" closes it']);
    expect(specErrors(claimSays('"bad\\t(x"'))).toEqual(['onemessage.yaml:5:9: bad phrase template "bad\t(x": unbalanced "(": no ")" closes it']);
  });

  it('refuses {value} outside facts', () => {
    expect(specErrors(claimSays('"save {value} today"'))).toEqual([
      'onemessage.yaml:5:15: bad phrase template "save {value} today": {value} is only meaningful in a fact\'s says',
    ]);
  });

  it('refuses a template whose punctuation the value reads into itself, at the sign', () => {
    expect(specErrors('version: 1\nfacts:\n  price:\n    value: $9\n    says: ["from ${value} a month", "save {value}% today"]\n')).toEqual([
      'onemessage.yaml:5:18: bad phrase template "from ${value} a month": "$" before {value} is read as part of the value: write {value} alone, the currency is in the value',
      'onemessage.yaml:5:50: bad phrase template "save {value}% today": "%" after {value} is read as part of the value: write {value} alone, the percent sign is in the value',
    ]);
  });

  it('refuses "*", which a user means as a wildcard and the matcher would read as markup', () => {
    expect(specErrors('version: 1\nclaims:\n  - id: s\n    says: ["save * today"]\n    status: forbidden\n')).toEqual([
      'onemessage.yaml:4:18: bad phrase template "save * today": "*" is no wildcard: a template matches words; write the alternatives as (a|b), or use { regex: }',
    ]);
  });

  it('requires {value} in a fact template', () => {
    expect(specErrors('version: 1\nfacts:\n  r:\n    value: 30 days\n    says: ["30-day returns"]\n')).toEqual([
      'onemessage.yaml:5:12: a fact template must have {value}: "30-day returns" does not say where the value stands',
    ]);
  });

  it('refuses bad regexes and ones re2js will not run', () => {
    expect(specErrors('version: 1\nclaims:\n  - id: r\n    says: [{ regex: "(a)\\\\1" }, {regex: "a("}, {regex: "x*"}, {regex: "(?=a)b"}]\n    status: forbidden\n')).toEqual([
      'onemessage.yaml:4:21: bad regex "(a)\\1": invalid escape sequence: `\\1`',
      'onemessage.yaml:4:41: bad regex "a(": missing closing ): `a(`',
      'onemessage.yaml:4:56: bad regex "x*": it matches empty text',
      'onemessage.yaml:4:71: bad regex "(?=a)b": invalid or unsupported Perl syntax: `(?=`',
    ]);
  });

  it('loads a catastrophic-looking regex (re2js runs in linear time) and a fact regex with a value group', () => {
    const { spec } = load(workspace({ 'onemessage.yaml': 'version: 1\nclaims:\n  - id: r\n    says: [{ regex: "(a+)+$" }]\n    status: forbidden\nfacts:\n  f:\n    says: [{regex: "(?P<value>\\\\d+) days"}]\n' }));
    expect(spec.claims[0]!.says).toEqual([{ source: '(a+)+$', isRegex: true, pos: { file: 'onemessage.yaml', line: 4, column: 21 } }]);
    expect(spec.facts[0]!.says[0]!.source).toBe('(?P<value>\\d+) days');
  });

  it('requires a value group in a fact regex', () => {
    expect(specErrors('version: 1\nfacts:\n  g:\n    says: [{regex: "\\\\d+ days"}]\n')).toEqual([
      'onemessage.yaml:4:20: a fact regex must capture its value in a group named value, as in (?P<value>...): "\\d+ days"',
    ]);
  });

  it('refuses more than 10,000 alternatives and accepts 10,000', () => {
    const group = (n: number) => `"(${Array.from({ length: n }, (_, i) => `w${i}`).join('|')})"`;
    expect(specErrors(claimSays(group(10_001)))).toEqual([
      'onemessage.yaml:5:9: too many alternatives: "(w0|w1|w2|w3|w4|w5|w6|w7|w8|w9|w10|w11|w12|w13|w14|w15|w16|…" expands to more than 10,000 phrases; split it into several phrases',
    ]);
    expect(specErrors(claimSays(group(10_000)))).toEqual([]);
  });

  it('checks phrases in every place they are written', () => {
    expect(specErrors('version: 1\nproducts:\n  p:\n    names: ["a|b"]\npromises:\n  immediate: ["x)"]\ndisclosures:\n  d:\n    when: ["?x"]\n    include: ["{y}"]\nterms:\n  - use: x\n    not: ["a\\\\"]\n')).toEqual([
      'onemessage.yaml:4:15: bad phrase template "a|b": "|" outside a group: write alternatives as (a|b)',
      'onemessage.yaml:6:17: bad phrase template "x)": unbalanced ")": no "(" opens it',
      'onemessage.yaml:9:13: bad phrase template "?x": "?" must follow a group, as in (very )?',
      'onemessage.yaml:10:16: bad phrase template "{y}": unknown slot {y}: the only slot is {value}',
      'onemessage.yaml:13:11: bad phrase template "a\\": a backslash at the end escapes nothing',
    ]);
  });
});

describe('warnings', () => {
  it('warns about a channel with no globs, an allowed claim with nothing to check, an unused disclosure, an exception for no item', () => {
    const yaml = [
      'version: 1',
      'channels:',
      '  partners: []',
      'claims:',
      '  - id: free',
      '    says: ["free"]',
      '    status: allowed',
      'disclosures:',
      '  orphan:',
      '    include: ["IPX4"]',
      'exceptions:',
      '  - files: "x/**"',
      '    rule: claim/forbidden',
      '    item: fre',
      '    reason: r',
      '    approved-by: me',
      '',
    ].join('\n');
    expect(load(workspace({ 'onemessage.yaml': yaml })).warnings.map(formatDiagnostic)).toEqual([
      'onemessage.yaml:3:3: channel "partners" has no globs; only front matter or a macro\'s own channel can put a document in it',
      'onemessage.yaml:5:5: claim "free" is allowed everywhere, always, with no requires: nothing will ever be reported about it',
      'onemessage.yaml:9:3: disclosure "orphan" has no when and no claim requires it: it is never checked',
      'onemessage.yaml:12:5: exception names item "fre", which the spec does not define; did you mean "free"?',
    ]);
  });
});

describe('extends', () => {
  it('reports a missing pack with a hint', () => {
    expect(errorsOf({ 'onemessage.yaml': 'version: 1\nextends: [ftc-endorsment]\n', 'packs/ftc-endorsements.yaml': ftcPack })).toEqual([
      'onemessage.yaml:2:11: unknown pack "ftc-endorsment"; did you mean "ftc-endorsements"?',
    ]);
    expect(errorsOf({ 'onemessage.yaml': 'version: 1\nextends:\n  - legal\n', 'packs/urgency.yaml': 'version: 1\n' })).toEqual([
      'onemessage.yaml:3:5: unknown pack "legal" (built-in packs: urgency)',
    ]);
  });

  it('reports a missing extended file', () => {
    expect(errorsOf({ 'onemessage.yaml': 'version: 1\nextends: [./base.yaml]\n' })).toEqual([
      'onemessage.yaml:2:11: cannot read "./base.yaml", extended here: no such file',
    ]);
  });

  it('refuses a spec that extends itself', () => {
    expect(errorsOf({ 'onemessage.yaml': 'version: 1\nextends: [./onemessage.yaml]\n' })).toEqual([
      'onemessage.yaml:2:11: "./onemessage.yaml" is this spec itself: a spec cannot extend itself',
    ]);
  });

  it('refuses a cycle of two files, naming the chain', () => {
    expect(errorsOf({ 'onemessage.yaml': 'version: 1\nextends: [shared/base.yaml]\n', 'shared/base.yaml': 'version: 1\nextends: [../onemessage.yaml]\n' })).toEqual([
      'shared/base.yaml:2:11: extends cycle: onemessage.yaml -> shared/base.yaml -> onemessage.yaml',
    ]);
  });

  it('stops at a file that fails the schema, without loading what it extends', () => {
    expect(errorsOf({ 'onemessage.yaml': 'version: 1\nextends: [nowhere]\nbrand: 4\n' })).toEqual([
      'onemessage.yaml:3:8: expected a string at brand, found a number (4)',
    ]);
  });

  it('reports errors inside an extended file at that file, after the spec own', () => {
    expect(errorsOf({ 'onemessage.yaml': 'version: 1\nextends: [strict]\nseverity:\n  claim/forbiden: off\n', 'packs/strict.yaml': 'version: 1\nclaims:\n  - id: x\n    says: ["(x"]\n    status: forbidden\n' })).toEqual([
      'onemessage.yaml:4:3: unknown rule "claim/forbiden" in severity; did you mean "claim/forbidden"?',
      'pack:strict:4:13: bad phrase template "(x": unbalanced "(": no ")" closes it',
    ]);
  });

  it('merges: a relative file overrides a pack item by id; lists concatenate; maps merge by key', () => {
    const dir = workspace({
      'packs/absolute-claims.yaml': [
        'version: 1',
        'claims:',
        '  - id: best',
        '    says: ["the best"]',
        '    status: forbidden',
        '  - id: guaranteed',
        '    says: ["guaranteed results"]',
        '    status: forbidden',
        'severity:',
        '  claim/forbidden: warning',
        '  term/use: info',
        'ignore: ["vendor/**"]',
        '',
      ].join('\n'),
      'shared/base.yaml': [
        'version: 1',
        'extends: [absolute-claims]',
        'claims:',
        '  - id: best',
        '    says: ["best in class"]',
        '    status: needs-evidence',
        'terms:',
        '  - use: TrailPack',
        '    not: ["Trail Pack"]',
        '',
      ].join('\n'),
      'onemessage.yaml': [
        'version: 1',
        'extends: [shared/base.yaml]',
        'severity:',
        '  term/use: error',
        'ignore: ["drafts/**"]',
        'terms:',
        '  - use: TrailPack',
        '    not: ["Trailpack"]',
        '',
      ].join('\n'),
    });
    const { spec } = load(dir);
    expect(spec.claims.map((c) => [c.id, c.status, c.pos.file, c.pos.line])).toEqual([
      ['best', 'needs-evidence', 'shared/base.yaml', 4],
      ['guaranteed', 'forbidden', 'pack:absolute-claims', 6],
    ]);
    expect(spec.terms.map((t) => [t.use, t.not[0]!.source, t.pos.file])).toEqual([['TrailPack', 'Trailpack', 'onemessage.yaml']]);
    expect(spec.severity).toEqual({ 'claim/forbidden': 'warning', 'term/use': 'error' });
    expect(spec.ignore).toEqual(['vendor/**', 'drafts/**']);
    expect(spec.extends).toEqual(['shared/base.yaml']);
    // The hash covers the extended files too, so a cache keyed on it sees a pack change.
    const before = spec.sha256;
    writeFileSync(path.join(dir, 'packs', 'absolute-claims.yaml'), 'version: 1\n');
    expect(load(dir).spec.sha256).not.toBe(before);
  });

  it('a fact without says changes only the value of the extended fact of its id (a brand\'s own value)', () => {
    const base = 'version: 1\nfacts:\n  return-window:\n    value: 30 days\n    says: ["{value} return"]\n    message: Returns are free for 30 days.\n  discount:\n    says: ["save {value}"]\n    message: One discount everywhere.\n';
    const dir = workspace({
      'onemessage.yaml': base,
      'coastal/onemessage.yaml': 'version: 1\nextends: [../onemessage.yaml]\nfacts:\n  return-window:\n    value: 60 days\n  discount:\n    message: Ask sales.\n',
    });
    const { spec } = load(dir, 'coastal/onemessage.yaml');
    expect(spec.facts.map((f) => [f.id, f.value, f.quantity?.text, f.says.map((p) => p.source), f.message, `${f.pos.file}:${f.pos.line}`, f.valuePos?.line])).toEqual([
      // a new value drops the message, which may state the old one
      ['return-window', '60 days', '60 days', ['{value} return'], undefined, 'coastal/onemessage.yaml:4', 5],
      ['discount', undefined, undefined, ['save {value}'], 'Ask sales.', 'coastal/onemessage.yaml:6', undefined],
    ]);
  });

  it('a fact without says takes the kind of its own value, not the extended one\'s', () => {
    const dir = workspace({
      'onemessage.yaml': 'version: 1\nfacts:\n  bonus:\n    value: 3 months\n    says: ["{value} free"]\n',
      'coastal/onemessage.yaml': 'version: 1\nextends: [../onemessage.yaml]\nfacts:\n  bonus:\n    value: $20\n',
    });
    expect(load(dir, 'coastal/onemessage.yaml').spec.facts.map((f) => [f.id, f.kind])).toEqual([['bonus', 'money']]);
  });

  it('a fact without says that completes nothing is an error at its id, with a hint', () => {
    expect(errorsOf({ 'onemessage.yaml': 'version: 1\nfacts:\n  return-window:\n    value: 30 days\n' })).toEqual([
      'onemessage.yaml:3:3: facts.return-window has no "says": list how documents state it (e.g. says: ["{value} return"]); only a spec that extends another may leave it out, to change the value of a fact it extends',
    ]);
    expect(errorsOf({
      'base.yaml': 'version: 1\nfacts:\n  return-window:\n    says: ["{value} return"]\n',
      'onemessage.yaml': 'version: 1\nextends: [./base.yaml]\nfacts:\n  return-windw:\n    value: 30 days\n  warranty:\n    value: 2 years\n',
    })).toEqual([
      'onemessage.yaml:4:3: facts.return-windw has no "says", and no spec it extends defines "return-windw"; did you mean "return-window"?',
      'onemessage.yaml:6:3: facts.warranty has no "says", and no spec it extends defines "warranty"; list how documents state it, or use the id of a fact an extended spec defines',
    ]);
  });

  it('checks references against the merged spec', () => {
    expect(errorsOf({
      'onemessage.yaml': 'version: 1\nextends: [disclosures]\nclaims:\n  - id: w\n    says: ["waterproof"]\n    status: allowed\n    requires: [ip-rating]\n',
      'packs/disclosures.yaml': 'version: 1\ndisclosures:\n  ip-rating:\n    include: ["IPX4"]\n',
    })).toEqual([]);
  });
});

describe('formats added since spec v1', () => {
  it('reads formats.extensions in written order, and the other new format keys', () => {
    const dir = workspace({
      'onemessage.yaml':
        'version: 1\nformats:\n  extensions: { ".njk": html, "docs/**/*.page": markdown }\n  mdx: { props: { CtaBox: [headline], "*": [] } }\n  json: { items: macros, text: body }\n  markdown: { mdx: false }\n',
    });
    const { spec } = load(dir);
    expect(spec.formats.extensions?.map(({ pattern, reader, pos }) => [pattern, reader, pos.line, pos.column])).toEqual([
      ['.njk', 'html', 3, 17],
      ['docs/**/*.page', 'markdown', 3, 31],
    ]);
    expect(spec.formats.mdx).toEqual({ props: { CtaBox: ['headline'], '*': [] } });
    expect(spec.formats.json).toEqual({ items: 'macros', text: 'body' });
    expect(spec.formats.markdown).toEqual({ fields: [], mdx: false });
  });

  it('refuses a reader it does not know, with a suggestion, and an extension without its dot', () => {
    expect(specErrors('version: 1\nformats:\n  extensions: { ".njk": htm }\n')).toEqual([
      'onemessage.yaml:3:25: expected one of markdown, mdx, html, text, csv, json, zendesk, helpscout, freshdesk, intercom at formats.extensions[".njk"], found "htm"; did you mean "html"?',
    ]);
    expect(specErrors('version: 1\nformats:\n  extensions: { ".njk": html, liquid: html }\n')).toEqual([
      'onemessage.yaml:3:31: expected an extension such as ".liquid" or a glob with a "/" or "*" at formats.extensions, found "liquid"',
    ]);
  });

  it('merges formats.extensions and formats.markdown key by key with the file it extends', () => {
    const dir = workspace({
      'base.yaml': 'version: 1\nformats:\n  extensions: { ".njk": html, ".txt2": text }\n  markdown: { fields: [summary] }\n',
      'onemessage.yaml': 'version: 1\nextends: [./base.yaml]\nformats:\n  extensions: { ".njk": markdown }\n  markdown: { mdx: true }\n',
    });
    const { spec } = load(dir);
    expect(spec.formats.extensions?.map(({ pattern, reader }) => `${pattern} ${reader}`)).toEqual(['.njk markdown', '.txt2 text']);
    expect(spec.formats.markdown).toEqual({ fields: ['summary'], mdx: true });
  });
});
