import type { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { ASSET_URLS, IDE_BASE } from './assets';

type RuntimeOptions = Parameters<typeof createGatewayRuntime>[0];
/** What GraphiQL is rendered with (Yoga's `GraphiQLOptions`). */
export type GraphiQLOptions = Parameters<NonNullable<RuntimeOptions['renderGraphiQL']>>[0];

/** The script that starts GraphiQL; served as a file so the page needs no inline script. */
export const LOADER_URL = `${IDE_BASE}/ide.js`;

/**
 * Points Monaco at the gateway's own copies of its workers (Yoga's page fetches them from unpkg),
 * then renders GraphiQL with the options the page carries as JSON.
 */
export const LOADER_SCRIPT = `'use strict';
(function () {
  function read(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }
  var workers = read('ide-workers');
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) {
      return workers[label] || workers.editorWorkerService;
    },
  };
  document.addEventListener('DOMContentLoaded', function () {
    self.YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), read('ide-options'));
  });
})();
`;

/**
 * Only the gateway's own origin: the page works with no internet, and a browser refuses anything
 * else it might be asked to load. Monaco writes its styles inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** JSON that cannot close the script element it sits in. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, ' ');

/** The IDE's HTML page: every URL in it is a path on the gateway. */
export function renderIdePage(options: GraphiQLOptions): string {
  const title = escapeHtml(options.title ?? 'GraphiQL');
  const favicon = options.favicon?.startsWith('data:') ? options.favicon : 'data:,';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="${escapeHtml(favicon)}" />
    <link rel="stylesheet" href="${ASSET_URLS.styles}" />
  </head>
  <body class="no-focus-outline">
    <div id="root">Loading ${title}…</div>
    <script type="application/json" id="ide-options">${scriptJson(options)}</script>
    <script type="application/json" id="ide-workers">${scriptJson(ASSET_URLS.workers)}</script>
    <script src="${LOADER_URL}"></script>
    <script src="${ASSET_URLS.script}"></script>
  </body>
</html>
`;
}
