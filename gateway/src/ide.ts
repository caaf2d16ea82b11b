import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { exampleOperations } from '../operations';
import { createAssetStore, IDE_BASE } from './ide/assets';
import { exampleTabs, type ExampleTab } from './ide/examples';
import {
  CONTENT_SECURITY_POLICY,
  LOADER_SCRIPT,
  LOADER_URL,
  renderIdePage,
  type GraphiQLOptions,
} from './ide/page';
import type { FeatureDeps, GatewayFeature } from './features';

const GRAPHQL_PATH = '/graphql';

/** A globe, drawn inline: the page loads no image. */
const LOGO =
  '<svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="1.6" aria-hidden="true"><circle cx="12" cy="12" r="10"/><path d="M2 12h20M12 2c3 3.2 3 16.8 0 20M12 2c-3 3.2-3 16.8 0 20"/></svg>';

/**
 * The headers editor starts with a hint, not a header: a wrong Authorization header is refused,
 * while none is read as anonymous. GraphiQL reads the editor as JSON with comments.
 */
const HEADERS_HINT = `{
  // Sign in: paste a token, such as one from \`npm run token -- --entity UNODC --roles editor\`
  // "Authorization": "Bearer <token>"
}`;

const NEW_TAB = `# Write an operation here; press Ctrl-Enter to run it. The other tabs hold the examples,
# one per question the graph answers. The Docs button lists every type and field.
`;

/** GraphiQL's settings: the example operations as tabs, the first one open. */
function ideOptions(tabs: ExampleTab[]): GraphiQLOptions {
  const [first] = tabs;
  return {
    title: 'Compact Graph',
    logo: LOGO,
    favicon: `data:image/svg+xml,${encodeURIComponent(LOGO.replace('currentColor', '#009edb'))}`,
    endpoint: GRAPHQL_PATH,
    defaultQuery: NEW_TAB,
    defaultTabs: tabs,
    // Yoga's wrapper opens `query` in the editor; it must be the first tab's, or its welcome text
    // replaces the first example.
    ...(first ? { query: first.query, variables: first.variables } : {}),
    defaultHeaders: HEADERS_HINT,
    // A token kept in localStorage would outlive the session on a shared computer.
    shouldPersistHeaders: false,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'variables',
  };
}

const PAGE_PATHS = new Set(['/', GRAPHQL_PATH]);
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function isPage(request: Request): boolean {
  return request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
}

/**
 * The GraphQL IDE analysts use: GraphiQL at `/graphql` (for a browser) and at `/`, from files
 * installed with the project and served by the gateway under `/graphiql/`. Nothing is fetched
 * from outside, so it works on networks that block public CDNs.
 */
export function ide({ logger }: FeatureDeps): GatewayFeature {
  let tabs: ExampleTab[] = [];
  try {
    tabs = exampleTabs(exampleOperations());
  } catch (error) {
    logger.warn(
      { err: error },
      'the example operations could not be read; the IDE opens without them',
    );
  }
  const options = ideOptions(tabs);
  const asset = createAssetStore();

  const plugin: GatewayPlugin = {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET') return;
      if (url.pathname === '/' && isPage(request)) {
        endResponse(
          new fetchAPI.Response(renderIdePage(options), {
            headers: { 'content-type': 'text/html; charset=utf-8' },
          }),
        );
        return;
      }
      if (!url.pathname.startsWith(`${IDE_BASE}/`)) return;
      if (url.pathname === LOADER_URL) {
        endResponse(
          new fetchAPI.Response(LOADER_SCRIPT, {
            headers: {
              'content-type': 'application/javascript; charset=utf-8',
              'cache-control': 'no-cache',
              'x-content-type-options': 'nosniff',
            },
          }),
        );
        return;
      }
      const file = await asset(url.pathname);
      endResponse(
        file
          ? new fetchAPI.Response(file.body, { headers: file.headers })
          : new fetchAPI.Response('Not found', { status: 404 }),
      );
    },
    // Yoga renders the page at /graphql with no headers but its type, which compression then
    // loses: give the response that leaves (compressed or not) the page's headers.
    onResponse({ request, response, setResponse, fetchAPI }) {
      const { pathname } = new URL(request.url);
      if (!isPage(request) || !PAGE_PATHS.has(pathname) || response.status !== 200) return;
      const headers = new fetchAPI.Headers(response.headers);
      for (const [name, value] of Object.entries(PAGE_HEADERS)) headers.set(name, value);
      setResponse(
        new fetchAPI.Response(response.body, {
          status: response.status,
          statusText: response.statusText,
          headers,
        }),
      );
    },
  };

  return {
    options: { graphiql: options, renderGraphiQL: renderIdePage, landingPage: false },
    plugins: () => [plugin],
    paths: { exact: ['/'], prefixes: [`${IDE_BASE}/`] },
  };
}
