/**
 * Macro exports of shapes no vendor module knows: a `{title: text}` map, a list of objects at the
 * root or under one key, with their keys guessed or named in `formats.json`; positions exact
 * through JSON escapes, as for the vendors.
 */
import { describe, expect, it } from 'vitest';
import { FormatError, NotContentError } from '../../src/model/document.js';
import { genericJsonFormat, UNKNOWN_JSON_MESSAGE } from '../../src/formats/json-generic.js';
import type { FormatOptions } from '../../src/formats/format.js';
import { CHANNELS, checkFolder, lintRepo, tempRepo } from '../helpers/lint.js';
import { lineCol, locate, texts } from './helpers.js';

const SPEC = `version: 1\n${CHANNELS}facts:\n  return-window:\n    value: 30 days\n    says: ["within {value}", "{value} to return"]\n`;

function read(text: string, json?: FormatOptions['json']) {
  return genericJsonFormat.read({ path: 'support/replies.json', text, options: { markdownFields: [], ...(json ? { json } : {}) } }).documents;
}

/** Every finding as rule, document title, line:column and the source it points at. */
async function findings(text: string, spec = SPEC) {
  const result = await lintRepo({ 'onemessage.yaml': spec, 'support/replies.json': text });
  return result.findings.map((f) => [f.ruleId, f.documentTitle ?? null, `${f.start.line}:${f.start.column}`, text.slice(f.start.offset, f.end.offset)]);
}

describe('a flat {"title": "text"} map', () => {
  const source = '{\n  "Returns": "We\\u2019re sorry! You can send it back within 60\\u00a0days.\\n\\nThe \\"Summit\\" team",\n  "Shipping": "Free shipping over $50."\n}\n';

  it('is one document per entry, titled by its key, mapped through the escapes', () => {
    const documents = read(source);
    expect(documents.map((doc) => [doc.format, doc.title, texts(doc)])).toEqual([
      ['json', 'Returns', ['We’re sorry! You can send it back within 60\u00a0days.', 'The "Summit" team']],
      ['json', 'Shipping', ['Free shipping over $50.']],
    ]);
    expect(locate(source, documents, 'within 60\u00a0days')).toMatchObject({ spelled: 'within 60\\u00a0days', at: '2:54' });
    expect(locate(source, documents, 'The "Summit"')).toMatchObject({ spelled: 'The \\"Summit\\"' });
  });

  it('gives findings at exact positions inside the escaped string', async () => {
    expect(await findings(source)).toEqual([['fact/mismatch', 'Returns', '2:61', '60\\u00a0days']]);
  });

  it('reads a map of maps of strings (a translation file) with dotted titles, in source order', () => {
    const messages = '{"home": {"hero": "Returns within 60 days", "cta": "Shop now"}, "footer": "Made in Oregon"}';
    expect(read(messages).map((doc) => [doc.title, texts(doc)])).toEqual([
      ['home.hero', ['Returns within 60 days']],
      ['home.cta', ['Shop now']],
      ['footer', ['Made in Oregon']],
    ]);
  });
});

describe('a list of objects', () => {
  const source = [
    '[',
    '  { "id": 7, "name": "Refunds", "body": "<p>Refunds are issued within <b>14 days</b> &amp; by card.</p>" },',
    '  { "id": "r-8", "name": "Returns", "body": "Pack it up and send it within 60 days:\\n\\u2022 keep the tags on" }',
    ']',
  ].join('\n');

  it('guesses title, text and id keys, and reads an HTML body as HTML', () => {
    const documents = read(source);
    expect(documents.map((doc) => [doc.id, doc.title, texts(doc)])).toEqual([
      ['7', 'Refunds', ['Refunds are issued within 14 days & by card.']],
      ['r-8', 'Returns', ['Pack it up and send it within 60 days:\n• keep the tags on']],
    ]);
  });

  it('gives findings at exact positions, through tags, entities and escapes', async () => {
    expect(await findings(source)).toEqual([
      ['fact/mismatch', 'Refunds', '2:74', '14 days'],
      ['fact/mismatch', 'Returns', '3:76', '60 days'],
    ]);
  });

  it('finds the one list of macros under a key of the root', () => {
    const wrapped = `{"meta": {"count": 2, "page": 1}, "tags": ["a"], "replies": ${source}}`;
    expect(read(wrapped).map((doc) => doc.title)).toEqual(['Refunds', 'Returns']);
  });

  it('reads the keys formats.json names, under a dotted items path', async () => {
    const exported = '{"export": {"replies": [{"ref": "A1", "label": "Returns", "copy": "Returns are free within 60 days.", "team": "sales"}]}}';
    const json = { items: 'export.replies', title: 'label', text: 'copy', id: 'ref', channel: 'team' };
    expect(read(exported, json).map((doc) => [doc.id, doc.title, doc.declaredChannel, texts(doc)])).toEqual([['A1', 'Returns', 'sales', ['Returns are free within 60 days.']]]);
    const spec = `${SPEC}formats:\n  json: { items: export.replies, title: label, text: copy, id: ref, channel: team }\n`;
    const result = await lintRepo({ 'onemessage.yaml': spec, 'support/replies.json': exported });
    expect(result.findings.map((f) => [f.ruleId, f.channel, f.documentId, lineCol(exported, f.start.offset)])).toEqual([['fact/mismatch', 'sales', 'A1', '1:92']]);
  });

  it('puts items marked private or not public in the internal channel', () => {
    const notes = '[{"title": "Note", "body": "Refund it anyway.", "public": false}, {"title": "Tip", "body": "x", "private": "true"}, {"title": "Reply", "body": "y", "public": true}]';
    expect(read(notes).map((doc) => [doc.title, doc.internal ?? false])).toEqual([['Note', true], ['Tip', true], ['Reply', false]]);
  });
});

describe('a JSON file of no macro shape', () => {
  const refusal = (text: string, json?: FormatOptions['json']): FormatError => {
    try {
      read(text, json);
    } catch (error) {
      if (error instanceof FormatError) return error;
      throw error;
    }
    throw new Error('it was read');
  };

  it('is reported, saying which shapes are read and how to name the keys', () => {
    // no content of its kind: a folder walk counts such a file as data; named, it is reported
    expect(refusal('{"name": "site", "version": 2, "private": true}')).toEqual(new NotContentError(UNKNOWN_JSON_MESSAGE, 0));
    expect(refusal('[1, 2]').message).toBe(UNKNOWN_JSON_MESSAGE);
    // Two lists of objects with text: which one holds the macros is not self-evident.
    expect(refusal('{"a": [{"body": "x"}], "b": [{"body": "y"}]}').message).toBe(UNKNOWN_JSON_MESSAGE);
  });

  it('names the formats.json key that does not fit the file', () => {
    expect(refusal('{"data": [], "meta": {}}', { items: 'macros' }).message).toBe('formats.json.items "macros" is not in this file (its keys: "data", "meta")');
    const notList = '{"macros": {"a": 1}}';
    expect(refusal(notList, { items: 'macros' })).toMatchObject({ message: 'formats.json.items "macros" is not a list of objects', offset: notList.indexOf('{"a"') });
    const badText = '[{"title": "t", "body": 42}]';
    expect(refusal(badText)).toMatchObject({ message: 'item 1: "body" must be a string', offset: badText.indexOf('42') });
  });
});

describe('JSON found by a folder walk', () => {
  it('is read as an export in a channel; outside every channel only when formats.json says how; onemessage\'s own files never', async () => {
    const list = '[{"title": "Returns", "body": "Returns within 60 days."}]';
    const files = {
      'onemessage.yaml': SPEC,
      'support/replies.json': list,
      'i18n/en.json': '{"hero": "Returns within 60 days"}',
      'support/.onemessage-baseline.json': '{"entries": [{"path": "x", "message": "Returns within 60 days"}]}',
    };
    const walked = await checkFolder(tempRepo(files));
    expect(walked.files.map((file) => file.path)).toEqual(['support/replies.json']);
    const named = await checkFolder(tempRepo({ ...files, 'onemessage.yaml': `${SPEC}formats:\n  json: { text: hero }\n` }));
    expect(named.files.map((file) => file.path)).toEqual(['i18n/en.json', 'support/replies.json']);
  });
});
