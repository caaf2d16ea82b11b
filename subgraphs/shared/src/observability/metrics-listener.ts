import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

const METRICS_PATH = '/metrics';

export interface MetricsListener {
  /** Starts serving; resolves to the URL Prometheus scrapes. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** A host as it goes into a URL: the wildcard addresses as `localhost`, IPv6 in brackets. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * A service's operations port: `GET /metrics` in Prometheus' text format and a 404 for anything
 * else. It listens apart from the clients' port because metrics name other callers' operations,
 * the subgraphs' addresses and the versions running: only the operator's network may read them.
 */
export function createMetricsListener(registry: Registry): MetricsListener {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' || pathname !== METRICS_PATH) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found\n');
      return;
    }
    registry.metrics().then(
      (body) => {
        response.writeHead(200, { 'content-type': registry.contentType });
        response.end(body);
      },
      () => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('The metrics could not be collected\n');
      },
    );
  });
  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          resolve(`http://${urlHost(host)}:${address.port}${METRICS_PATH}`);
        });
      });
    },
    async close() {
      // A scrape holds nothing worth waiting for, and Prometheus keeps its connections open.
      server.closeAllConnections();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
