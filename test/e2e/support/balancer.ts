import {
  Agent,
  createServer,
  request as forward,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Balancer {
  /** Where to send requests: the same path reaches the same path of a backend. */
  url: string;
  /** Requests answered 502, by the error of the last backend tried (ECONNREFUSED: none was up). */
  readonly failed: Record<string, number>;
  stop(): Promise<void>;
}

/** Headers that describe one connection, not the request: a proxy does not pass them on. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A round-robin HTTP load balancer in front of replicas (`http://host:port` each), as a
 * deployment puts one in front of a service. A backend that refuses the connection is skipped
 * for the next; one that fails once it has the request is not (the request may have been
 * applied), and the client gets 502, as from nginx.
 */
export async function startBalancer(backends: string[]): Promise<Balancer> {
  const agent = new Agent({ keepAlive: true });
  let next = 0;
  const failed: Record<string, number> = {};

  const attempt = (request: IncomingMessage, body: Buffer, backend: string) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const headers: Record<string, string | string[] | undefined> = {
        ...request.headers,
        'content-length': String(body.length),
      };
      for (const name of HOP_BY_HOP) delete headers[name];
      const upstream = forward(new URL(request.url ?? '/', backend), {
        method: request.method,
        headers,
        agent,
      });
      upstream.once('response', resolve);
      upstream.once('error', reject);
      upstream.end(body);
    });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    let reason = 'none';
    // Each request goes round from its own start: a shared counter would let a request that
    // skips a refusing backend land on it again.
    const start = next++;
    for (let tried = 0; tried < backends.length; tried++) {
      const backend = backends[(start + tried) % backends.length];
      try {
        const answer = await attempt(request, body, backend);
        const headers = { ...answer.headers };
        for (const name of HOP_BY_HOP) delete headers[name];
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
        answer.once('error', () => response.destroy());
        return;
      } catch (error) {
        reason = (error as NodeJS.ErrnoException).code ?? String(error);
        if (reason !== 'ECONNREFUSED') break;
      }
    }
    failed[reason] = (failed[reason] ?? 0) + 1;
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end('Bad Gateway');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    failed,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
