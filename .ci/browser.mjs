// The handbook's pages in a real browser (Debian's chromium, headless),
// driven by puppeteer-core, with axe-core: run by .ci/run after the build.
//
//   node .ci/browser.mjs SITE_DIR SCREENSHOT_DIR
//
// For each kind of page (home, a role, a scorecard, a pay plan with a worked
// example, one with a version history, a band table, the points system, the
// red lines, the rules, the decisions) it checks that the page
// renders its heading in Chinese, makes no network request, and has no
// serious or critical axe-core violation, in light and dark mode; it saves
// screenshots (light, dark, 320 px wide) and prints the scorecard to A4 PDF,
// checking that the navigation is not printed. Any failure exits 1.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const puppeteer = require('puppeteer-core');
const axePath = require.resolve('axe-core/axe.min.js');

const [site, shots] = process.argv.slice(2);
if (!site || !shots) {
  console.error('usage: node .ci/browser.mjs SITE_DIR SCREENSHOT_DIR');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });
const first = (dir, test = () => true) => {
  const names = fs.readdirSync(path.join(site, dir)).filter((n) => n.endsWith('.html')).sort();
  const n = names.find((n) => test(fs.readFileSync(path.join(site, dir, n), 'utf8')));
  if (!n) throw new Error(`no page in ${dir}`);
  return `${dir}/${n}`;
};
const pages = {
  home: 'index.html',
  role: first('roles'),
  scorecard: first('scorecards'),
  payplan: first('pay', (html) => html.includes('计算示例')),
  history: first('pay', (html) => html.includes('id="history"')),
  bands: first('bands'),
  points: first('points'),
  redlines: 'redlines.html',
  rules: 'rules.html',
  decisions: 'decisions.html',
  glossary: 'glossary.html',
  search: 'search.html',
};

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let failures = 0;
const fail = (msg) => { failures++; console.log('FAIL ' + msg); };
// shoot saves a full-page screenshot, or the first screen of a page too
// long for one.
const shoot = async (page, file) => {
  try {
    await page.screenshot({ path: path.join(shots, file), fullPage: true });
  } catch {
    await page.screenshot({ path: path.join(shots, file) });
  }
};

for (const [kind, rel] of Object.entries(pages)) {
  const page = await browser.newPage();
  await page.setBypassCSP(true); // to inject axe-core; the site itself runs no script
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
  const url = 'file://' + path.resolve(site, rel);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    const lang = await page.$eval('html', (e) => e.lang);
    const h1 = await page.$eval('h1', (e) => e.textContent.trim());
    if (lang !== 'zh-CN') fail(`${rel}: lang="${lang}"`);
    if (!/[\u4e00-\u9fff]/.test(h1)) fail(`${rel}: heading "${h1}" is not Chinese`);
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        fail(`${rel} (${scheme}): axe ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
      }
    }
    await shoot(page, `${kind}-${scheme}.png`);
    console.log(`ok ${rel} (${scheme}): "${h1}", ${result.violations.length} minor axe findings`);
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.setViewport({ width: 320, height: 640 });
  await page.goto(url, { waitUntil: 'load' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) fail(`${rel}: at 320 px the page is ${overflow} px wider than the screen`);
  await page.screenshot({ path: path.join(shots, `${kind}-320.png`) });
  if (kind === 'scorecard') {
    await page.setViewport({ width: 1280, height: 900 });
    await page.emulateMediaType('print');
    const navShown = await page.$eval('header.site', (e) => getComputedStyle(e).display !== 'none');
    if (navShown) fail(`${rel}: the navigation is printed`);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    fs.writeFileSync(path.join(shots, 'scorecard.pdf'), pdf);
    const n = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    console.log(`ok ${rel}: printed on ${n} A4 page(s), no navigation`);
    await shoot(page, 'scorecard-print.png');
  }
  if (requests.length) fail(`${rel}: network requests ${requests.join(', ')}`);
  await page.close();
}
// Search: every role's and pay plan's title, typed into the search box,
// finds that page first (queries derived from the site, so that they follow
// the policies); a query in no page says so.
{
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
  await page.goto('file://' + path.resolve(site, 'search.html'), { waitUntil: 'load' });
  let queries = 0;
  for (const dir of ['roles', 'pay']) {
    for (const n of fs.readdirSync(path.join(site, dir)).filter((n) => n.endsWith('.html')).sort()) {
      const html = fs.readFileSync(path.join(site, dir, n), 'utf8');
      const title = (/<h1>([^<]*)<\/h1>/.exec(html) || [])[1];
      if (!title) continue;
      const q = title.replace(/&amp;/g, '&');
      await page.$eval('#q', (e, v) => { e.value = v; e.dispatchEvent(new Event('input')); }, q);
      const first = await page.$eval('#results li a', (a) => a.getAttribute('href')).catch(() => null);
      if (first !== `${dir}/${n}`) fail(`search "${q}": first result ${first}, want ${dir}/${n}`);
      queries++;
    }
  }
  // Every glossary term finds its entry first.
  const glossary = fs.readFileSync(path.join(site, 'glossary.html'), 'utf8');
  for (const m of glossary.matchAll(/<dt id="([^"]+)">([^<]+)/g)) {
    await page.$eval('#q', (e, v) => { e.value = v; e.dispatchEvent(new Event('input')); }, m[2]);
    const first = await page.$eval('#results li a', (a) => a.getAttribute('href')).catch(() => null);
    const want = `glossary.html#${m[1]}`;
    // A page titled as the term itself comes before the entry.
    const second = await page.$$eval('#results li a', (as) => as.slice(0, 2).map((a) => a.getAttribute('href')));
    if (first !== want && second[1] !== want) fail(`search "${m[2]}": first results ${second.join(', ')}, want ${want}`);
    queries++;
  }
  await page.$eval('#q', (e) => { e.value = '不可能出现的查询词语'; e.dispatchEvent(new Event('input')); });
  const none = await page.$eval('#status', (e) => e.textContent);
  if (!none.includes('没有找到')) fail(`search for nothing says "${none}"`);
  if (requests.length) fail(`search.html: network requests ${requests.join(', ')}`);
  console.log(`ok search: ${queries} title and glossary queries found their page first`);
  await page.close();
}
await browser.close();
if (failures) {
  console.log(`${failures} browser check(s) failed`);
  process.exit(1);
}
console.log('browser checks passed');
