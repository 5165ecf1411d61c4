/**
 * The text of the `onemessage.yaml` that `onemessage init` writes: every section of the spec
 * with a comment on what it is for and one example, commented out until the user adapts it,
 * so the first run is clean and each edit is a deliberate statement of the company's message.
 */

export interface InitTemplateOptions {
  /** channel name -> globs guessed from the folders found, in the order to write them */
  channels: Array<{ name: string; globs: string[] }>;
  /** the `$schema=` reference for the YAML language server */
  schemaRef: string;
  /** built-in packs available to `extends` */
  packs: string[];
  /** write the examples as live YAML rather than comments (tests load them to prove them valid) */
  examplesLive?: boolean;
}

interface Section {
  /** what the section is for, one comment line each */
  about: string[];
  /** the example, as YAML lines */
  example: string[];
}

export function initTemplate(options: InitTemplateOptions): string {
  const { channels } = options;
  const names = channels.map((channel) => channel.name);
  // Examples may only name channels this spec defines, or they would not load once uncommented.
  const first = names[0];
  const outward = names.find((name) => name === 'marketing') ?? first;
  const internal = names.find((name) => name === 'support') ?? names[names.length - 1];
  const channelList = (list: Array<string | undefined>) => [...new Set(list.filter((name): name is string => name !== undefined))].join(', ');

  const lines: string[] = [
    `# yaml-language-server: $schema=${options.schemaRef}`,
    '# The one message that marketing, sales and support all tell customers, checked by onemessage.',
    '# Your editor completes and checks this file through the schema on the first line (install the',
    '# YAML extension); `onemessage explain RULE` prints what each rule reports.',
    '#',
    '# Each section below has an example, commented out: uncomment it, make it true for your company,',
    '# and run `npx onemessage check`.',
    'version: 1',
    '',
  ];
  const section = (section: Section, live = options.examplesLive ?? false) => {
    for (const line of section.about) lines.push(`# ${line}`);
    for (const line of section.example) lines.push(live ? line : `# ${line}`);
    lines.push('');
  };

  section({ about: ['Shown in reports.'], example: ['brand: Acme Outdoor'] });
  if (options.packs.length > 0) {
    section({
      about: [`Ready-made rules to start from: built-in packs (${options.packs.join(', ')}) or paths to other specs.`],
      example: [`extends: [${options.packs[0]}]`],
    });
  }
  if (channels.length > 0) {
    section(
      {
        about: ['Which files speak for which channel (globs relative to this file), guessed from your folders.', 'A document\'s front matter `channel: sales` wins over these globs.'],
        example: ['channels:', ...channels.map((channel) => `  ${channel.name}: [${channel.globs.map((glob) => JSON.stringify(glob)).join(', ')}]`)],
      },
      true,
    );
  } else {
    section({
      about: ['Which files speak for which channel (globs relative to this file). No content folders were', 'recognised; without channels every file is checked by every rule that is not limited to a channel.'],
      example: ['channels:', '  marketing: ["site/**"]', '  sales: ["sales/**"]', '  support: ["support/**"]'],
    });
  }
  section({
    about: ['Numbers and terms that must be the same everywhere; {value} stands where the quantity is written.'],
    example: ['facts:', '  return-window:', '    value: 30 days', '    says: ["{value} return", "return (it|them|your order)? within {value}"]', '    message: Our return window is 30 days in every channel.'],
  });
  section({
    about: ['Claims that are forbidden, allowed (in some channels or between dates) or need evidence.'],
    example: [
      'claims:',
      '  - id: best-in-industry',
      '    says: ["best in the industry", "#1 rated"]',
      '    status: forbidden',
      '    suggest: highly rated by our customers',
      '  - id: clinically-tested',
      '    says: ["clinically tested"]',
      '    status: needs-evidence',
      ...(outward ? ['  - id: lifetime-warranty', '    says: ["lifetime warranty"]', '    status: allowed', `    channels: [${outward}]`] : []),
    ],
  });
  section({
    about: ['Products and their stock: promises of immediate availability are checked against it.'],
    example: ['products:', '  trailpack-45:', '    names: ["TrailPack 45", "TP-45"]', '    stock: made-to-order', '    lead-time: 6-8 weeks'],
  });
  section({
    about: ['What counts as a promise of immediate availability (replaces the built-in list).'],
    example: ['promises:', '  immediate: ["in stock", "ships today", "available now"]'],
  });
  section({
    about: ['Disclosures that must stand near a trigger phrase (or a claim that requires them).'],
    example: [
      'disclosures:',
      '  material-connection:',
      '    when: ["affiliate link", "sponsored"]',
      '    include: ["#ad", "We earn a commission"]',
      '    within: paragraph',
      ...(outward ? [`    channels: [${outward}]`] : []),
    ],
  });
  section({
    about: ['Preferred wording: use this term, not those variants (fixable with --fix).'],
    example: ['terms:', '  - use: sign in', '    not: ["login to", "log-in to"]', ...(internal ? [`    channels: [${channelList([internal])}]`] : [])],
  });
  section({
    about: ['Speakers in scripts and transcripts whose lines are not yours and are not checked.'],
    example: ['speakers:', '  ignore: ["Prospect", "Customer"]'],
  });
  section({
    about: ['Severity per rule: error, warning, info or off (`onemessage rules` lists them).'],
    example: ['severity:', '  term/use: error'],
  });
  section({
    about: ['Files never read, as well as what .gitignore ignores.'],
    example: ['ignore: ["**/drafts/**"]'],
  });
  section({
    about: ['How to read exports whose shape is not self-evident: a CSV of macros, front matter fields.'],
    example: ['formats:', '  csv: { title: Name, text: Body }', '  markdown: { fields: [summary] }'],
  });
  section({
    about: ['Waivers for findings that cannot carry an inline comment, with a reason and an approver.'],
    example: ['exceptions:', '  - files: "archive/**"', '    rule: term/use', '    reason: Archived pages keep their original wording.', '    approved-by: J. Doe, Legal', '    until: 2027-01-31'],
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
