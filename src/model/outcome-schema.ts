/**
 * The JSON schema of one file's outcome as onemessage writes it to state (the cache, shard files):
 * its record, findings, statements, warnings and directive scopes, each with every field it may
 * hold and nothing else. A new field of FileOutcome, Finding or Statement must be added here.
 */

const position = {
  type: 'object',
  required: ['line', 'column', 'offset'],
  additionalProperties: false,
  properties: {
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    offset: { type: 'integer', minimum: 0 },
    place: {
      type: 'object',
      required: ['paragraph', 'character'],
      additionalProperties: false,
      properties: {
        unit: { enum: ['slide', 'page'] },
        number: { type: 'integer', minimum: 1 },
        part: { type: 'string' },
        paragraph: { type: 'integer', minimum: 1 },
        character: { type: 'integer', minimum: 1 },
      },
    },
  },
};
const str = { type: 'string' };
const strings = { type: 'array', items: str };
const offset = { type: 'integer', minimum: 0 };
const sentence = {
  type: 'object',
  required: ['text', 'start', 'end'],
  additionalProperties: false,
  properties: { text: str, start: offset, end: offset },
};
const where = {
  type: 'object',
  required: ['start', 'end', 'excerpt', 'neighbourhood'],
  additionalProperties: false,
  properties: { start: position, end: position, excerpt: str, neighbourhood: str, context: sentence },
};
const related = {
  type: 'object',
  required: ['kind', 'path', 'start', 'end', 'message'],
  additionalProperties: false,
  properties: {
    kind: { enum: ['contradiction', 'context'] },
    path: str,
    start: position,
    end: position,
    message: str,
    excerpt: str,
    context: sentence,
    channel: str,
    documentTitle: str,
    documentId: str,
  },
};
const finding = {
  type: 'object',
  required: ['ruleId', 'severity', 'message', 'path', 'start', 'end', 'excerpt', 'related'],
  additionalProperties: false,
  properties: {
    ruleId: str,
    messageId: str,
    severity: { enum: ['error', 'warning', 'info'] },
    message: str,
    path: str,
    start: position,
    end: position,
    excerpt: str,
    context: sentence,
    channel: str,
    documentTitle: str,
    documentId: str,
    documentInactive: { type: 'boolean' },
    item: {
      type: 'object',
      required: ['kind', 'id', 'file', 'line', 'column'],
      additionalProperties: false,
      properties: { kind: str, id: str, file: str, line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } },
    },
    related: { type: 'array', items: related },
    fix: {
      type: 'object',
      required: ['start', 'end', 'text'],
      additionalProperties: false,
      properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 }, text: str },
    },
    fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
  },
};
const statement = {
  type: 'object',
  required: ['path', 'start', 'end', 'data', 'where'],
  additionalProperties: false,
  properties: {
    path: str,
    channel: str,
    documentTitle: str,
    documentId: str,
    start: { type: 'integer', minimum: 0 },
    end: { type: 'integer', minimum: 0 },
    data: { type: 'object' },
    item: { type: 'object', required: ['kind', 'id'], additionalProperties: false, properties: { kind: str, id: str } },
    where,
  },
};
const directive = {
  type: 'object',
  required: ['kind', 'selectors', 'ranges', 'where'],
  additionalProperties: false,
  properties: {
    kind: { enum: ['disable', 'enable', 'disable-line', 'disable-next-line'] },
    selectors: strings,
    reason: str,
    approvedBy: str,
    documentId: str,
    documentTitle: str,
    channel: str,
    ranges: {
      type: 'array',
      items: {
        type: 'object',
        required: ['start', 'end'],
        additionalProperties: false,
        properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 }, except: strings },
      },
    },
    where,
  },
};

export const OUTCOME_SCHEMA = {
  type: 'object',
  required: ['record', 'findings', 'statements', 'warnings'],
  additionalProperties: false,
  properties: {
    record: {
      type: 'object',
      required: ['path', 'documents', 'bytes'],
      additionalProperties: false,
      properties: {
        path: str,
        format: str,
        channel: str,
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        documents: { type: 'integer', minimum: 0 },
        bytes: { type: 'integer', minimum: 0 },
      },
    },
    findings: { type: 'array', items: finding },
    statements: { type: 'object', additionalProperties: { type: 'array', items: statement } },
    warnings: strings,
    directives: { type: 'array', items: directive },
  },
};

