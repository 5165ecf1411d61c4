import { beforeAll, describe, expect, it } from 'vitest';
import { NotContentError } from '../../src/model/document.js';
import { allFormats, formatFor, knownExtensions, READER_NAMES } from '../../src/formats/index.js';
import { specSchema } from '../../src/spec/schema-check.js';
import { UNKNOWN_JSON_MESSAGE } from '../../src/formats/json-generic.js';
import { fixture, options } from './helpers.js';

// formatFor answers for loaded format modules only; the engine loads them by extension.
beforeAll(async () => {
  await allFormats();
});

describe('choosing a reader', () => {
  it('gives each vendor file to its own module', () => {
    const chosen = (name: string) => formatFor(`support/${name}`, fixture(name))?.name;
    expect(chosen('zendesk-macros.json')).toBe('zendesk');
    expect(chosen('helpscout-saved-replies.json')).toBe('helpscout');
    expect(chosen('freshdesk-canned-responses.json')).toBe('freshdesk');
    expect(chosen('intercom-macros.json')).toBe('intercom');
    expect(chosen('macros.csv')).toBe('csv');
    expect(formatFor('site/landing.HTML', fixture('landing.html'))?.name).toBe('html');
    expect(formatFor('site/old.htm', '<p>x</p>')?.name).toBe('html');
  });

  it('recognises the other shapes each vendor documents', () => {
    const shape = (text: string) => formatFor('a.json', text)?.name;
    expect(shape('{"macro": {"id": 1, "title": "t", "actions": []}}')).toBe('zendesk');
    expect(shape('[{"id": 1, "title": "t", "actions": []}]')).toBe('zendesk');
    expect(shape('[{"id": 1, "name": "n", "preview": "p"}]')).toBe('helpscout');
    expect(shape('{"id": 1, "name": "n", "text": "<p>t</p>"}')).toBe('helpscout');
    expect(shape('{"id": 1, "title": "t", "content": "c", "content_html": "<p>c</p>"}')).toBe('freshdesk');
    expect(shape('[{"type": "macro", "id": "1", "name": "n", "body": "<p>b</p>"}]')).toBe('intercom');
    expect(shape('{"type": "macro", "id": "1", "name": "n", "body": "<p>b</p>"}')).toBe('intercom');
  });

  it('reports an unknown JSON shape', () => {
    const format = formatFor('support/export.json', '{"articles": [], "count": 0}')!;
    expect(format.name).toBe('json');
    expect(() => format.read({ path: 'support/export.json', text: '{"articles": [], "count": 0}', options })).toThrow(new NotContentError(UNKNOWN_JSON_MESSAGE, 0));
  });

  it('reports invalid JSON with its own message and offset, and reads an empty list as nothing', () => {
    const truncated = '{"macros": [{"id": 1, "title": "Ret';
    const format = formatFor('support/x.json', truncated)!;
    expect(() => format.read({ path: 'support/x.json', text: truncated, options })).toThrow(
      expect.objectContaining({ message: 'invalid JSON: expected a closing quote but found end of file', offset: 35 }),
    );
    expect(formatFor('support/x.json', '[]')!.read({ path: 'support/x.json', text: '[]', options })).toEqual({ documents: [] });
  });

  it('knows the readers the spec schema lets formats.extensions name, each a loaded module but json, which sniffs', async () => {
    const formats = (specSchema() as { properties: { formats: { properties: { extensions: { additionalProperties: { enum: string[] } } } } } }).properties.formats.properties.extensions;
    expect([...READER_NAMES].sort()).toEqual([...formats.additionalProperties.enum].sort());
    expect((await allFormats()).map((format) => format.name).sort()).toEqual([...READER_NAMES].sort());
    expect(formatFor('site/page.njk', '<p>x</p>', 'html')?.name).toBe('html');
    expect(formatFor('support/a.data', '{"macros": []}', 'json')?.name).toBe('zendesk');
    expect(formatFor('support/a.data', '{"macros": []}', 'intercom')?.name).toBe('intercom');
  });

  it('lists the extensions it reads', () => {
    expect([...knownExtensions()].sort()).toEqual(['.csv', '.docx', '.htm', '.html', '.json', '.markdown', '.md', '.mdx', '.odp', '.odt', '.pdf', '.pptx', '.txt']);
  });
});
