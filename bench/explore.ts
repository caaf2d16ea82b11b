import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { chromiumExecutable, HEADLESS_ARGS } from '../scripts/lib/chromium';
import { openDatabase } from '../scripts/lib/database-url';
import { startGraph } from '../scripts/lib/graph';

/**
 * `npm run bench:explore`: what the dashboard costs a browser — its bytes (raw and gzipped), the
 * time from navigation to the first figures on screen for each view with an empty cache, and the
 * requests each view makes (on a first visit, and when reached from another view).
 * Runs on DATABASE_URL, or on an embedded database of its own, with the seed.
 */

const VIEWS: [string, string][] = [
  ['World', ''],
  ['State (NGA)', '?view=state&iso3=NGA'],
  ['Appeals and funding', '?view=funding'],
  ['Projects', '?view=projects'],
];
const FIRST_DATA = 'explore:first-data';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function pageWeight(dir: string) {
  const files = ['index.html', ...readdirSync(join(dir, 'assets')).map((f) => `assets/${f}`)];
  return files.map((file) => {
    const body = readFileSync(join(dir, file));
    return { file, raw: body.length, gzip: gzipSync(body).length };
  });
}

async function coldLoad(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) =>
    requests.push(`${request.method()} ${new URL(request.url()).pathname}`),
  );
  await page.goto(url);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_DATA);
  await page.waitForLoadState('networkidle');
  const timing = await page.evaluate((mark) => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      firstPaint: paint?.startTime ?? NaN,
      firstData: performance.getEntriesByName(mark)[0]!.startTime,
    };
  }, FIRST_DATA);
  await context.close();
  return { ...timing, requests };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { loads: { type: 'string', default: '10' } } });
  const loads = Math.max(1, Number(values.loads));
  const weight = pageWeight(join('dist', 'explore'));

  // As `npm start` does: the gateway signs its requests with a secret of this run's own.
  process.env.GATEWAY_SIGNING_SECRET ??= randomBytes(32).toString('hex');
  const env = { ...process.env };
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-explore-'));
  if (!env.DATABASE_URL) env.PGLITE_DATA_DIR = dataDir;
  const database = await openDatabase(env);
  const graph = await startGraph({
    databaseUrl: database.url,
    ports: { gateway: 0, membership: 0, assessments: 0, funding: 0 },
    metricsPorts: { gateway: 0, membership: 0, assessments: 0, funding: 0 },
    logLevel: 'warn',
  });
  const browser = await chromium.launch({
    executablePath: await chromiumExecutable(),
    headless: true,
    args: HEADLESS_ARGS,
  });
  try {
    const base = `${new URL(graph.url).origin}/explore`;
    const rows = [];
    for (const [name, search] of VIEWS) {
      const runs = [];
      await coldLoad(browser, base + search); // warms the gateway's and the database's caches
      for (let i = 0; i < loads; i += 1) runs.push(await coldLoad(browser, base + search));
      const requests = runs[0]!.requests;
      rows.push({
        name,
        firstPaint: median(runs.map((r) => r.firstPaint)),
        firstData: median(runs.map((r) => r.firstData)),
        requests: requests.length,
        graphql: requests.filter((r) => r === 'POST /graphql').length,
      });
    }

    // A view reached from another, as a person moves around: only its one operation.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForLoadState('networkidle');
    const moves: string[] = [];
    page.on('request', (request) =>
      moves.push(`${request.method()} ${new URL(request.url()).pathname}`),
    );
    await page.getByRole('link', { name: 'Appeals and funding' }).click();
    await page.waitForLoadState('networkidle');
    await page.locator('main [aria-busy="false"]').first().waitFor();
    await context.close();

    const total = (of: (f: (typeof weight)[number]) => boolean) =>
      weight.filter(of).reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), {
        raw: 0,
        gzip: 0,
      });
    const js = total((f) => f.file.endsWith('.js'));
    const css = total((f) => f.file.endsWith('.css'));
    const html = total((f) => f.file.endsWith('.html'));
    const lines = [
      '',
      'Page weight (dist/explore)',
      `  JS    ${kb(js.raw).padStart(9)} raw, ${kb(js.gzip).padStart(8)} gzipped`,
      `  CSS   ${kb(css.raw).padStart(9)} raw, ${kb(css.gzip).padStart(8)} gzipped`,
      `  HTML  ${kb(html.raw).padStart(9)} raw, ${kb(html.gzip).padStart(8)} gzipped`,
      '',
      `Each view with an empty cache, median of ${loads} loads (ms from navigation)`,
      '  view                   first paint   first figures   requests   of them /graphql',
      ...rows.map(
        (r) =>
          `  ${r.name.padEnd(22)} ${r.firstPaint.toFixed(0).padStart(11)} ${r.firstData
            .toFixed(0)
            .padStart(15)} ${String(r.requests).padStart(10)} ${String(r.graphql).padStart(18)}`,
      ),
      '',
      `World → Appeals and funding, in the page: ${moves.length} request(s): ${moves.join(', ')}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    await browser.close();
    await graph.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
