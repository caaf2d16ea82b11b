import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { FeatureDeps, GatewayFeature } from './features';

/** Where the dashboard is served; its files are under `/explore/assets/`. */
const EXPLORE_PATH = '/explore';
const ASSETS = `${EXPLORE_PATH}/assets/`;

/** The page runs its own bundle only and talks to this origin's /graphql only. */
const EXPLORE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard not built</title></head>
<body><h1>The dashboard is not built</h1><p>Run <code>npm run build</code> (which <code>npm start</code> runs), then reload this page. GraphQL is at <a href="/graphql">/graphql</a>.</p></body></html>`;

interface File {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

/**
 * The dashboard (`explore/`), from the files the build wrote: the page at `/explore`, and its
 * bundle under `/explore/assets/`, whose names carry a content hash, so browsers keep them. A
 * request names a file only by its exact name in that folder; nothing else on disk is reachable.
 */
export function explore({ config, logger }: FeatureDeps): GatewayFeature {
  const dir = config.exploreDir;
  const files = new Map<string, Promise<File | undefined>>();
  let names: Promise<Set<string>> | undefined;
  let warned = false;

  const assetNames = () => {
    names ??= readdir(join(dir, 'assets')).then(
      (list) => new Set(list),
      () => new Set<string>(),
    );
    return names;
  };
  const load = (path: string, type: string) => {
    let file = files.get(path);
    if (!file) {
      file = readFile(path).then(
        (raw) => ({ body: new Uint8Array(raw), type }),
        () => undefined,
      );
      files.set(path, file);
      // A file that is missing now may be built later: look again next time.
      void file.then((found) => found || files.delete(path));
    }
    return file;
  };
  const asset = async (name: string) => {
    let known = await assetNames();
    // A rebuild while the gateway runs writes new names, and a page that names them.
    if (!known.has(name)) {
      names = undefined;
      files.delete(join(dir, 'index.html'));
      known = await assetNames();
    }
    const type = TYPES[extname(name)];
    return known.has(name) && type ? load(join(dir, 'assets', name), type) : undefined;
  };

  const plugin: GatewayPlugin = {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const { pathname } = url;
      if (pathname !== EXPLORE_PATH && !pathname.startsWith(`${EXPLORE_PATH}/`)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (pathname === EXPLORE_PATH || pathname === `${EXPLORE_PATH}/`) {
        const page = (await load(join(dir, 'index.html'), 'text/html; charset=utf-8'))?.body;
        if (!page && !warned) {
          warned = true;
          logger.warn({ dir }, 'the dashboard is not built; /explore says how to build it');
        }
        endResponse(
          new fetchAPI.Response(page ?? NOT_BUILT, {
            status: page ? 200 : 503,
            headers: {
              ...COMMON,
              'content-type': 'text/html; charset=utf-8',
              'content-security-policy': EXPLORE_CSP,
              'cache-control': 'no-cache',
            },
          }),
        );
        return;
      }
      const name = pathname.startsWith(ASSETS) ? pathname.slice(ASSETS.length) : '';
      const file = name && !name.includes('/') ? await asset(name) : undefined;
      endResponse(
        file
          ? new fetchAPI.Response(file.body, {
              headers: {
                ...COMMON,
                'content-type': file.type,
                'cache-control': 'public, max-age=31536000, immutable',
              },
            })
          : new fetchAPI.Response('Not found', {
              status: 404,
              headers: { ...COMMON, 'content-type': 'text/plain; charset=utf-8' },
            }),
      );
    },
  };

  return {
    plugins: () => [plugin],
    paths: { exact: [EXPLORE_PATH], prefixes: [`${EXPLORE_PATH}/`] },
  };
}
