import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

/** Debian's Chromium, where the machine has it (`apt-get install chromium`). */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` if set; else Debian's where it is
 * installed; else the one the npm package `@sparticuz/chromium` ships inside itself, unpacked
 * on first use (to the temporary directory), so `npm ci && npm test` needs nothing installed by
 * hand. `CHROMIUM_PATH=bundled` takes the packaged one even where Debian's is installed.
 */
export async function chromiumExecutable(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && configured !== 'bundled') return configured;
  if (!configured && existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return bundledChromium();
}

/**
 * The packaged Chromium's path, unpacking it if needed. The package is an ES module, which the
 * test runner's CommonJS transform cannot load, so a Node process of its own asks it.
 */
export async function bundledChromium(): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '-e',
    "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))",
  ]);
  return stdout.trim();
}

/** Flags for a headless run in a container: no sandbox, no GPU, nothing fetched in the background. */
export const HEADLESS_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
