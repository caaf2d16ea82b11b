import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumExecutable, HEADLESS_ARGS } from '../../scripts/lib/chromium';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { seed } from '../helpers/seed';
import { tokenFor } from '../helpers/tokens';

/**
 * The IDE in a real browser with every request outside the gateway's origin refused, as on a
 * network that blocks public CDNs: it must load, show the examples, send the token from its
 * headers editor and show the answer.
 */
/** Refreshed with UPDATE_SCREENSHOT=1; otherwise a test run leaves the tree as it was. */
const SCREENSHOT = join(__dirname, '..', '..', 'docs', 'ide.png');
const EXAMPLES = [
  'ProjectsByAssessment',
  'StateNeeds',
  'EntityFootprint',
  'DonorTrail',
  'ThematicAreaOverview',
  'NeedsNobodyCovers',
  'CoverageByRegion',
  'FundingByRegion',
];

let graph: TestGraph;
let origin: string;
let userDataDir: string;
let context: BrowserContext;
let page: Page;
const outside = new Set<string>();
const requests: Request[] = [];
const problems: string[] = [];

/** The gateway's origin, or data inside the page itself. */
function isOwn(url: string): boolean {
  const { protocol, origin: from } = new URL(url);
  return from === origin || protocol === 'data:' || protocol === 'blob:';
}

beforeAll(async () => {
  graph = await startTestGraph();
  origin = new URL(graph.url).origin;
  userDataDir = mkdtempSync(join(tmpdir(), 'ide-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: await chromiumExecutable(),
    headless: true,
    args: HEADLESS_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isOwn(url)) return route.continue();
    outside.add(url);
    return route.abort('blockedbyclient');
  });
  // Also what a route may not see (a worker's requests, say).
  context.on('request', (request) => {
    requests.push(request);
    if (!isOwn(request.url())) outside.add(request.url());
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await graph?.stop();
});

/** Replaces the text of a Monaco editor (by the end of its model's URI), as pasting it would. */
async function replaceEditorText(uriEnd: string, text: string): Promise<void> {
  await page.locator(`.monaco-editor[data-uri$="${uriEnd}"]`).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Home');
}

test('GraphiQL loads from the gateway alone, runs an example with a token and shows the answer', async () => {
  const response = await page.goto(`${origin}/graphql`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");

  // The example operations are open as tabs, named after their operations.
  const tabs = page.locator('.graphiql-tab');
  await tabs.nth(EXAMPLES.length - 1).waitFor({ timeout: 30_000 });
  expect((await tabs.allInnerTexts()).map((t) => t.trim())).toEqual(EXAMPLES);

  // By keyboard: under a synthetic mouse, the tab bar's drag-to-reorder (framer-motion) moves a
  // tab away between press and release, so the click lands on the bar.
  await page.locator('.graphiql-tab-button[title="StateNeeds"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('.graphiql-tab[aria-selected="true"]', { hasText: 'StateNeeds' }).waitFor();
  await page.locator('.graphiql-query-editor').getByText('StateNeeds').first().waitFor();
  await page.locator('.monaco-editor[data-uri$="variables.json"]').getByText('"NGA"').waitFor();

  // The headers editor starts with how to get a token; a CTED analyst signs in.
  await page.getByRole('button', { name: 'Headers' }).click();
  await page
    .locator('.monaco-editor[data-uri$="headers.json"]')
    .getByText('npm run token')
    .waitFor();
  const token = await tokenFor(['cted'], 'CTED');
  await replaceEditorText('headers.json', JSON.stringify({ Authorization: `Bearer ${token}` }));

  const answer = page.waitForResponse(
    (r) =>
      r.url() === `${origin}/graphql` &&
      r.request().method() === 'POST' &&
      (r.request().postData() ?? '').includes('StateNeeds'),
  );
  await page.locator('.graphiql-execute-button').click();
  const sent = await answer;
  expect(sent.request().headers()['authorization']).toBe(`Bearer ${token}`);
  const body = (await sent.json()) as {
    data: { memberState: { name: string; assessments: unknown[] } };
    errors?: unknown;
  };
  expect(body.errors).toBeUndefined();

  // CTED sees every assessment of Nigeria, confidential ones included; anonymous callers do not.
  const nigeria = seed().state('NGA');
  const all = seed().data.assessments.assessments.filter((a) => a.memberStateIso3 === 'NGA');
  expect(all.length).toBeGreaterThan(seed().assessmentsOf('NGA').length);
  expect(body.data.memberState.name).toBe(nigeria.name);
  expect(body.data.memberState.assessments).toHaveLength(all.length);

  // …and the answer is on screen, in the result pane.
  const result = page.locator('.graphiql-response');
  await result.getByText(`"${nigeria.name}"`).waitFor({ timeout: 30_000 });
  await result.getByText('"NGA"').first().waitFor();
  if (process.env.UPDATE_SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

  // The schema's descriptions are there to read.
  await page.getByRole('button', { name: /show documentation explorer/i }).click();
  await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
  await page.getByText('One Member State by ISO 3166-1 alpha-3 code').waitFor();

  expect([...outside]).toEqual([]);
  expect(problems).toEqual([]);
  // Everything came from the gateway: the page, the bundle, its styles and the editor's workers.
  const paths = [...new Set(requests.map((r) => new URL(r.url()).pathname))];
  expect(paths.filter((p) => p !== '/graphql' && !p.startsWith('/graphiql/'))).toEqual([]);
  expect(paths).toEqual(
    expect.arrayContaining([
      '/graphql',
      '/graphiql/ide.js',
      expect.stringMatching(/^\/graphiql\/[\d.]+\/yoga-graphiql\.umd\.js$/),
      expect.stringMatching(/^\/graphiql\/[\d.]+\/graphiql\.css$/),
      expect.stringMatching(/^\/graphiql\/[\d.]+\/graphql\.worker\.js$/),
    ]),
  );
}, 120_000);

test('GraphiQL is also at /, and nothing outside the gateway is reachable', async () => {
  const response = await page.goto(`${origin}/`);
  expect(response?.status()).toBe(200);
  await page
    .locator('.graphiql-tab')
    .nth(EXAMPLES.length - 1)
    .waitFor({ timeout: 30_000 });
  expect([...outside]).toEqual([]);
  expect(problems).toEqual([]);

  // The guard is real: a request elsewhere is refused and recorded (which would fail the test above).
  const elsewhere = 'https://example.org/outside';
  await expect(page.goto(elsewhere)).rejects.toThrow();
  expect([...outside]).toEqual([elsewhere]);
}, 120_000);
