import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspHash } from '../../src/report/html-page.js';
import { formatHtml } from '../../src/report/html.js';
import { attributePayload, hostileTitle, sampleOptions, sampleResult, scriptPayload } from './sample.js';

const chromiumPath = '/usr/bin/chromium';
const html = formatHtml(sampleResult(), sampleOptions());

describe('html reporter (markup)', () => {
  it('escapes every piece of user text', () => {
    expect(html).not.toContain(scriptPayload);
    expect(html).not.toContain(attributePayload);
    expect(html).not.toContain(hostileTitle);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('In <strong>&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; (@SUM(A1))</strong>');
    expect(html).toContain('<code>site/blog/q3 sale, 100% off: été.md</code>');
    expect(html).not.toContain('\u001b');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('innerHTML');
  });

  it('admits only its own inline style and script, by hash', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toBe(`default-src 'none'; style-src ${cspHash(style)}; script-src ${cspHash(script)}; base-uri 'none'; form-action 'none'`);
    expect(html).not.toMatch(/ style="| on[a-z]+="/);
  });

  it('with nested specs, the audit lists each one, each file names its spec, and the sign-off names them', () => {
    const base = sampleResult();
    const brand = { path: 'coastal/onemessage.yaml', sha256: 'b'.repeat(64), brand: 'Coastal <Outfitters>', revision: '3' };
    const nested = formatHtml(
      { ...base, specs: [base.spec, brand], files: base.files.map((file, index) => (index === 0 ? { ...file, spec: brand.path } : file)) },
      sampleOptions(),
    );
    expect(nested).toContain(`<dt>Nested specs</dt><dd><ul class="specs">\n<li><code>coastal/onemessage.yaml</code> (Coastal &lt;Outfitters&gt;, revision <strong>3</strong>), SHA-256 <span class="hash">${'b'.repeat(64)}</span></li>\n</ul></dd>`);
    expect(nested).toContain('<th>File</th><th>Spec</th><th>Format</th>');
    expect(nested).toContain(`<td><code>${base.files[0]!.path.replace(/&/g, '&amp;')}</code></td><td><code>coastal/onemessage.yaml</code></td>`);
    expect(nested).toContain(`<td><code>${base.spec.path}</code></td>`);
    expect(nested).toMatch(/and, for the files below them, the nested spec listed in the audit \(coastal\/onemessage\.yaml SHA-256 b{12}…\), as of /);
    // one spec: no column, no row
    expect(html).not.toContain('Nested specs');
    expect(html).toContain('<th>File</th><th>Format</th>');
  });

  it('holds the audit block: version, spec and hash, dates, command, every file with its hash', () => {
    expect(html).toContain('<dt>onemessage version</dt><dd>0.1.0</dd>');
    expect(html).toContain(`<dt>Spec SHA-256</dt><dd><span class="hash">${'a'.repeat(64)}</span></dd>`);
    expect(html).toContain('<dt>As of</dt><dd>2026-05-04</dd>');
    expect(html).toContain('<dt>Started at</dt><dd>2026-05-04T09:30:00.000Z</dd>');
    expect(html).toContain('<dt>Command</dt><dd><code>onemessage check --format html .</code></dd>');
    expect(html).toContain(
      `<tr><td><code>support/zendesk-macros.json</code></td><td>zendesk</td><td>support</td><td class="num">3</td><td class="num">3100</td><td><span class="hash">${'2'.repeat(64)}</span></td></tr>`,
    );
    const withoutStart = formatHtml({ ...sampleResult(), startedAt: undefined }, sampleOptions());
    expect(withoutStart).not.toContain('Started at');
  });

  it('shows the message matrix with conflicts marked, and omits it when absent', () => {
    expect(html).toContain('<thead><tr><th>Fact</th><th>Spec</th><th>marketing</th><th>sales</th><th>support</th></tr></thead>');
    expect(html).toContain(
      '<td class="conflict"><ul><li class="conflicting"><strong>60-day</strong> ×1 <span class="flag">conflict</span><br><small class="mono">site/returns.md:5:12</small></li></ul></td>',
    );
    expect(formatHtml({ ...sampleResult(), matrix: undefined }, sampleOptions())).not.toContain('id="matrix"');
  });

  it('marks a waived finding with who waived it, where, the approver, the reason and the expiry', () => {
    expect(html).toContain(
      '<dl class="suppression"><dt>Waived by</dt><dd>a spec exception at onemessage.yaml:88</dd><dt>Approved by</dt><dd>J. Doe, Legal</dd>' +
        '<dt>Reason</dt><dd>Legacy macros for orders placed before the policy change.</dd><dt>Until</dt><dd>2027-01-31</dd></dl>',
    );
    const base = sampleResult();
    const directive = { ...base.findings[1]!, suppression: { kind: 'directive' as const, reason: 'award quote', path: 'site/index.md', line: 2 } };
    expect(formatHtml({ ...base, findings: [directive] }, sampleOptions())).toContain(
      '<dt>Waived by</dt><dd>an inline directive at site/index.md:2</dd><dt>Approved by</dt><dd><span class="unnamed">not named</span></dd>',
    );
  });

  it('quotes the sentence with the matched words marked, and shows the source text only when it says more', () => {
    expect(html).toContain('<blockquote class="sentence">Enjoy hassle-free <mark>60-day</mark> returns on every order.</blockquote>');
    const mismatch = html.slice(html.indexOf('id="finding-3"'), html.indexOf('id="finding-4"'));
    expect(mismatch).not.toContain('class="source"');
    // no sentence (a finding that matched no text): the excerpt itself
    expect(html).toContain('<p class="source"><code class="excerpt">best in the industry</code></p>');
  });

  it('labels what a finding contradicts apart from the context that explains it', () => {
    expect(html).toContain(
      '<div class="related contradicts">\n<h4>Contradicts</h4>\n<ul>\n<li><span class="loc mono">sales/call-script.md:14:27</span> <span class="muted">(sales)</span>: sales says 30 days' +
        '<blockquote class="sentence">Rep: You can return it within <mark>30 days</mark>, no questions asked.</blockquote></li>',
    );
    expect(html).toContain('<div class="related context">\n<h4>Context</h4>\n<ul>\n<li><span class="loc mono">support/macros.csv:4:5</span>');
    expect(html).toContain('the section is about TrailPack 45<blockquote class="sentence"><mark>TP-45</mark></blockquote>');
    expect(html).not.toContain('Other side');
  });

  it('renders rule text written in Markdown, escaped', () => {
    expect(html).toContain("<code>fact/mismatch</code> <span class=\"muted\">A fact is stated with a value other than the spec&#39;s <code>value</code>.</span>");
    expect(html).not.toContain('`value`');
  });

  it('records the commit and whether the tree was clean, the revision and the owner', () => {
    expect(html).toContain('<dt>Commit</dt><dd><span class="muted">not recorded (no git repository, or git not installed)</span></dd>');
    const base = sampleResult();
    const signed = formatHtml(
      { ...base, spec: { ...base.spec, owner: 'Brand team', revision: '2026.2' }, git: { commit: 'c'.repeat(40), clean: false, changed: 2 } },
      sampleOptions(),
    );
    expect(signed).toContain(`<dt>Commit</dt><dd><span class="hash">${'c'.repeat(40)}</span> <span class="tree-dirty">2 files changed since the commit: findings may not match it</span></dd>`);
    expect(signed).toContain('<dt>Spec</dt><dd><code>onemessage.yaml</code>, revision <strong>2026.2</strong></dd>');
    expect(signed).toContain('<dt>Owner</dt><dd>Brand team</dd>');
    expect(signed).toContain(`at commit ${'c'.repeat(12)} (with uncommitted changes), checked against onemessage.yaml revision 2026.2,`);
  });

  it('ends with a sign-off: reviewer, date, decision, comments and a signature line', () => {
    const signOff = html.slice(html.indexOf('<section id="sign-off">'));
    for (const label of ['Reviewer', 'Role', 'Date', 'Decision', 'Comments', 'Signature']) expect(signOff).toContain(`>${label}<`);
    expect(signOff).toContain('value="approved"');
    expect(signOff).toContain('value="rejected"');
    expect(signOff).toContain('I have reviewed the findings above for Acme Outdoor');
  });

  it('writes the same bytes twice', () => {
    expect(formatHtml(sampleResult(), sampleOptions())).toBe(html);
  });
});

describe.skipIf(!existsSync(chromiumPath))('html reporter (in a browser)', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'onemessage-html-'));
    writeFileSync(path.join(dir, 'report.html'), html);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const visible = () => page.locator('.finding:visible').evaluateAll((els) => els.map((el) => el.id));
  async function filter(options: { channel?: string; rule?: string; severity?: string; text?: string; suppressed?: boolean }) {
    await page.selectOption('#filter-channel', options.channel ?? '');
    await page.selectOption('#filter-rule', options.rule ?? '');
    await page.selectOption('#filter-severity', options.severity ?? '');
    await page.fill('#filter-text', options.text ?? '');
    await page.setChecked('#filter-suppressed', options.suppressed ?? true);
  }

  it('shows hostile text as text and runs none of it', async () => {
    expect(await page.locator('#finding-1 .message').textContent()).toBe(
      `"clinically tested" needs a citation in its paragraph ${scriptPayload}\n${attributePayload}`,
    );
    expect(await page.locator('#finding-4 .document strong').textContent()).toBe(`${hostileTitle} (@SUM(A1))`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('filters by channel, rule and severity, and searches text', async () => {
    expect(await page.locator('#filter-shown').textContent()).toBe('7 of 7 findings shown');
    await filter({ channel: 'support' });
    expect(await visible()).toEqual(['finding-4', 'finding-5', 'finding-6', 'finding-7']);
    expect(await page.locator('.file-group:visible h3').allTextContents()).toEqual(['support/macros.csv', 'support/zendesk-macros.json']);
    await filter({ rule: 'fact/mismatch' });
    expect(await visible()).toEqual(['finding-3', 'finding-7']);
    await filter({ rule: 'fact/mismatch', suppressed: false });
    expect(await visible()).toEqual(['finding-3']);
    await filter({ severity: 'warning' });
    expect(await visible()).toEqual(['finding-1', 'finding-5']);
    await filter({ text: 'HYPERLINK' });
    expect(await visible()).toEqual(['finding-5']);
    await filter({ text: 'sales says' });
    expect(await visible()).toEqual(['finding-3']);
    expect(await page.locator('#filter-shown').textContent()).toBe('1 of 7 findings shown');
    await filter({ channel: 'marketing', severity: 'info' });
    expect(await visible()).toEqual([]);
    expect(await page.locator('#no-findings').isVisible()).toBe(true);
    expect(dialogs).toEqual([]);
  });

  it('prints every finding, whatever the filters, and no filter bar', async () => {
    await filter({ rule: 'term/use', suppressed: false });
    expect(await visible()).toEqual(['finding-6']);
    await page.emulateMedia({ media: 'print' });
    expect(await visible()).toHaveLength(7);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await filter({});
  });

  it('runs no injected markup even if escaping had failed, thanks to the CSP', async () => {
    const injected = html.replace('<main>', '<main><img src=x onerror="window.__pwned=1"><script>window.__pwned=2; alert(2)</script>');
    writeFileSync(path.join(dir, 'injected.html'), injected);
    const other = await browser.newPage();
    const seen: string[] = [];
    other.on('dialog', (dialog) => {
      seen.push(dialog.message());
      void dialog.dismiss();
    });
    await other.goto(pathToFileURL(path.join(dir, 'injected.html')).href);
    expect(await other.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(seen).toEqual([]);
    // the report's own script still runs
    expect(await other.locator('#filter-shown').textContent()).toBe('7 of 7 findings shown');
    await other.close();
  });
});
