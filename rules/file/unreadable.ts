/** file/unreadable: a file could not be read or parsed; the run reports it and goes on with the others. */
import type { FileRule } from '../../src/lint/rule.js';

export const fileUnreadable: FileRule = {
  kind: 'file',
  meta: {
    id: 'file/unreadable',
    description: 'A file could not be read or parsed (the run goes on with the others).',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      unreadable: '{{reason}}',
    },
    docs: {
      details:
        'Reported by the engine, not by a phrase: a file without read permission, a binary file with a text extension, invalid UTF-8, a truncated JSON export, a CSV missing a named column, front matter that is not YAML. The message says why and, where known, points at the line and column. A file that cannot be read is never silently skipped: in CI it fails the check until it is fixed or ignored in the spec.',
      bad: { spec: '', text: '---\ntitle: [unclosed\n---\n# Hello\n' },
      good: { spec: '', text: '---\ntitle: Hello\n---\n# Hello\n' },
    },
  },
  check({ problem, report }) {
    // A note is about a file that was read: other file rules report the notes they know.
    if (problem.note) return;
    report({ messageId: 'unreadable', data: { reason: problem.reason } });
  },
};
