import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { readGatewayConfig } from '../../../gateway/src/config';
import { createGateway, type Gateway } from '../../../gateway/src/server';
import { processGeneration } from '../../../subgraphs/shared/src/data-generation';
import type { RunningGraph } from '../../../scripts/lib/graph';

/** A parsed answer; tests read into it freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;

export interface ExtraGateway {
  url: string;
  gateway: Gateway;
  /** The gateway's log lines, parsed. */
  logs: Record<string, unknown>[];
  post(
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: Answer }>;
  stop(): Promise<void>;
}

/**
 * Another gateway in front of a running graph's subgraphs, with its own settings (limits, rate
 * limits, timeouts) and, optionally, some subgraphs reached through other URLs (a fault proxy).
 */
export async function startExtraGateway(
  graph: Pick<RunningGraph, 'subgraphs'>,
  env: Record<string, string> = {},
  urls: Record<string, string> = {},
  /** The gateway's logger. @default one at info whose lines go to `logs` */
  logger?: Logger,
  /**
   * Whether it learns of the in-process subgraphs' writes as `startGraph`'s gateway does; false
   * stands for a gateway in a process of its own, which learns of them through Redis alone.
   */
  { inProcess = true }: { inProcess?: boolean } = {},
): Promise<ExtraGateway> {
  const subgraphUrls = {
    ...Object.fromEntries(Object.values(graph.subgraphs).map((s) => [s.name, s.url])),
    ...urls,
  };
  const vars: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    // The same secrets as the graph's gateway: the subgraphs trust it as they trust that one, and
    // it accepts the tests' tokens.
    ...Object.fromEntries(
      ['GATEWAY_SIGNING_SECRET', 'JWT_SECRET'].flatMap((name) =>
        process.env[name] ? [[name, process.env[name]!]] : [],
      ),
    ),
    METRICS_PORT: '0',
    ...Object.fromEntries(
      Object.entries(subgraphUrls).map(([name, url]) => [
        `SUBGRAPH_${name.toUpperCase()}_URL`,
        url,
      ]),
    ),
    ...env,
  };
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const gateway = createGateway(readGatewayConfig(vars), {
    logger: logger ?? pino({ level: 'info' }, sink),
    inProcessGeneration: inProcess ? processGeneration : undefined,
  });
  const url = await gateway.listen();
  return {
    url,
    gateway,
    logs,
    async post(body, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON: the test sees the text.
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    stop: () => gateway.stop(),
  };
}
