/**
 * Every message a rule can say is data in its meta (ESLint's messages + messageId): the table is
 * well formed, every finding names a message of its rule, and its text is that message filled in.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { fillMessage, placeholdersOf } from '../../src/model/message.js';
import { lintSnippet } from '../helpers/lint.js';

describe('rule messages', () => {
  for (const rule of rules) {
    const { id, messages, docs } = rule.meta;
    it(`${id}: names its messages with ids and well-formed placeholders`, () => {
      expect(Object.keys(messages).length).toBeGreaterThan(0);
      for (const [messageId, template] of Object.entries(messages)) {
        expect(messageId).toMatch(/^[a-z][A-Za-z]*$/);
        expect(template.trim()).toBe(template);
        // a brace that is no placeholder is a typo waiting to be shown to a user
        expect(template.replace(/\{\{\s*[A-Za-z_]\w*\s*\}\}/g, '')).not.toMatch(/\{\{|\}\}/);
      }
    });
    it(`${id}: its bad example's findings are its messages, filled in`, async () => {
      const findings = (await lintSnippet(docs.bad.spec, docs.bad.text, { channel: docs.bad.channel ?? 'marketing' })).filter((f) => f.ruleId === id);
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        const template = messages[finding.messageId!];
        expect(template, `${finding.messageId} is not a message of ${id}`).toBeDefined();
        // the message is the template with each placeholder replaced: its fixed text is all there, in order
        const pattern = template!.split(/\{\{\s*[A-Za-z_]\w*\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
        expect(finding.message).toMatch(new RegExp(`^${pattern}$`));
      }
    });
  }

  it('fills placeholders and refuses a report that leaves one empty', () => {
    expect(placeholdersOf('"{{quote}}" ({{ claim }})')).toEqual(['quote', 'claim']);
    expect(fillMessage('"{{quote}}" ({{ claim }}), {{n}}', { quote: 'best', claim: 'c', n: 2 })).toBe('"best" (c), 2');
    expect(() => fillMessage('{{quote}}', {})).toThrow('message "{{quote}}" needs {{quote}}, which the report does not give');
  });
});
