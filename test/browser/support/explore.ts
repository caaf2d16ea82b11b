import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumExecutable, HEADLESS_ARGS } from '../../../scripts/lib/chromium';

/**
 * The dashboard in a real browser, on a network where nothing but the gateways under test
 * answers: every other request is aborted and recorded, as are the page's errors and its
 * requests to /graphql.
 */
export interface DashboardBrowser {
  browser: Browser;
  /** Requests that left for anywhere but an allowed origin. */
  outside: Set<string>;
  /** Console errors, page errors and CSP reports, from every page. */
  problems: string[];
  /** A new tab (its own session storage) at this viewport. */
  page(options?: { width: number; height: number }): Promise<DashboardPage>;
  close(): Promise<void>;
}

export interface DashboardPage {
  page: Page;
  context: BrowserContext;
  /** POSTs to /graphql since the last `open` or `reset`, by operation name. */
  graphql: string[];
  /** Opens /explore with this query string on a gateway and waits until the view has loaded. */
  open(search: string, origin?: string): Promise<void>;
  /** Does something that changes the view and waits for its one request to be answered. */
  change(action: () => Promise<unknown>): Promise<void>;
  reset(): void;
}

export async function launchDashboardBrowser(origins: () => string[]): Promise<DashboardBrowser> {
  const browser = await chromium.launch({
    executablePath: await chromiumExecutable(),
    headless: true,
    args: HEADLESS_ARGS,
  });
  const outside = new Set<string>();
  const problems: string[] = [];
  const isOwn = (url: string) => {
    const { protocol, origin } = new URL(url);
    return origins().includes(origin) || protocol === 'data:' || protocol === 'blob:';
  };
  const contexts: BrowserContext[] = [];

  return {
    browser,
    outside,
    problems,
    async page(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      contexts.push(context);
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (isOwn(url)) return route.continue();
        outside.add(url);
        return route.abort('blockedbyclient');
      });
      context.on('request', (request) => {
        if (!isOwn(request.url())) outside.add(request.url());
      });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const graphql: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST') {
          const body = request.postDataJSON() as { query?: string };
          graphql.push(/query (\w+)/.exec(body.query ?? '')?.[1] ?? 'anonymous');
        }
      });
      const isAnswer = (response: { url(): string; request(): { method(): string } }) =>
        new URL(response.url()).pathname === '/graphql' && response.request().method() === 'POST';
      const loaded = async () => {
        await page.locator('main [aria-busy="false"], main .failure').first().waitFor();
        await page.waitForLoadState('networkidle');
      };
      return {
        page,
        context,
        graphql,
        reset: () => void graphql.splice(0),
        async open(search, origin = origins()[0]!) {
          graphql.splice(0);
          await page.goto(`${origin}/explore${search}`);
          await loaded();
        },
        async change(action) {
          graphql.splice(0);
          await Promise.all([page.waitForResponse(isAnswer), action()]);
          await loaded();
        },
      };
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
      await browser.close();
    },
  };
}
