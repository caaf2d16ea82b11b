import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startChild } from './lib/child';
import { benchDatabase } from './lib/database';
import { startSubgraphs, WORKING_TREE } from './lib/services';

/**
 * `npm run bench:memory`: a memory attack against a gateway in a process of its
 * own, printing its resident memory after each phase and the bytes its caches report.
 * 1. ~950 APQ registrations of 1 MB of comment before `{ __typename }`;
 * 2. the same number of registrations, and as many plain POSTs, of the largest document allowed
 *    (MAX_DOCUMENT_BYTES), every one distinct;
 * 3. 300 distinct large answers with the response cache on (in memory).
 * Runs on DATABASE_URL's server (a bench database of its own). Not a test: it prints numbers.
 */

const MB = 1024 * 1024;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const padded = (label: string, bytes: number, selection: string) => {
  const head = `# ${label} `;
  return `${head}${'x'.repeat(Math.max(0, bytes - head.length - selection.length - 1))}\n${selection}`;
};

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) * 1024;
}

async function cacheBytes(metricsUrl: string | undefined): Promise<string> {
  if (!metricsUrl) return 'no metrics';
  const text = await (await fetch(metricsUrl)).text();
  const lines = text.split('\n').filter((line) => line.startsWith('gateway_cache_'));
  if (lines.length === 0) return 'no cache metrics (before the fix)';
  return lines
    .map((line) => {
      const [, name, cache, value] = /^(\w+)\{.*cache="(\w+)".*\} (\S+)$/.exec(line) ?? [];
      return `${name?.replace('gateway_cache_', '')}[${cache}]=${(Number(value) / MB).toFixed(1)} MB`;
    })
    .join(' ');
}

/** Sends `count` requests, `concurrency` at a time; counts the answers by status and code. */
async function send(count: number, concurrency: number, request: (i: number) => Promise<Response>) {
  const outcomes = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const response = await request(next++);
      const body = (await response.json().catch(() => ({}))) as {
        errors?: { extensions?: { code?: string } }[];
      };
      const key = `${response.status} ${body.errors?.[0]?.extensions?.code ?? 'ok'}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return [...outcomes].map(([key, n]) => `${n}× ${key}`).join(', ');
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const maxDocumentBytes = Number(process.env.MAX_DOCUMENT_BYTES ?? 32_768);
  const subgraphs = await startSubgraphs(WORKING_TREE, await benchDatabase(serverUrl, 1));
  const { child, ready } = await startChild<{ url: string; metricsUrl?: string }>(
    join(WORKING_TREE.processes, 'memory-gateway.js'),
    [],
    {
      SUBGRAPH_URLS: JSON.stringify(subgraphs.urls),
      RESPONSE_CACHE_TTL_MS: '600000',
      // Every request comes from one address: the general limit would measure itself.
      RATE_LIMIT_MAX: '1000000000',
    },
  );
  const post = (body: unknown) =>
    fetch(ready.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const report = async (phase: string, outcome: string) => {
    // A moment for the last answers' buffers to be released.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    console.log(`${phase}\n  answers: ${outcome}`);
    console.log(
      `  RSS ${(rssOf(child.pid) / MB).toFixed(0)} MB; ${await cacheBytes(ready.metricsUrl)}`,
    );
  };
  try {
    await send(20, 4, () => post({ query: '{ __typename }' }));
    await report('started', 'warm-up');

    const huge = (i: number) => padded(`huge ${i}`, 1_000_000, '{ __typename }');
    await report(
      '1. 950 APQ registrations of 1 MB of comment',
      await send(950, 8, (i) =>
        post({
          query: huge(i),
          extensions: { persistedQuery: { version: 1, sha256Hash: sha256(huge(i)) } },
        }),
      ),
    );

    const largest = (i: number) => padded(`largest ${i}`, maxDocumentBytes, '{ __typename }');
    const registered = await send(950, 8, (i) =>
      post({
        query: largest(i),
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(largest(i)) } },
      }),
    );
    const plain = await send(950, 8, (i) => post({ query: largest(950 + i) }));
    await report(
      `2. 950 APQ registrations and 950 POSTs of distinct ${maxDocumentBytes}-byte documents`,
      `registrations ${registered}; POSTs ${plain}`,
    );

    const selection =
      '{ memberStates { iso3 name region subregion projects(first: 20) { edges { node { code title } } } } }';
    const first = await (await post({ query: padded('answer size', 2000, selection) })).text();
    const answers = await send(300, 8, (i) =>
      post({ query: padded(`answer ${i}`, 2000, selection) }),
    );
    await report(
      `3. 300 distinct answers of ${(first.length / 1024).toFixed(0)} kB, response cache on`,
      answers,
    );
  } finally {
    await child.stop();
    await subgraphs.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
