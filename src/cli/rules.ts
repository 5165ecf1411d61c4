/**
 * `onemessage rules` and `onemessage explain RULE`: the rule catalogue, from the rule modules
 * themselves, and the rules of the plugins the spec found from the working folder names.
 */
import { rules } from '../../rules/index.js';
import { severityKeys, type Rule } from '../lint/rule.js';
import { loadPlugins, pluginRuleIdsLoader } from '../runner/plugins.js';
import { UsageError } from '../spec/errors.js';
import { findSpec } from '../spec/find.js';
import { loadSpec } from '../spec/load.js';
import { closest } from '../spec/suggest.js';
import type { Io } from './io.js';

/** The built-in rules, then those of the plugins of the spec here (a spec that does not load adds none: `check` says why). */
function knownRules(cwd: string): Rule[] {
  const specPath = findSpec(cwd);
  if (!specPath) return rules;
  const builtinIds = rules.map((rule) => rule.meta.id);
  try {
    const { spec } = loadSpec({ specPath, cwd, knownRuleIds: severityKeys(rules), pluginRuleIds: pluginRuleIdsLoader({ cwd, builtinIds }) });
    return spec.plugins.length > 0 ? [...rules, ...loadPlugins(spec.plugins, { cwd, builtinIds }).rules] : rules;
  } catch {
    return rules;
  }
}

export function rulesCommand(io: Io): number {
  const all = knownRules(io.cwd);
  const width = severityKeys(all).reduce((most, key) => Math.max(most, key.length), 0);
  for (const rule of all) {
    const { id, defaultSeverity, fixable, description } = rule.meta;
    io.stdout(`${id.padEnd(width)}  ${defaultSeverity.padEnd(7)}  ${fixable ? 'fixable' : '       '}  ${description}\n`);
    for (const [name, variant] of Object.entries(rule.meta.variants ?? {})) {
      io.stdout(`${`${id}/${name}`.padEnd(width)}  ${variant.defaultSeverity.padEnd(7)}           ${variant.description}\n`);
    }
  }
  return 0;
}

export function explainCommand(ruleId: string | undefined, io: Io): number {
  if (ruleId === undefined) {
    // As a reader who typed `explain` wants: which rules there are, and how to ask about one.
    io.stdout('onemessage explain RULE: the rule\'s documentation, with an example that fires and one that does not. The rules:\n\n');
    rulesCommand(io);
    io.stdout('\nfor example: onemessage explain claim/forbidden (the rules of the spec\'s plugins are listed too)\n');
    return 0;
  }
  const all = knownRules(io.cwd);
  const rule = all.find((known) => known.meta.id === ruleId);
  if (!rule) {
    const suggestion = closest(ruleId, all.map((r) => r.meta.id));
    throw new UsageError(`unknown rule "${ruleId}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (see onemessage rules)`);
  }
  io.stdout(explainText(rule.meta));
  return 0;
}

export function explainText(meta: (typeof rules)[number]['meta']): string {
  const indent = (text: string) => text.trimEnd().split('\n').map((line) => `    ${line}`).join('\n');
  const example = (label: string, ex: { spec: string; text: string; channel?: string }) =>
    [`${label}${ex.channel ? ` (in the ${ex.channel} channel)` : ''}:`, ...(ex.spec ? ['  spec:', indent(ex.spec)] : []), '  document:', indent(ex.text)].join('\n');
  return [
    `${meta.id}  (default severity: ${meta.defaultSeverity}${meta.fixable ? ', fixable with --fix' : ''})`,
    '',
    meta.description,
    '',
    meta.docs.details,
    '',
    ...Object.entries(meta.variants ?? {}).flatMap(([name, variant]) => [`${meta.id}/${name}  (default severity: ${variant.defaultSeverity})`, `  ${variant.description}`, '']),
    example('Reported', meta.docs.bad),
    '',
    example('Not reported', meta.docs.good),
    '',
  ].join('\n');
}

/** docs/rules.md, generated from the rule modules so the docs never drift from the code. */
export function ruleDocsMarkdown(): string {
  const out: string[] = [
    '# Rules',
    '',
    '<!-- Generated from the rule modules by `npm run docs`; do not edit by hand. -->',
    '',
    'Every rule, its default severity (change it in the spec\'s `severity:` map, or turn it `off`), and an example that fires and one that does not. `onemessage explain RULE` prints the same in the terminal.',
    '',
    '| rule | default | fixable | what it reports |',
    '| --- | --- | --- | --- |',
    ...rules.flatMap((rule) => [
      `| [\`${rule.meta.id}\`](#${rule.meta.id.replace(/[^a-z0-9-]/g, '')}) | ${rule.meta.defaultSeverity} | ${rule.meta.fixable ? 'yes' : ''} | ${rule.meta.description} |`,
      ...Object.entries(rule.meta.variants ?? {}).map(([name, variant]) => `| \`${rule.meta.id}/${name}\` | ${variant.defaultSeverity} | | ${variant.description} |`),
    ]),
    '',
  ];
  for (const rule of rules) {
    const { meta } = rule;
    const example = (label: string, ex: { spec: string; text: string; channel?: string }) => [
      `**${label}**${ex.channel ? ` (in the \`${ex.channel}\` channel)` : ''}:`,
      '',
      ...(ex.spec ? ['```yaml', ex.spec.trimEnd(), '```', ''] : []),
      '```markdown',
      ex.text.trimEnd(),
      '```',
      '',
    ];
    // bounded spread: an example is a dozen lines
    out.push(`## ${meta.id}`, '', `Default severity: \`${meta.defaultSeverity}\`${meta.fixable ? '; fixable with `--fix`' : ''}.`, '', meta.docs.details, '', ...example('Reported', meta.docs.bad), ...example('Not reported', meta.docs.good));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
