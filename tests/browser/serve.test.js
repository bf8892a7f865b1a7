// serve.test.js - the web app of `corroborate serve` in a real browser (playwright-core driving
// Debian chromium): the list shows stories, a search narrows it, a story opens and its brief
// loads (its own script runs), an article shows its dropped boilerplate, an article pasted in
// the form changes its story (one more article), a file uploaded makes a new story, and a
// hostile article's markup is shown as text and never runs. No console errors, no CSP refusals.
// usage: node serve.test.js BASE_URL [SCREENSHOT_DIR]   (tests/cli/serve_browser.sh runs it)
'use strict';
const {chromium} = require('playwright-core');

const base = process.argv[2];
const shots = process.argv[3] || '';
let passed = 0, failed = 0;
function check(what, ok, detail) {
  if (ok) passed++;
  else { failed++; console.error('FAIL: ' + what + (detail !== undefined ? ' (' + detail + ')' : '')); }
}

const FERRY = `Ferry disaster on Lake Kasenda: toll rises to 40

KASENDA, March 3 (Browser Test) - The ferry that capsized on Lake Kasenda on Sunday was carrying
163 passengers, the regional governor said on Tuesday, and 40 people are now confirmed dead.
"We will not stop searching until everyone is found," the governor said.
Rescue divers pulled more survivors from the water near Kasenda harbour, officials said.
`;

const PWN = 'document.documentElement.dataset.pwned';
const HOSTILE = `<script>${PWN}='title'</script> Wildfire <img src=x onerror="${PWN}='img'">

The wildfire burned 1,200 hectares, firefighters said. <svg onload="${PWN}='svg'"></svg>
"It is contained," the chief said. <a href="javascript:${PWN}='link'">more</a>
`;

async function storyCards(page) {
  return page.$$eval('#stories li.story', (lis) => lis.map((li) => ({
    id: li.dataset.id, articles: Number(li.dataset.articles), text: li.textContent})));
}

// Polls from here: waitForFunction would evaluate a string in the page, which its CSP forbids.
async function waitFor(page, fn, arg) {
  for (let i = 0; i < 400; i++) {
    if (await page.evaluate(fn, arg)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for ' + fn.toString());
}
const waitReady = (page, before) =>
  waitFor(page, (n) => Number(document.body.dataset.ready || 0) > n, before);
const ready = (page) => page.evaluate(() => Number(document.body.dataset.ready || 0));

async function listAndSearch(page) {
  await page.goto(base + '/#/');
  await page.waitForSelector('#stories li.story');
  const all = await storyCards(page);
  check('the list shows stories', all.length >= 2, all.length);
  if (shots) await page.screenshot({path: shots + '/serve-list.png', fullPage: true});
  const r = await ready(page);
  await page.fill('input[name=q]', 'ferry');
  await page.click('#search button');
  await waitReady(page, r);
  const found = await storyCards(page);
  check('a search narrows the list', found.length >= 1 && found.length < all.length, found.length);
  check('every story found is about the ferry', found.every((s) => /ferry|kasenda/i.test(s.text)));
  return found[0];
}

async function storyAndBrief(page, story) {
  await page.click('#stories li.story a');
  await page.waitForSelector('#brief-link');
  check('the story shows its articles', (await page.$$('#members li')).length === story.articles);
  await page.click('#members li a');
  await page.waitForSelector('#dropped');
  check('an article shows its body', (await page.textContent('#body')).length > 100);
  await page.goBack();
  await page.waitForSelector('#brief-link');
  await page.click('#brief-link');
  await waitFor(page, () => /^[1-9]/.test(document.documentElement.dataset.cbReady || ''));
  check('the brief page loads and its script runs', true);
  const brief = await page.title() + await page.textContent('body');
  check('the brief names the story', /ferry|kasenda/i.test(brief));
  if (shots) await page.screenshot({path: shots + '/serve-brief.png', fullPage: false});
}

async function paste(page, text, name) {
  await page.goto(base + '/#/add');
  await page.waitForSelector('#text');
  const r = await ready(page);
  await page.fill('#text', text);
  await page.fill('input[name=name]', name);
  await page.click('#submit');
  await waitReady(page, r);
}

async function pasteChangesStory(page, story) {
  await paste(page, FERRY, 'browser-ferry.txt');
  const res = await page.$$eval('#results li a', (as) => as.map((a) => a.getAttribute('href')));
  check('the pasted article is stored', res.length === 1, await page.textContent('#outcome'));
  await page.goto(base + '/#/?q=ferry');
  await page.waitForSelector('#stories li.story');
  const after = await storyCards(page);
  const same = after.find((s) => s.id === story.id);
  const grew = same && same.articles === story.articles + 1;
  const fresh = res.length === 1 && after.some((s) => '#/story/' + s.id === res[0]) && !grew;
  check('the story changed (one more article, or a new story)', grew || fresh,
    JSON.stringify({before: story, after}));
}

const BRIDGE = `Norland opens the Kestrel river bridge after four years

NORLAND, June 2 (Browser Test) - The Kestrel river bridge opened to traffic on Monday, four
years after work began, the transport ministry said. It cost 210 million crowns.
`;

// An article uploaded as a file makes a new story: the list has one more.
async function upload(page) {
  await page.goto(base + '/#/');
  await page.waitForSelector('#stories li.story');
  const before = (await storyCards(page)).length;
  await page.goto(base + '/#/add');
  await page.waitForSelector('#text');
  const r = await ready(page);
  await page.setInputFiles('input[type=file]',
    {name: 'bridge.txt', mimeType: 'text/plain', buffer: Buffer.from(BRIDGE)});
  await page.click('#submit');
  await waitReady(page, r);
  check('the uploaded file is stored', /^1 new/.test(await page.textContent('#outcome')),
    await page.textContent('#outcome'));
  await page.goto(base + '/#/');
  await waitFor(page, (n) => document.querySelectorAll('#stories li.story').length > n, before);
  const after = await storyCards(page);
  check('the upload made a new story', after.some((s) => /Kestrel/.test(s.text)), after.length);
}

async function hostile(page) {
  await paste(page, HOSTILE, 'hostile.txt');
  const li = await page.$('#results li');
  check('the hostile article is stored', !!li);
  if (!li) return;
  const id = await li.getAttribute('data-article'), story = await li.getAttribute('data-story');
  await page.goto(base + '/#/article/' + id);
  await page.waitForSelector('#dropped');
  const shown = await page.textContent('main');
  check('the article markup is shown as text', shown.includes('<svg onload=') && shown.includes('<script>'));
  await page.goto(base + '/#/story/' + story);
  await page.waitForSelector('#members li a');
  await page.goto(base + '/#/?q=wildfire');
  await page.waitForSelector('#stories li.story');
  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => document.documentElement.dataset.pwned || '');
  check('no article markup ran', pwned === '', pwned);
}

(async () => {
  const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu']});
  const page = await browser.newPage({viewport: {width: 1100, height: 900}});
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  try {
    const story = await listAndSearch(page);
    await storyAndBrief(page, story);
    await pasteChangesStory(page, story);
    await upload(page);
    await hostile(page);
  } catch (err) {
    check('the walk-through ran to the end', false, err.stack);
  }
  check('no console errors or CSP refusals', problems.length === 0, problems.join(' | '));
  await browser.close();
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed || !passed ? 1 : 0);
})();
