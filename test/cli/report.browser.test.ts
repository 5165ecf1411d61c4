/**
 * The HTML report of `onemessage report` and the HTML guide opened in a real browser (one launch
 * for all): acme's report filters as a reviewer expects, prints to PDF with its findings whole and
 * a sign-off at the end, a repository full of hostile text shows it as text and runs none of it,
 * and acme's guide reads as sentences. With UPDATE_SCREENSHOT=1 it saves the screenshots in docs/:
 * the report on screen, page 1 of its PDF (rasterised with pdftoppm or Ghostscript) and the guide.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeCopy } from '../helpers/acme.js';
import { commitAll } from '../helpers/git.js';
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
    // a repository with one commit, so that the audit block shows the commit and a clean tree
    commitAll(acme);
    const json = await runCli(['check', '--as-of', '2026-12-15', '--format', 'json'], { cwd: acme });
    acmeFindings = JSON.parse(json.stdout).findings;
    await reportIn(acme);
    expect((await runCli(['guide', '--as-of', '2026-12-15', '--format', 'html', '--output', path.join(acme, '..', `${path.basename(acme)}-guide.html`)], { cwd: acme })).code).toBe(0);
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

  async function open(dir: string, file = path.join(dir, 'onemessage-report.html')): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
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
    await page.goto(pathToFileURL(file).href);
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
    // the sentence as a reader sees it, and the source text where it holds more than the marked words
    expect(await page.locator('.finding > .sentence').allTextContents()).toEqual(['We are the best in the industry.', 'We are the best in the industry.']);
    expect(await page.locator('.finding .excerpt').allTextContents()).toEqual([
      'best <img src=x onerror="window.__pwned=1">in the <script>window.__pwned=2; alert(2)</script>industry',
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

  it("shows acme's evidence: the commit, sentences, contradictions apart from context, and a sign-off", async () => {
    const { page, errors } = await open(acme);
    expect(await page.locator('dl.audit').textContent()).toMatch(/Commit[0-9a-f]{40} clean working tree/);
    const mismatch = page.locator('.finding', { has: page.locator('header .loc', { hasText: /^site\/index\.md:/ }) }).filter({ hasText: 'states return-window as 60-day' });
    expect(await mismatch.locator('> .sentence').textContent()).toBe('Free shipping on orders over $50, and a 60-day money-back guarantee.');
    expect(await mismatch.locator('> .sentence mark').textContent()).toBe('60-day');
    expect(await mismatch.locator('.contradicts h4').textContent()).toBe('Contradicts');
    expect(await mismatch.locator('.contradicts li').first().textContent()).toMatch(/^sales\/call-script\.md:15:85 \(sales\): sales says "return it within 30 days"/);
    const promise = page.locator('.finding', { hasText: 'Available now' }).first();
    expect(await promise.locator('.context li').textContent()).toMatch(/the section is about Ridgeline Stove/);
    expect(await promise.locator('.contradicts').count()).toBe(0);
    // rule text is rendered, not shown with its backticks
    expect(await page.locator('#summary').textContent()).not.toContain('`');
    await page.fill('#sign-reviewer', 'J. Doe');
    await page.check('#sign-decision-1');
    expect(await page.locator('#sign-off').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("prints acme's report to PDF with its tables, findings and sign-off kept whole", async () => {
    const { page } = await open(acme);
    await page.emulateMedia({ media: 'print' });
    const breakInside = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => getComputedStyle(el).breakInside));
    for (const selector of ['.finding', '.counts table', 'table.matrix', '#sign-off']) {
      const values = await breakInside(selector);
      expect(values.length, selector).toBeGreaterThan(0);
      expect(new Set(values), selector).toEqual(new Set(['avoid']));
    }
    expect(await page.locator('#sign-off').evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    expect(await page.locator('.finding:visible').count()).toBe(acmeFindings.length);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThan(3);
    if (process.env.UPDATE_SCREENSHOT === '1') {
      const file = path.join(ROOT, 'docs', 'report.pdf');
      writeFileSync(file, pdf);
      rasterFirstPage(file, path.join(ROOT, 'docs', 'report-print-page1.png'));
    }
    await page.close();
  });

  it("shows acme's guide as sentences, with no template syntax and no script", async () => {
    const { page, errors } = await open(acme, path.join(acme, '..', `${path.basename(acme)}-guide.html`));
    expect(await page.locator('h1').textContent()).toBe('Acme Outdoor messaging guide');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const syntax of ['(', '|', '{value}', '?']) expect(text).not.toContain(syntax);
    expect(await page.locator('h3', { hasText: 'Return window' }).textContent()).toBe('Return window: 30 days');
    expect(await page.locator('script').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    if (process.env.UPDATE_SCREENSHOT === '1') {
      await page.setViewportSize({ width: 1000, height: 1300 });
      await page.screenshot({ path: path.join(ROOT, 'docs', 'guide-screenshot.png') });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("saves acme's report as the docs screenshot when asked", async () => {
    if (process.env.UPDATE_SCREENSHOT !== '1') return;
    const { page } = await open(acme);
    // from the top: the verdict and the audit block a reviewer reads first
    await page.setViewportSize({ width: 1200, height: 1400 });
    await page.screenshot({ path: path.join(ROOT, 'docs', 'report-screenshot.png') });
    await page.locator('#findings').evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(ROOT, 'docs', 'report-findings-screenshot.png') });
    await page.close();
  });
});

/** Page 1 of a PDF as a PNG, for the docs: pdftoppm (poppler-utils) where installed, else Ghostscript. */
function rasterFirstPage(pdf: string, png: string): void {
  if (existsSync('/usr/bin/pdftoppm')) {
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')]);
  } else {
    execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=png16m', '-r110', '-dFirstPage=1', '-dLastPage=1', `-sOutputFile=${png}`, pdf]);
  }
}
