/** `--fix` and `--fix-dry-run` through the CLI, on a Zendesk export and on Markdown. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const SPEC = `version: 1
channels:
  marketing: ["site/**"]
  support: ["support/**"]
claims:
  - id: best-in-industry
    says: ["best in the industry"]
    status: forbidden
    suggest: highly rated by our customers
    fix: true
terms:
  - use: TrailPack
    not: ["Trail Pack", "trail-pack"]
  - use: sign in
    not: ["login to"]
    channels: [support]
`;

/** A Zendesk export as the API writes it: ASCII only, \u escapes, escaped quotes and line breaks. */
const ZENDESK = `{
  "macros": [
    {
      "url": "https://acme.zendesk.com/api/v2/macros/360001234567.json",
      "id": 360001234567,
      "title": "Returns::Trail Pack return",
      "active": true,
      "updated_at": "2026-10-02T14:11:09Z",
      "actions": [
        { "field": "subject", "value": "Your Trail Pack return" },
        {
          "field": "comment_value",
          "value": "Hi {{ticket.requester.first_name}},\\n\\nWe\\u2019re sorry your \\"Trail Pack\\" didn\\u2019t fit.\\nPlease login to your account to print the label.\\n\\nThe Acme team"
        }
      ],
      "restriction": null
    },
    {
      "url": "https://acme.zendesk.com/api/v2/macros/360001234568.json",
      "id": 360001234568,
      "title": "Stock::Back in stock",
      "active": false,
      "actions": [
        {
          "field": "comment_value_html",
          "value": "<p>Good news: the <strong>trail-pack</strong> 45 is back \\u2013 the best in the industry.</p>\\n<p>Login to your account to order.</p>"
        }
      ],
      "restriction": { "type": "Group", "id": 42 }
    }
  ],
  "next_page": null,
  "count": 2
}
`;

describe('--fix on a Zendesk export', () => {
  it('keeps valid JSON that parses to the same structure apart from the fixed strings', async () => {
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'support/zendesk-macros.json': ZENDESK });
    const out = await runCli(['check', '--fix', '--as-of', '2026-11-23'], { cwd: dir });
    expect(out.stderr).toBe('onemessage: fixed 6 problems in 1 file\n');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('warning: onemessage.yaml: channel "marketing" glob "site/**" matches no file\n\n✔ no problems in 1 file\n');
    const text = readFileSync(path.join(dir, 'support/zendesk-macros.json'), 'utf8');
    // Still ASCII-only, as the API wrote it.
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
    const expected = JSON.parse(ZENDESK);
    // The macro's title is for agents, not customers: not read, not fixed.
    expected.macros[0].actions[0].value = 'Your TrailPack return';
    expected.macros[0].actions[1].value = expected.macros[0].actions[1].value.replace('"Trail Pack"', '"TrailPack"').replace('login to', 'sign in to');
    expected.macros[1].actions[0].value = expected.macros[1].actions[0].value
      .replace('trail-pack', 'TrailPack')
      .replace('best in the industry', 'highly rated by our customers')
      .replace('Login to', 'Sign in to');
    expect(JSON.parse(text)).toEqual(expected);
    // Nothing else moved: the layout of the file is the original's.
    expect(text.split('\n').length).toBe(ZENDESK.split('\n').length);

    const again = await runCli(['check', '--fix', '--as-of', '2026-11-23'], { cwd: dir });
    expect(again.stderr).toBe('');
    expect(readFileSync(path.join(dir, 'support/zendesk-macros.json'), 'utf8')).toBe(text);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff, writes nothing, and exits as the findings say', async () => {
    const page = ['---', 'title: The Trail Pack 45', '---', '', '# Meet the Trail Pack', '', 'It is the best in the industry.', ''].join('\n');
    const dir = tempRepo({ 'onemessage.yaml': SPEC, 'site/trailpack.md': page });
    const out = await runCli(['check', '--fix-dry-run', '--as-of', '2026-11-23'], { cwd: dir });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe(
      [
        '--- a/site/trailpack.md',
        '+++ b/site/trailpack.md',
        '@@ -1,7 +1,7 @@',
        ' ---',
        '-title: The Trail Pack 45',
        '+title: The TrailPack 45',
        ' ---',
        ' ',
        '-# Meet the Trail Pack',
        '+# Meet the TrailPack',
        ' ',
        '-It is the best in the industry.',
        '+It is the highly rated by our customers.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(dir, 'site/trailpack.md'), 'utf8')).toBe(page);
  });
});
