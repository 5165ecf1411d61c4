/**
 * docs/rules/<category>/<name>.md, one page per rule, generated from the rule modules (`npm
 * run docs`) so that the pages, `onemessage explain` and the code never drift apart.
 */
import { rules } from '../../rules/index.js';

type RuleMeta = (typeof rules)[number]['meta'];

export interface RulePage {
  /** relative to the repository root, `/` separators */
  file: string;
  text: string;
}

/** The folder the pages live in. */
export const RULE_PAGES_DIR = 'docs/rules';

export function rulePages(): RulePage[] {
  return rules.map((rule) => ({ file: `${RULE_PAGES_DIR}/${rule.meta.id}.md`, text: rulePage(rule.meta) }));
}

export function rulePage(meta: RuleMeta): string {
  const depth = meta.id.split('/').length; // docs/rules/claim/forbidden.md is two folders below docs/
  const up = '../'.repeat(depth);
  const example = (label: string, ex: { spec: string; text: string; channel?: string }) => [
    `## ${label}`,
    '',
    ...(ex.channel ? [`In a document of the \`${ex.channel}\` channel.`, ''] : []),
    ...(ex.spec ? ['Spec:', '', '```yaml', ex.spec.trimEnd(), '```', ''] : []),
    'Document:',
    '',
    '```markdown',
    ex.text.trimEnd(),
    '```',
    '',
  ];
  const lines = [
    `# ${meta.id}`,
    '',
    '<!-- Generated from the rule module by `npm run docs`; do not edit by hand. -->',
    '',
    meta.description,
    '',
    `- Default severity: \`${meta.defaultSeverity}\``,
    `- Fixable with \`--fix\`: ${meta.fixable ? 'yes' : 'no'}`,
    '',
    meta.docs.details,
    '',
    ...example('Reported', meta.docs.bad),
    ...example('Not reported', meta.docs.good),
    '## Messages',
    '',
    'Every message the rule can give, by message id (`{{name}}` is filled in from what was found):',
    '',
    '| id | message |',
    '| --- | --- |',
    ...Object.entries(meta.messages).map(([id, message]) => `| \`${id}\` | ${message.replace(/\|/g, '\\|')} |`),
    '',
    '## Configure',
    '',
    'Change its severity, or turn it off, in the spec:',
    '',
    '```yaml',
    'severity:',
    `  ${meta.id}: ${meta.defaultSeverity === 'error' ? 'warning' : 'error'}   # error, warning, info or off`,
    ...Object.entries(meta.variants ?? {}).map(([name, variant]) => `  ${meta.id}/${name}: ${variant.defaultSeverity === 'error' ? 'warning' : 'error'}   # the ${name} findings only (default ${variant.defaultSeverity})`),
    '```',
    '',
    ...Object.entries(meta.variants ?? {}).flatMap(([name, variant]) => [
      `\`${meta.id}/${name}\` (default \`${variant.defaultSeverity}\`): ${variant.description} Its findings carry \`"variant": "${name}"\`; \`off\` stops the rule looking for them.`,
      '',
    ]),
    'Waive one finding where it stands, with the reason:',
    '',
    '```markdown',
    `<!-- onemessage-disable-next-line ${meta.id} -- approved by Legal, ticket 123 -->`,
    '```',
    '',
    `In a file that cannot carry a comment (a macro export), add an \`exceptions:\` entry to the spec ([spec reference](${up}spec.md)).`,
    '',
    `\`onemessage explain ${meta.id}\` prints this page in the terminal. [All rules](${up}rules.md).`,
  ];
  return `${lines.join('\n')}\n`;
}
