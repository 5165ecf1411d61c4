/** file/duplicate-key: a key set twice in a file's metadata (front matter); the page is read with the last value. */
import type { FileRule } from '../../src/lint/rule.js';

export const fileDuplicateKey: FileRule = {
  kind: 'file',
  meta: {
    id: 'file/duplicate-key',
    description: 'A key is set twice in a file\'s front matter; the last value is the one read.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      duplicate: '"{{key}}" is set again here (first on line {{firstLine}}); the last value is the one read.',
    },
    docs: {
      details:
        'YAML 1.2 forbids a key twice in one map, but Jekyll, Hugo and most static-site generators read such front matter anyway and keep the last value, so the page is published with it. onemessage reads the page the same way, checks the value that is published, and warns at the later key: one of the two values is a leftover, and an editor changing the first one changes nothing a customer sees.',
      bad: { spec: '', text: '---\ntitle: Spring sale\ndescription: Ten percent off\ntitle: Summer sale\n---\n# Sale\n' },
      good: { spec: '', text: '---\ntitle: Summer sale\ndescription: Ten percent off\n---\n# Sale\n' },
    },
  },
  check({ problem, report }) {
    if (problem.note?.code !== 'duplicate-key') return;
    report({ messageId: 'duplicate', data: problem.note.data });
  },
};
