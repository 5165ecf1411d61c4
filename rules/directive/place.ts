/** Where the directive rules report: at the directive comment itself. */
import type { DirectiveScope } from '../../src/lint/directives.js';
import type { WaiverPlace } from '../../src/lint/rule.js';

export function directivePlace(path: string, scope: DirectiveScope): WaiverPlace {
  return {
    path,
    start: scope.where.start,
    end: scope.where.end,
    excerpt: scope.where.excerpt,
    document: { channel: scope.channel, title: scope.documentTitle, id: scope.documentId },
  };
}
