import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import {
  ANONYMOUS,
  expectedCoverageSummary,
  expectedFundingSummary,
  regionOf,
  type NeedsFilter,
} from '../helpers/expected-overview';
import { unaddressedOf } from '../helpers/expected';
import { formatCents, cents } from '../helpers/money';
import { byId, byProjectCode, seed } from '../helpers/seed';
import { tokenFor } from '../helpers/tokens';
import { Priority, Region } from '../../subgraphs/shared/src/vocabulary';
import {
  launchDashboardBrowser,
  type DashboardBrowser,
  type DashboardPage,
} from './support/explore';

/**
 * The dashboard at /explore in a real browser, against the whole graph on the seed: each view's
 * figures equal those computed from the seed rows, its filters and the caller's token change them,
 * each view costs one request, and nothing is fetched from outside the gateway.
 */

/** Refreshed with UPDATE_SCREENSHOT=1; otherwise a test run leaves the tree as it was. */
const SCREENSHOTS = join(__dirname, '..', '..', 'docs');
const HIGH_NEEDS: NeedsFilter = { priority: [Priority.HIGH], technicalAssistanceNeeded: true };

let graph: TestGraph;
let origin: string;
let browser: DashboardBrowser;
let tab: DashboardPage;

beforeAll(async () => {
  graph = await startTestGraph();
  origin = new URL(graph.url).origin;
  browser = await launchDashboardBrowser(() => [origin]);
  tab = await browser.page();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await graph?.stop();
});

afterEach(() => {
  expect([...browser.outside]).toEqual([]);
  expect(browser.problems).toEqual([]);
});

/** The world table's rows as [iso3, assessed, addressed, unaddressed], in the order shown. */
const worldTable = () =>
  tab.page.locator('.world-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...(row as HTMLTableRowElement).cells];
      return [
        (row as HTMLElement).dataset.iso3!,
        ...cells.slice(2).map((cell) => Number(cell.textContent)),
      ] as [string, number, number, number];
    }),
  );

const expectedWorld = (filter: NeedsFilter, caller = ANONYMOUS) =>
  expectedCoverageSummary(caller, 'MEMBER_STATE', filter).map(
    (g) =>
      [g.key, g.recommendations, g.addressed, g.unaddressed] as [string, number, number, number],
  );

const byIso3 = (rows: [string, ...number[]][]) => [...rows].sort(([a], [b]) => a.localeCompare(b));
const globalCount = async () =>
  Number(await tab.page.getByTestId('global-unaddressed').textContent());

describe('World', () => {
  test('the map and the table show the seed’s high-priority needs no project covers', async () => {
    await tab.open('');
    expect(tab.graphql).toEqual(['ExploreWorld']);
    const expected = expectedWorld(HIGH_NEEDS);
    expect(expected.length).toBeGreaterThan(3);
    const rows = await worldTable();
    expect(byIso3(rows)).toEqual(byIso3(expected));
    // Most unaddressed first, as the table opens.
    const unaddressed = rows.map((row) => row[3]);
    expect(unaddressed).toEqual([...unaddressed].sort((a, b) => b - a));
    expect(await globalCount()).toBe(expected.reduce((sum, row) => sum + row[3], 0));

    // Every state in the table is coloured on the map, and no other.
    const coloured = await tab.page
      .locator('.map .has-needs')
      .evaluateAll((shapes) => shapes.map((shape) => (shape as SVGElement).dataset.iso3!));
    expect(coloured.sort()).toEqual(expected.map(([iso3]) => iso3).sort());
    const most = expected.reduce((a, b) => (b[3] > a[3] ? b : a));
    expect(await tab.page.locator(`.map [data-iso3="${most[0]}"]`).getAttribute('fill')).toBe(
      '#990000',
    );
    if (process.env.UPDATE_SCREENSHOT)
      await tab.page.screenshot({ path: join(SCREENSHOTS, 'explore-world.png') });
  });

  test('filters change the map, the table and the address; back restores them', async () => {
    await tab.open('');
    await tab.change(() => tab.page.getByLabel('Region', { exact: true }).selectOption('AFRICA'));
    expect(tab.graphql).toEqual(['ExploreWorld']);
    expect(tab.page.url()).toContain('region=AFRICA');
    const africa = expectedWorld({ ...HIGH_NEEDS, region: [Region.AFRICA] });
    expect(byIso3(await worldTable())).toEqual(byIso3(africa));
    expect(africa.every(([iso3]) => regionOf.get(iso3) === Region.AFRICA)).toBe(true);
    // States of other regions are drawn faded.
    expect(await tab.page.locator('.map [data-iso3="CHL"]').getAttribute('class')).toContain(
      'faded',
    );

    await tab.change(() => tab.page.getByLabel('Priority', { exact: true }).selectOption('ALL'));
    const anyPriority = expectedWorld({ technicalAssistanceNeeded: true, region: [Region.AFRICA] });
    expect(byIso3(await worldTable())).toEqual(byIso3(anyPriority));
    expect(anyPriority).not.toEqual(africa);

    const theme = seed().data.assessments.thematicAreas[0]!.code;
    await tab.change(() =>
      tab.page.getByLabel('Thematic area', { exact: true }).selectOption(theme),
    );
    expect(tab.page.url()).toContain(`theme=${theme}`);
    // The helper has no thematic filter: count that area's rows from the seed.
    const s = seed();
    const inTheme = s.data.assessments.recommendations.filter(
      (r) =>
        r.thematicAreaCode === theme &&
        r.technicalAssistanceNeeded &&
        regionOf.get(s.assessment(r.assessmentId).memberStateIso3) === Region.AFRICA &&
        s.assessment(r.assessmentId).confidentiality === 'PUBLIC',
    );
    const rows = await worldTable();
    expect(inTheme.length).toBeGreaterThan(0);
    expect(rows.reduce((sum, row) => sum + row[1], 0)).toBe(inTheme.length);

    await tab.change(() => tab.page.goBack());
    expect(byIso3(await worldTable())).toEqual(byIso3(anyPriority));
    await tab.change(() => tab.page.goBack());
    expect(byIso3(await worldTable())).toEqual(byIso3(africa));
    expect(await tab.page.getByLabel('Priority', { exact: true }).inputValue()).toBe('HIGH');
  });

  test('the table sorts by any column, and the CSV download holds its rows in that order', async () => {
    await tab.open('');
    await tab.page.getByRole('button', { name: 'Member State' }).click();
    await tab.page.waitForURL(/sort=name-asc/);
    const names = await tab.page.locator('.world-table tbody th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(await tab.page.locator('th[aria-sort="ascending"]').textContent()).toContain(
      'Member State',
    );
    // Sorting is done on the page: no new request.
    expect(tab.graphql).toEqual(['ExploreWorld']);

    const [download] = await Promise.all([
      tab.page.waitForEvent('download'),
      tab.page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('ISO3,Member State,Region,Assessed,Addressed,Unaddressed');
    const table = await worldTable();
    expect(
      csv
        .slice(1)
        .map((line) => line.split(','))
        .map(([iso3, , , ...n]) => [iso3, ...n.map(Number)]),
    ).toEqual(table);
  });

  test('a CTED token shows the confidential needs that anonymous does not see', async () => {
    const cted = expectedWorld(HIGH_NEEDS, { name: 'cted', roles: ['cted'] });
    const anonymous = expectedWorld(HIGH_NEEDS);
    const total = (rows: typeof cted) => rows.reduce((sum, row) => sum + row[3], 0);
    expect(total(cted)).toBeGreaterThan(total(anonymous));

    const own = await browser.page();
    await own.open('', origin);
    await own.page
      .getByLabel('Token', { exact: true })
      .fill(await tokenFor(['cted'], undefined, 'ana@cted'));
    await own.change(() => own.page.getByRole('button', { name: 'Sign in' }).click());
    expect(await own.page.getByTestId('global-unaddressed').textContent()).toBe(
      String(total(cted)),
    );
    await own.page.getByText('Signed in: ana@cted · cted').waitFor();

    // Every view change carries the token, until sign-out.
    await own.change(() => own.page.getByLabel('Region', { exact: true }).selectOption('AFRICA'));
    const ctedAfrica = expectedWorld(
      { ...HIGH_NEEDS, region: [Region.AFRICA] },
      { name: 'cted', roles: ['cted'] },
    );
    expect(Number(await own.page.getByTestId('global-unaddressed').textContent())).toBe(
      total(ctedAfrica),
    );
    await own.change(() => own.page.getByRole('button', { name: 'Sign out' }).click());
    const anonymousAfrica = expectedWorld({ ...HIGH_NEEDS, region: [Region.AFRICA] });
    expect(Number(await own.page.getByTestId('global-unaddressed').textContent())).toBe(
      total(anonymousAfrica),
    );
    await own.context.close();
  });

  test('a bad or expired token is refused in words', async () => {
    const own = await browser.page();
    await own.open('', origin);
    await own.page.getByLabel('Token', { exact: true }).fill('not-a-token');
    await own.change(() => own.page.getByRole('button', { name: 'Sign in' }).click());
    await own.page.getByRole('heading', { name: 'Your token was refused' }).waitFor();
    expect(await own.page.locator('.sign-in .refused').textContent()).toMatch(/^Token refused: .+/);

    await own.page.getByRole('button', { name: 'Sign out' }).click();
    const expired = await new SignJWT({ roles: ['cted'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('late@cted')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(process.env.JWT_SECRET!));
    await own.page.getByLabel('Token', { exact: true }).fill(expired);
    await own.change(() => own.page.getByRole('button', { name: 'Sign in' }).click());
    expect(await own.page.locator('.failure').textContent()).toMatch(/expired/i);
    await own.context.close();
    // The gateway logs a refused token; the page itself has nothing to report.
    browser.problems.splice(0);
  });
});

describe('State', () => {
  test('question 2 for Nigeria: assessments, recommendations with their projects, the gaps', async () => {
    const s = seed();
    await tab.open('?view=state&iso3=NGA');
    expect(tab.graphql).toEqual(['ExploreState']);
    await tab.page.getByRole('heading', { name: 'Nigeria', level: 1 }).waitFor();

    const ids = (testId: string) =>
      tab.page
        .getByTestId(testId)
        .locator('[data-id]')
        .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id!));
    expect(await ids('assessments')).toEqual(s.assessmentsOf('NGA').map((a) => a.id));
    // The graph lists a state's recommendations in the order they were made (by id).
    const readable = s
      .assessmentsOf('NGA')
      .flatMap((a) => s.recommendationsOf(a))
      .sort(byId)
      .map((r) => r.id);
    expect(await ids('recommendations')).toEqual(readable);
    expect(readable.length).toBeGreaterThan(0);
    expect(await ids('unaddressed')).toEqual(unaddressedOf('NGA', {}).map((r) => r.id));

    for (const id of readable) {
      const cell = tab.page
        .locator(`[data-testid="recommendations"] tr[data-id="${id}"] td`)
        .nth(3);
      const codes = s.projectsAddressing(id).map((p) => p.code);
      const text = await cell.textContent();
      if (codes.length === 0) expect(text).toBe('no project');
      else for (const code of codes) expect(text).toContain(code);
    }
    const benefiting = s.data.funding.projects
      .filter((p) => p.beneficiaryStateIso3s.includes('NGA'))
      .sort(byProjectCode);
    const shown = await tab.page
      .getByTestId('projects')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.code!));
    expect(shown).toEqual(benefiting.map((p) => p.code));
    if (process.env.UPDATE_SCREENSHOT)
      await tab.page.screenshot({ path: join(SCREENSHOTS, 'explore-state.png') });
  });

  test('a state chosen on the map opens its page; back returns to the map', async () => {
    await tab.open('');
    const [first] = await worldTable();
    await tab.change(() => tab.page.locator(`.map [data-iso3="${first![0]}"]`).click());
    expect(tab.page.url()).toContain(`view=state&iso3=${first![0]}`);
    expect(tab.graphql).toEqual(['ExploreState']);
    await tab.change(() => tab.page.goBack());
    expect(new URL(tab.page.url()).search).toBe('');
    expect(byIso3(await worldTable())).toEqual(byIso3(expectedWorld(HIGH_NEEDS)));
  });

  test('an unknown code says so', async () => {
    await tab.open('?view=state&iso3=XXX');
    await tab.page.getByText('No Member State has the code XXX.').waitFor();
  });
});

describe('Appeals and funding', () => {
  const amounts = (testId: string) =>
    tab.page
      .getByTestId(testId)
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [
          (row as HTMLElement).dataset.key!,
          ...[...row.querySelectorAll('[data-amount]')].map(
            (c) => (c as HTMLElement).dataset.amount!,
          ),
        ]),
      );

  test('requested, funded and gap per appeal and per region, exactly', async () => {
    await tab.open('?view=funding');
    expect(tab.graphql).toEqual(['ExploreFunding']);
    const { appeals } = seed().data.funding;
    const { data } = await graph.query<{
      appeals: { id: string; funded: { amount: string }; gap: { amount: string } }[];
    }>('{ appeals { id funded { amount } gap { amount } } }');
    const shownAppeals = await amounts('Appeals');
    expect(shownAppeals.map(([id]) => id).sort()).toEqual(appeals.map((a) => a.id).sort());
    for (const [id, requested, funded, gap] of shownAppeals) {
      const appeal = appeals.find((a) => a.id === id)!;
      const answer = data!.appeals.find((a) => a.id === id)!;
      expect(requested).toBe(formatCents(cents(appeal.requested)));
      expect([funded, gap]).toEqual([answer.funded.amount, answer.gap.amount]);
    }
    const byRegion = expectedFundingSummary('REGION').map((g) => [
      g.key,
      g.budget.amount,
      g.funded.amount,
      g.gap.amount,
    ]);
    expect(await amounts('Budgets by region')).toEqual(byRegion);
    if (process.env.UPDATE_SCREENSHOT)
      await tab.page.screenshot({ path: join(SCREENSHOTS, 'explore-funding.png') });

    await tab.change(() => tab.page.getByLabel('Group by', { exact: true }).selectOption('DONOR'));
    expect(tab.page.url()).toContain('by=DONOR');
    expect(tab.graphql).toEqual(['ExploreFunding']);
    const byDonor = expectedFundingSummary('DONOR').map((g) => [
      g.key,
      g.budget.amount,
      g.funded.amount,
      g.gap.amount,
    ]);
    expect(await amounts('Budgets by donor')).toEqual(byDonor);

    const appeal = appeals[0]!;
    await tab.change(() => tab.page.getByLabel('Appeal', { exact: true }).selectOption(appeal.id));
    expect(await amounts('Budgets by donor')).toEqual(
      expectedFundingSummary('DONOR', (p) => p.appealId === appeal.id).map((g) => [
        g.key,
        g.budget.amount,
        g.funded.amount,
        g.gap.amount,
      ]),
    );
    // Exact amounts on hover, too.
    const title = await tab.page
      .getByTestId('Budgets by donor')
      .locator('tbody tr title')
      .first()
      .textContent();
    const [, budget, funded] = (await amounts('Budgets by donor'))[0]!;
    expect(title).toContain(
      `budget $${Number(budget).toLocaleString('en', { minimumFractionDigits: 2 })}`,
    );
    expect(title).toContain(
      `funded $${Number(funded).toLocaleString('en', { minimumFractionDigits: 2 })}`,
    );
  });
});

describe('Projects', () => {
  const codes = () =>
    tab.page
      .locator('ol.projects > li')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.code!));

  test('pages through every project in order of code; back returns a page', async () => {
    const all = [...seed().data.funding.projects].sort(byProjectCode).map((p) => p.code);
    expect(all.length).toBeGreaterThan(40);
    await tab.open('?view=projects');
    expect(tab.graphql).toEqual(['ExploreProjects']);
    expect(await codes()).toEqual(all.slice(0, 20));
    expect(await tab.page.getByTestId('range').textContent()).toBe(`1–20 of ${all.length}`);
    await tab.change(() => tab.page.getByRole('link', { name: 'Next page' }).click());
    expect(tab.page.url()).toContain('page=2');
    expect(await codes()).toEqual(all.slice(20, 40));
    expect(await tab.page.getByTestId('range').textContent()).toBe(`21–40 of ${all.length}`);
    await tab.change(() => tab.page.goBack());
    expect(await codes()).toEqual(all.slice(0, 20));
    if (process.env.UPDATE_SCREENSHOT)
      await tab.page.screenshot({ path: join(SCREENSHOTS, 'explore-projects.png') });
  });

  test('filters by region and status from the seed, and by words as the graph searches', async () => {
    const s = seed();
    await tab.open('?view=projects');
    await tab.change(() => tab.page.getByLabel('Region', { exact: true }).selectOption('AFRICA'));
    await tab.change(() => tab.page.getByLabel('Status', { exact: true }).selectOption('ACTIVE'));
    const expected = s.data.funding.projects
      .filter(
        (p) =>
          p.status === 'ACTIVE' &&
          p.beneficiaryStateIso3s.some((iso3) => regionOf.get(iso3) === Region.AFRICA),
      )
      .sort(byProjectCode)
      .map((p) => p.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(await codes()).toEqual(expected.slice(0, 20));
    expect(tab.page.url()).toMatch(/region=AFRICA.*status=ACTIVE|status=ACTIVE.*region=AFRICA/);

    const { data } = await graph.query<{ projects: { edges: { node: { code: string } }[] } }>(
      '{ projects(filter: { search: "border", region: [AFRICA], status: [ACTIVE] }, first: 20) { edges { node { code } } } }',
    );
    await tab.page.getByLabel('Words', { exact: true }).fill('border');
    await tab.change(() => tab.page.getByRole('button', { name: 'Search' }).click());
    expect(tab.graphql).toEqual(['ExploreProjects']);
    expect(await codes()).toEqual(data!.projects.edges.map((e) => e.node.code));

    await tab.page.getByLabel('Words', { exact: true }).fill('zzzqqqxxnothing');
    await tab.change(() => tab.page.getByRole('button', { name: 'Search' }).click());
    await tab.page.getByText('No project matches.').waitFor();
  });
});
