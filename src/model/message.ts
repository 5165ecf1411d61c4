/** Fills a rule's message template: `{{name}}` is replaced by `data.name` (ESLint's placeholders). */

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;

/** The message with its placeholders filled; a placeholder the data lacks is a bug in the rule, not a user's mistake. */
export function fillMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`message "${template}" needs {{${name}}}, which the report does not give`);
    return String(data[name]);
  });
}

/** The placeholders a template uses, for tests and docs. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
