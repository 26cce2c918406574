// Loads ${BASE_URL}/docs in headless Chromium and checks that Redoc renders every operation
// of the served /openapi.yaml, under the page's Content-Security-Policy, without asking any
// other host for anything. Run it with run.sh (see README.md there).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = process.env.CONTRACT_ARTIFACTS_DIR ?? resolve(HERE, '../../target/contract-artifacts');
const RENDER_TIMEOUT_MS = 60_000;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// The only outside address the vendored Redoc bundle ever names: the Redocly logo in its side
// menu. The page's CSP (img-src 'self' data:) must block it in the browser, so it never goes
// out; anything else, blocked or not, fails the test (see server/assets/README.md).
const KNOWN_BLOCKED = new Set(['https://cdn.redoc.ly/redoc/logo-mini.svg']);

// Chromium's flags for this closed network: without the background-networking ones it tries
// (and fails) to reach Google's services.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let profile;
let context;
let page;
let operations = [];
const requests = []; // { url, failure } of every request the page made
const consoleErrors = [];
const pageErrors = [];

/** Every operation of the spec: method, path, operationId, summary. */
function operationsOf(spec) {
  const found = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (op) found.push({ method, path, operationId: op.operationId, summary: op.summary });
    }
  }
  return found;
}

/** The served spec, retried for a while in case the server is still starting. */
async function fetchSpec() {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${BASE_URL}/openapi.yaml`);
      assert.equal(response.status, 200, `GET ${BASE_URL}/openapi.yaml answered ${response.status}`);
      return parse(await response.text());
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`cannot fetch ${BASE_URL}/openapi.yaml: ${err.message}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

before(async () => {
  assert.ok(/^https?:\/\/[^/]+$/.test(BASE_URL), `BASE_URL must be like http://127.0.0.1:8080, got "${BASE_URL}"`);
  operations = operationsOf(await fetchSpec());
  assert.ok(operations.length > 0, 'the served spec has no operations');

  profile = mkdtempSync(join(tmpdir(), 'docs-browser-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  // On the context, so requests from workers count too.
  context.on('request', (request) => requests.push({ url: request.url(), failure: null, request }));
  context.on('requestfailed', (request) => {
    const entry = requests.find((r) => r.request === request);
    if (entry) entry.failure = request.failure()?.errorText ?? 'failed';
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const response = await page.goto(`${BASE_URL}/docs`, { waitUntil: 'load' });
  assert.equal(response?.status(), 200, `GET /docs answered ${response?.status()}`);
  // Redoc has rendered when the side menu and the middle panel list the operations.
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('.menu-content [data-item-id*="operation/"]').length >= n &&
      document.querySelectorAll('[data-section-id*="operation/"]').length >= n,
    operations.length,
    { timeout: RENDER_TIMEOUT_MS },
  );
});

after(async () => {
  if (page) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'docs.png');
    await page.screenshot({ path: shot }).then(
      () => console.log(`# screenshot: ${shot}`),
      (err) => console.log(`# no screenshot: ${err.message}`),
    );
  }
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The operation's entry in the side menu and its section in the middle panel. */
const menuItem = (op) => page.locator(`.menu-content li[data-item-id$="/operation/${op.operationId}"]`).first();
const section = (op) => page.locator(`[data-section-id$="/operation/${op.operationId}"]`).first();

/** Goes to an operation as a reader would: open its tag group if needed, click its entry. */
async function navigateTo(op) {
  const item = menuItem(op);
  if (!(await item.isVisible())) {
    // Its group is collapsed (Redoc keeps only the active item's group open).
    await item.locator('xpath=ancestor::li[1]').locator('label').first().click({ timeout: 5_000 });
  }
  await item.click({ timeout: 5_000 });
  const heading = await section(op).locator('h2').first().elementHandle({ timeout: 5_000 });
  await page.waitForFunction(
    (h) => {
      const box = h.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    },
    heading,
    { timeout: 5_000 },
  );
}

test('every operation of the spec is rendered, in the side menu and the middle panel', async () => {
  const missing = [];
  for (const op of operations) {
    const text = async (locator) =>
      (await locator.count()) ? (await locator.textContent()).replace(/\s+/g, ' ').trim() : '(missing)';
    const menu = await text(menuItem(op));
    const heading = await text(section(op).locator('h2').first());
    if (!op.summary || !menu.includes(op.summary) || !heading.includes(op.summary)) {
      missing.push(`${op.method.toUpperCase()} ${op.path} (${op.operationId}, "${op.summary}"): ` +
        `menu "${menu}", heading "${heading}"`);
    }
  }
  assert.deepEqual(missing, [], `operations not rendered:\n${missing.join('\n')}`);
  console.log(`# ${operations.length} operations rendered`);
});

test('every operation can be reached from the side menu', async () => {
  for (const op of operations) {
    await navigateTo(op).catch((err) => {
      throw new Error(`cannot navigate to ${op.operationId} ("${op.summary}"): ${err.message}`);
    });
  }
});

test('the search (a worker under the CSP) finds an operation', async () => {
  const op = operations.at(-1);
  await page.locator('input[placeholder="Search..."]').fill(op.summary, { timeout: 5_000 });
  await page
    .locator('[data-role="search:results"] li', { hasText: op.summary })
    .first()
    .waitFor({ timeout: 10_000 });
  await page.locator('input[placeholder="Search..."]').fill('');
  // End on the first operation, for the screenshot.
  await navigateTo(operations[0]);
});

test('the page asks no host but the service for anything', async () => {
  // Let late work (the search worker, images) settle before the request log is judged.
  await page.waitForLoadState('networkidle');
  const origin = new URL(BASE_URL).origin;
  const local = (url) => url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin;
  const foreign = requests.filter((r) => !local(r.url));
  const unexpected = foreign.filter((r) => !(KNOWN_BLOCKED.has(r.url) && r.failure === 'csp'));
  assert.deepEqual(
    unexpected.map((r) => `${r.url} (${r.failure ? `failed: ${r.failure}` : 'sent'})`),
    [],
    'requests to other hosts',
  );
  assert.ok(requests.some((r) => r.url === `${origin}/docs/redoc.standalone.js`), 'the local bundle was not loaded');
  assert.ok(requests.some((r) => r.url === `${origin}/openapi.yaml`), 'the spec was not fetched from the service');
  for (const r of foreign) console.log(`# blocked by the CSP, as expected: ${r.url}`);
});

test('the page runs under its CSP without errors', () => {
  const known = (text) => [...KNOWN_BLOCKED].some((url) => text.includes(`'${url}'`));
  assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
  assert.deepEqual(consoleErrors.filter((text) => !known(text)), [], 'console errors (CSP violations, failed loads)');
});
