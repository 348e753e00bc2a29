// End-to-end test of report.html in headless Chromium (Debian's), driven by
// playwright-core. Usage: node report.test.mjs REPORT_HTML SCREENSHOT_PNG
//
// Fails on: any console error or page error (a CSP violation is one), any
// dialog (alert/confirm/prompt: an XSS payload that ran), any request other
// than the page itself, any inline on* attribute, an <img>/<iframe>/<object>
// element, a javascript:/data: link; sorting by score and size that does not
// order the table; filtering that does not hide non-matching rows; a table
// or chart that is not visible.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [reportPath, shotPath] = process.argv.slice(2);
if (!reportPath || !shotPath) {
  console.error('usage: node report.test.mjs REPORT_HTML SCREENSHOT_PNG');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const pageUrl = pathToFileURL(resolve(reportPath)).href;
const failures = [];
const fail = (msg) => failures.push(msg);
const profile = mkdtempSync(join(tmpdir(), 'atalaya-chromium-'));

// A fresh profile each run (playwright passes it as --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1366, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') fail(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => fail(`page error: ${e.message}`));
  page.on('dialog', async (d) => { fail(`dialog opened (${d.type()}): ${d.message()}`); await d.dismiss(); });
  page.on('request', (r) => { if (r.url() !== pageUrl) fail(`request to ${r.url()}`); });
  page.on('popup', (p) => fail(`popup opened: ${p.url()}`));

  await page.goto(pageUrl, { waitUntil: 'load' });

  // Hostile markup must not exist as elements or attributes.
  const dom = await page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName} has ${a.name}`);
        if (a.name === 'style') bad.push(`${el.tagName} has a style attribute`);
      }
    }
    for (const a of document.querySelectorAll('a[href]')) {
      if (!/^(https?:\/\/|#)/i.test(a.getAttribute('href'))) bad.push(`link to ${a.getAttribute('href')}`);
      if (/^https?:/i.test(a.getAttribute('href')) &&
          (a.target !== '_blank' || a.rel !== 'noopener noreferrer')) bad.push(`link without rel/target`);
    }
    return {
      bad,
      scripts: document.scripts.length,
      embeds: document.querySelectorAll('img,iframe,object,embed,textarea,form,base').length,
      text: document.body.innerText,
    };
  });
  dom.bad.forEach(fail);
  if (dom.scripts !== 1) fail(`${dom.scripts} script elements, want 1`);
  if (dom.embeds !== 0) fail(`${dom.embeds} img/iframe/object/embed/textarea/form/base elements`);
  for (const payload of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
                         '</textarea><svg/onload=alert(1)>', 'javascript:alert(1)']) {
    if (!dom.text.includes(payload)) fail(`payload not shown as text: ${payload}`);
  }

  // Visible: the ranked table and at least one chart.
  if (!(await page.locator('#nets').isVisible())) fail('networks table not visible');
  if ((await page.locator('svg.chart').count()) === 0 ||
      !(await page.locator('svg.chart').first().isVisible())) fail('no visible chart');
  if ((await page.locator('#nets tbody tr').count()) < 5) fail('fewer than 5 networks in the table');

  // Sorting: click a header, read the column back.
  const column = async (i) => page.$$eval('#nets tbody tr',
    (rows, i) => rows.filter((r) => !r.hidden).map((r) => parseFloat(r.cells[i].dataset.v)), i);
  const ordered = (v, dir) => v.every((x, k) => k === 0 || (dir > 0 ? v[k - 1] <= x : v[k - 1] >= x));
  for (const [name, idx] of [['score', 3], ['size', 4]]) {
    const button = page.locator('#nets thead th').nth(idx).locator('button');
    await button.click();
    const down = await column(idx);
    if (!ordered(down, -1)) fail(`${name}: first click does not sort descending`);
    await button.click();
    const up = await column(idx);
    if (!ordered(up, +1)) fail(`${name}: second click does not sort ascending`);
    if (name === 'size' && up[0] === up[up.length - 1]) fail('size: column is constant, sort untested');
  }

  // Filtering: type a network id; every visible row must contain it.
  const ids = await page.$$eval('#nets tbody tr', (rows) => rows.map((r) => r.cells[1].textContent));
  const needle = ids[Math.floor(ids.length / 2)];
  await page.fill('#filter', needle);
  const shown = await page.$$eval('#nets tbody tr', (rows) =>
    rows.filter((r) => !r.hidden && getComputedStyle(r).display !== 'none').map((r) => r.textContent.toLowerCase()));
  if (shown.length === 0) fail(`filter '${needle}' hides every row`);
  if (shown.length >= ids.length) fail(`filter '${needle}' hides nothing`);
  if (!shown.every((t) => t.includes(needle.toLowerCase()))) fail(`filter '${needle}' shows non-matching rows`);
  await page.fill('#filter', '');
  const all = await page.$$eval('#nets tbody tr', (rows) => rows.filter((r) => !r.hidden).length);
  if (all !== ids.length) fail('clearing the filter does not show every row');

  // Re-sort by rank for the picture, then a tall viewport: headline, charts, table.
  await page.locator('#nets thead th').nth(0).locator('button').click();
  const ranks = await column(0);
  if (!ordered(ranks, +1)) fail('rank: first click does not sort by rank');
  await page.setViewportSize({ width: 1366, height: 1900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shotPath });

  // The first network's section, for a look at template, timeline and graph.
  if ((await page.locator('#n0').count()) === 1) {
    await page.locator('#n0').screenshot({ path: shotPath.replace(/\.png$/, '') + '-network.png' });
  } else {
    fail('no section for the top network');
  }

  // Print layout must not throw either.
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

if (failures.length) {
  for (const f of failures) console.error(`FAIL: ${f}`);
  process.exit(1);
}
console.log(`report ok: ${reportPath} (screenshot ${shotPath})`);
