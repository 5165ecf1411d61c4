/**
 * The HTML report of `onemessage report` opened in a real browser: acme's report filters as a
 * reviewer expects, and a repository full of hostile text shows it as text and runs none of it.
 * With UPDATE_SCREENSHOT=1 it saves docs/report-screenshot.png from acme's report.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeCopy } from '../helpers/acme.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/lint.js';

const chromiumPath = '/usr/bin/chromium';

interface JsonFinding {
  documentTitle?: string;
  ruleId: string;
  path: string;
  channel?: string;
  severity: string;
}

const HOSTILE_SPEC = [
  'version: 1',
  'brand: "Acme <b>Outdoor</b>"',
  'channels:',
  '  marketing: ["site/**"]',
  '  support: ["support/**"]',
  'claims:',
  '  - id: best-in-industry',
  '    says: ["best in the industry"]',
  '    status: forbidden',
  '',
].join('\n');

const HOSTILE_FILES = {
  'onemessage.yaml': HOSTILE_SPEC,
  // the match spans inline markup, so the excerpt carries the markup with it
  'site/promo.html': '<title>Sale</title>\n<p>We are the best <img src=x onerror="window.__pwned=1">in the <script>window.__pwned=2; alert(2)</script>industry.</p>\n',
  'support/macros.json': JSON.stringify({
    macros: [{ id: 9, title: '<script>window.__pwned=3</script>Returns', actions: [{ field: 'comment_value', value: 'We are the best in the industry.' }] }],
  }),
};

async function reportIn(dir: string): Promise<string> {
  const result = await runCli(['report', '--as-of', '2026-12-15'], { cwd: dir });
  expect(result.code).toBe(0);
  return path.join(dir, 'onemessage-report.html');
}

describe.skipIf(!existsSync(chromiumPath))('the HTML report in a browser', () => {
  let browser: Browser;
  let acme: string;
  let acmeFindings: JsonFinding[];
  let hostile: string;

  beforeAll(async () => {
    acme = acmeCopy();
    const json = await runCli(['check', '--as-of', '2026-12-15', '--format', 'json'], { cwd: acme });
    acmeFindings = JSON.parse(json.stdout).findings;
    await reportIn(acme);
    hostile = tempRepo(HOSTILE_FILES);
    await reportIn(hostile);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(dir: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(path.join(dir, 'onemessage-report.html')).href);
    return { page, dialogs, errors };
  }

  it("filters acme's findings by channel, rule, severity and text", async () => {
    const { page, dialogs, errors } = await open(acme);
    const total = acmeFindings.length;
    const shown = () => page.locator('#filter-shown').textContent();
    const visibleFiles = () => page.locator('.finding:visible > header .loc').allTextContents();
    expect(await shown()).toBe(`${total} of ${total} findings shown`);

    await page.selectOption('#filter-channel', 'support');
    const support = acmeFindings.filter((f) => f.channel === 'support');
    expect(support.length).toBeGreaterThan(0);
    expect(support.length).toBeLessThan(total);
    expect(await shown()).toBe(`${support.length} of ${total} findings shown`);
    expect((await visibleFiles()).every((loc) => loc.startsWith('support/'))).toBe(true);
    expect(await page.locator('.file-group:visible h3').allTextContents()).toEqual([...new Set(support.map((f) => f.path))]);

    await page.selectOption('#filter-rule', 'term/use');
    const supportTerms = support.filter((f) => f.ruleId === 'term/use');
    expect(await shown()).toBe(`${supportTerms.length} of ${total} findings shown`);
    expect(await page.locator('.finding:visible .rule').allTextContents()).toEqual(supportTerms.map(() => 'term/use'));

    await page.selectOption('#filter-channel', '');
    await page.selectOption('#filter-rule', '');
    await page.selectOption('#filter-severity', 'error');
    expect(await shown()).toBe(`${acmeFindings.filter((f) => f.severity === 'error').length} of ${total} findings shown`);

    await page.selectOption('#filter-severity', '');
    await page.fill('#filter-text', 'Returns::Start a return');
    const inMacro = acmeFindings.filter((f) => f.documentTitle === 'Returns::Start a return');
    expect(inMacro.length).toBeGreaterThan(0);
    expect(await page.locator('.finding:visible .document strong').allTextContents()).toEqual(inMacro.map(() => 'Returns::Start a return (360011200101)'));

    await page.fill('#filter-text', 'nothing says this anywhere');
    expect(await page.locator('.finding:visible').count()).toBe(0);
    expect(await page.locator('#no-findings').isVisible()).toBe(true);
    await page.fill('#filter-text', '');
    expect(await shown()).toBe(`${total} of ${total} findings shown`);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows script and onerror payloads from the checked files as text, and runs none of them', async () => {
    const { page, dialogs, errors } = await open(hostile);
    const html = readFileSync(path.join(hostile, 'onemessage-report.html'), 'utf8');
    expect(html).not.toContain('<img src=x onerror');
    expect(await page.locator('.finding .excerpt').allTextContents()).toEqual([
      'best <img src=x onerror="window.__pwned=1">in the <script>window.__pwned=2; alert(2)</script>industry',
      'best in the industry',
    ]);
    expect(await page.locator('.finding .document strong').allTextContents()).toEqual(['<script>window.__pwned=3</script>Returns (9)']);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    // the report's own script still runs
    expect(await page.locator('#filter-shown').textContent()).toBe('2 of 2 findings shown');
    await page.close();
  });

  it("saves acme's report as the docs screenshot when asked", async () => {
    if (process.env.UPDATE_SCREENSHOT !== '1') return;
    const { page } = await open(acme);
    // from the summary on: the counts, the filter bar and the first findings, what a reviewer looks at first
    await page.setViewportSize({ width: 1200, height: 1400 });
    await page.locator('#summary').evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(ROOT, 'docs', 'report-screenshot.png') });
    await page.close();
  });
});
