/**
 * A rule's help as code-scanning tools show it beside an alert (SARIF `help`, Markdown and plain
 * text) and the address of its page in the published package, from the rule's own `meta`.
 */
import type { RuleExample, RuleMeta } from '../src/lint/rule.js';

/** The package's documentation, as published with each version (docs/ ships in the npm package). */
export function docsUrl(version: string, page: string): string {
  return `https://unpkg.com/onemessage@${encodeURIComponent(version)}/docs/${page}`;
}

/** The rule's page, docs/rules/<id>.md, in the published package of this version. */
export function rulePageUrl(id: string, version: string): string {
  return docsUrl(version, `rules/${id}.md`);
}

/** Inline Markdown as plain text: code spans lose their backticks, emphasis its stars. */
export function plainText(markdown: string): string {
  return markdown.replace(/(`+)([^`]*?)\1/g, '$2').replace(/\*\*([^*]+)\*\*/g, '$1');
}

export interface RuleHelp {
  markdown: string;
  text: string;
}

/** What the rule checks, why, an example that fires and one that does not, and how to waive one finding. */
export function ruleHelp(meta: RuleMeta): RuleHelp {
  const example = (ex: RuleExample, fence: boolean): string[] => {
    const where = ex.channel ? [`In a document of the ${fence ? `\`${ex.channel}\`` : ex.channel} channel.`] : [];
    const block = (lang: string, body: string) => (fence ? ['```' + lang, body.trimEnd(), '```'] : body.trimEnd().split('\n').map((line) => `    ${line}`));
    return [...where, ...(ex.spec ? ['Spec:', ...block('yaml', ex.spec)] : []), 'Document:', ...block('markdown', ex.text)];
  };
  const waive = `<!-- onemessage-disable-next-line ${meta.id} -- REASON, approved by NAME -->`;
  const markdown = [
    meta.description,
    '',
    meta.docs.details,
    '',
    '**Reported:**',
    '',
    ...example(meta.docs.bad, true),
    '',
    '**Not reported:**',
    '',
    ...example(meta.docs.good, true),
    '',
    `To waive one finding where it stands, write its reason (and who approved it): \`${waive}\`. In a file that cannot hold a comment, add an \`exceptions:\` entry to the spec.`,
  ].join('\n');
  const text = [
    plainText(meta.description),
    '',
    plainText(meta.docs.details),
    '',
    'Reported:',
    ...example(meta.docs.bad, false),
    '',
    'Not reported:',
    ...example(meta.docs.good, false),
    '',
    `To waive one finding where it stands, write its reason (and who approved it): ${waive}. In a file that cannot hold a comment, add an exceptions: entry to the spec.`,
  ].join('\n');
  return { markdown, text };
}
