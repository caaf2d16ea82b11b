import { chromium } from 'playwright-core';
import {
  bundledChromium,
  chromiumExecutable,
  HEADLESS_ARGS,
  SYSTEM_CHROMIUM,
} from '../../scripts/lib/chromium';

/**
 * The browser tests run on a machine with nothing installed by hand: the Chromium packaged in
 * `@sparticuz/chromium` starts headless and renders a page, and it is the one chosen where
 * Debian's is not installed.
 */
test('the packaged Chromium starts headless and renders a page', async () => {
  const browser = await chromium.launch({
    executablePath: await bundledChromium(),
    headless: true,
    args: HEADLESS_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<main><h1>Compact Graph</h1><button>Explore</button></main>');
    expect(await page.getByRole('heading').textContent()).toBe('Compact Graph');
    expect(await page.getByRole('button').count()).toBe(1);
  } finally {
    await browser.close();
  }
});

test('CHROMIUM_PATH chooses, else Debian’s where installed, else the packaged one', async () => {
  const saved = process.env.CHROMIUM_PATH;
  try {
    process.env.CHROMIUM_PATH = '/opt/some/chromium';
    expect(await chromiumExecutable()).toBe('/opt/some/chromium');
    process.env.CHROMIUM_PATH = 'bundled';
    expect(await chromiumExecutable()).toBe(await bundledChromium());
    delete process.env.CHROMIUM_PATH;
    const { existsSync } = await import('node:fs');
    expect(await chromiumExecutable()).toBe(
      existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : await bundledChromium(),
    );
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
});
