import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { startFaultProxy, type FaultProxy } from '../e2e/support/fault-proxy';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';
import { launchDashboardBrowser, type DashboardBrowser } from './support/explore';

/**
 * The dashboard for the people who use it: no serious or critical accessibility violation on
 * any view at desktop or phone size, the keyboard reaches everything, and a subgraph that is
 * down leaves the rest of the page working, with a note that says what is missing.
 */

const VIEWS = ['', '?view=state&iso3=NGA', '?view=funding', '?view=projects'];
const PHONE = { width: 390, height: 844 };

let graph: TestGraph;
let proxy: FaultProxy;
let fundingDown: ExtraGateway;
let browser: DashboardBrowser;

beforeAll(async () => {
  graph = await startTestGraph();
  proxy = await startFaultProxy(graph.subgraphs.funding.url);
  proxy.mode = 'reset';
  fundingDown = await startExtraGateway(
    graph,
    { SUBGRAPH_RETRIES: '0', CIRCUIT_BREAKER_FAILURES: '0' },
    { funding: proxy.url },
  );
  browser = await launchDashboardBrowser(() => [
    new URL(graph.url).origin,
    new URL(fundingDown.url).origin,
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fundingDown?.stop();
  await proxy?.stop();
  await graph?.stop();
});

afterEach(() => {
  expect([...browser.outside]).toEqual([]);
});

/** Violations that keep a person from using the page: axe's serious and critical ones. */
async function blocking(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
}

test.each([
  ['desktop', { width: 1280, height: 800 }],
  ['phone', PHONE],
])('axe finds no serious or critical violation on any view (%s)', async (_name, viewport) => {
  const tab = await browser.page(viewport);
  for (const view of VIEWS) {
    await tab.open(view);
    expect({ view, violations: await blocking(tab.page) }).toEqual({ view, violations: [] });
  }
  await tab.context.close();
  expect(browser.problems).toEqual([]);
});

test('the check itself finds a control with no name', async () => {
  const tab = await browser.page();
  await tab.open('');
  await tab.page.evaluate(() => document.querySelector('label[for="f-region"]')?.remove());
  expect((await blocking(tab.page)).map((v) => v.id)).toContain('select-name');
  await tab.context.close();
});

test('on a phone, no view is wider than the screen', async () => {
  const tab = await browser.page(PHONE);
  for (const view of VIEWS) {
    await tab.open(view);
    const width = await tab.page.evaluate(() => document.documentElement.scrollWidth);
    expect({ view, width }).toEqual({ view, width: PHONE.width });
  }
  // The map and the table are both there, one under the other.
  await tab.open('');
  const map = await tab.page.locator('.map svg').boundingBox();
  const table = await tab.page.locator('.world-table').boundingBox();
  expect(map!.width).toBeGreaterThan(300);
  expect(table!.y).toBeGreaterThan(map!.y + map!.height - 1);
  await tab.context.close();
});

test('the keyboard skips to the content, reaches a state in the table and opens it', async () => {
  const tab = await browser.page();
  await tab.open('');
  await tab.page.keyboard.press('Tab');
  expect(await tab.page.evaluate(() => document.activeElement?.textContent)).toBe(
    'Skip to the content',
  );
  await tab.page.keyboard.press('Enter');
  let inTable = false;
  for (let i = 0; i < 40 && !inTable; i += 1) {
    await tab.page.keyboard.press('Tab');
    inTable = await tab.page.evaluate(
      () => document.activeElement?.closest('.world-table tbody') != null,
    );
  }
  expect(inTable).toBe(true);
  const iso3 = await tab.page.evaluate(
    () => (document.activeElement?.closest('tr') as HTMLElement | null)?.dataset.iso3,
  );
  await tab.change(() => tab.page.keyboard.press('Enter'));
  expect(tab.page.url()).toContain(`view=state&iso3=${iso3}`);
  // A table wider than its box scrolls from the keyboard too.
  expect(await tab.page.locator('.scroll[tabindex="0"]').count()).toBeGreaterThan(0);
  await tab.context.close();
});

describe('with the funding subgraph down', () => {
  const origin = () => new URL(fundingDown.url).origin;

  test('a state’s page shows its assessments and needs, and says the projects are missing', async () => {
    const tab = await browser.page();
    await tab.open('?view=state&iso3=NGA', origin());
    expect(tab.graphql).toEqual(['ExploreState']);
    await tab.page.getByRole('heading', { name: 'Nigeria', level: 1 }).waitFor();
    expect(await tab.page.locator('.partial').textContent()).toContain(
      'The funding service did not answer, so projects and funding are missing',
    );
    expect(await tab.page.getByTestId('assessments').locator('tbody tr').count()).toBeGreaterThan(
      0,
    );
    expect(await tab.page.getByTestId('unaddressed').locator('li').count()).toBeGreaterThan(0);
    await tab.page.getByText('The projects are not available right now.').waitFor();
    expect(await tab.page.getByTestId('recommendations').textContent()).toContain(
      'not available right now',
    );
    await tab.context.close();
  });

  test('the map needs no funding and is whole; the funding view says why it is empty', async () => {
    const tab = await browser.page();
    await tab.open('', origin());
    expect(await tab.page.locator('.partial').count()).toBe(0);
    expect(await tab.page.locator('.world-table tbody tr').count()).toBeGreaterThan(0);

    await tab.change(() =>
      tab.page
        .getByRole('navigation', { name: 'Views' })
        .getByRole('link', { name: 'Appeals and funding' })
        .click(),
    );
    const alert = tab.page.getByRole('alert');
    expect(await alert.textContent()).toMatch(
      /could not be loaded.*funding subgraph could not be reached/i,
    );
    // The rest of the page still works.
    await tab.change(() =>
      tab.page
        .getByRole('navigation', { name: 'Views' })
        .getByRole('link', { name: 'World' })
        .click(),
    );
    expect(await tab.page.locator('.world-table tbody tr').count()).toBeGreaterThan(0);
    await tab.context.close();
  });
});
