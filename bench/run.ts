import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { startChild, type Child } from './lib/child';
import { benchDatabase } from './lib/database';
import { drive, verify, type Load, type LoadResult } from './lib/load';
import { writeReport, type BenchResult, type Measurement } from './lib/report';
import { buildWorkload, type Operation, type Sample } from './lib/workload';
import { GATEWAYS, type GatewayKind } from './processes/gateway';

/** Every gateway but the one that shows what the signature costs, which is asked for by name. */
const DEFAULT_GATEWAYS = Object.keys(GATEWAYS).filter((kind) => kind !== 'ours-unsigned');

const USAGE = `npm run bench [-- options]
  --quick            scale ×1 only, short runs: under 5 minutes
  --scales 1,10,100  data set scales to measure (default 1,10 full, 1 quick)
  --rounds N         rounds of the mix, in alternating gateway order (default 3, quick 2)
  --seconds N        seconds per mix run (default 15, quick 6)
  --op-seconds N     seconds per single-operation run (default 4, quick 2)
  --connections N    concurrent connections (default 20)
  --gateways a,b     which of: ${Object.keys(GATEWAYS).join(', ')} (default all but ours-unsigned)
  --soak N           afterwards, N seconds of the mix on our gateway, sampling its memory
  --write-docs       write docs/benchmarks.md and docs/benchmarks.svg
Needs a PostgreSQL server: DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres).`;

interface Options {
  scales: number[];
  rounds: number;
  seconds: number;
  opSeconds: number;
  connections: number;
  gateways: GatewayKind[];
  soak: number;
  writeDocs: boolean;
  quick: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      scales: { type: 'string' },
      rounds: { type: 'string' },
      seconds: { type: 'string' },
      'op-seconds': { type: 'string' },
      connections: { type: 'string', default: '20' },
      gateways: { type: 'string', default: DEFAULT_GATEWAYS.join(',') },
      soak: { type: 'string', default: '0' },
      'write-docs': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick;
  const gateways = values.gateways.split(',') as GatewayKind[];
  const unknown = gateways.filter((g) => !(g in GATEWAYS));
  if (unknown.length) throw new Error(`Unknown gateway ${unknown.join(', ')}\n${USAGE}`);
  return {
    quick,
    scales: (values.scales ?? (quick ? '1' : '1,10')).split(',').map(Number),
    rounds: Number(values.rounds ?? (quick ? 2 : 3)),
    seconds: Number(values.seconds ?? (quick ? 6 : 15)),
    opSeconds: Number(values['op-seconds'] ?? (quick ? 2 : 4)),
    connections: Number(values.connections),
    gateways,
    soak: Number(values.soak),
    writeDocs: values['write-docs'],
  };
}

type Usage = { cpuMicros: number; rssBytes: number; maxRssBytes: number };

/** The three subgraphs, each in its own process, in the order they depend on each other. */
async function startSubgraphs(databaseUrl: string) {
  const children: Child[] = [];
  const urls: Record<string, string> = {};
  for (const name of ['membership', 'assessments', 'funding']) {
    const { child, ready } = await startChild<{ url: string }>('subgraph', [name], {
      DATABASE_URL: databaseUrl,
      PEER_URLS: JSON.stringify(urls),
      // The gateways compared do not all sign their calls, and all the load comes from one
      // address: a subgraph's rate limit would measure itself.
      RATE_LIMIT_MAX: '0',
    });
    children.push(child);
    urls[name] = ready.url;
  }
  return {
    urls,
    /** SQL statements all three have sent so far. */
    async statements(): Promise<number> {
      const counts = await Promise.all(children.map((c) => c.ask<{ count: number }>('statements')));
      return counts.reduce((n, c) => n + c.count, 0);
    },
    stop: () => Promise.all(children.map((c) => c.stop())),
  };
}

type Subgraphs = Awaited<ReturnType<typeof startSubgraphs>>;

/** Runs one load on a gateway and measures its CPU time and the subgraphs' SQL statements. */
async function measure(
  gateway: Child,
  subgraphs: Subgraphs,
  url: string,
  samples: Sample[],
  bodies: string[],
  load: Load,
): Promise<Measurement> {
  const usage = await gateway.ask<Usage>('usage');
  const before = await subgraphs.statements();
  const result: LoadResult = await drive(url, samples, bodies, load);
  const statements = (await subgraphs.statements()) - before;
  const end = await gateway.ask<Usage>('usage');
  return {
    ...result,
    cpuMicrosPerRequest: (end.cpuMicros - usage.cpuMicros) / Math.max(result.requests, 1),
    peakRssMb: end.maxRssBytes / 1_048_576,
    statementsPerRequest: statements / Math.max(result.requests, 1),
  };
}

async function main(): Promise<void> {
  const opts = options();
  // Our gateway signs its subgraph requests and the subgraphs verify them, as deployed.
  process.env.GATEWAY_SIGNING_SECRET ||= randomBytes(32).toString('hex');
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const started = Date.now();
  const result: BenchResult = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    date: new Date().toISOString(),
    options: { ...opts },
    gateways: GATEWAYS,
    scales: [],
  };

  for (const scale of opts.scales) {
    const databaseUrl = await benchDatabase(serverUrl, scale);
    const workload = buildWorkload(scale, 30);
    const mix = workload.flatMap((op) => op.samples);
    const subgraphs = await startSubgraphs(databaseUrl);
    const scaleResult: BenchResult['scales'][number] = {
      scale,
      mix: {},
      operations: {},
      incorrect: {},
    };
    try {
      await warmUp(opts.gateways[0], subgraphs.urls, mix, opts);
      for (let round = 0; round < opts.rounds; round++) {
        const order = round % 2 === 0 ? opts.gateways : [...opts.gateways].reverse();
        for (const kind of order) {
          const { child: gateway, ready: gw } = await startChild<{ url: string }>(
            'gateway',
            [kind],
            {
              SUBGRAPH_URLS: JSON.stringify(subgraphs.urls),
            },
          );
          try {
            const checked = await verify(gw.url, mix);
            scaleResult.incorrect[kind] = (scaleResult.incorrect[kind] ?? 0) + checked.wrong;
            // Warm the plan caches and connections before measuring.
            await drive(gw.url, mix, checked.bodies, { connections: opts.connections, seconds: 1 });
            const measured = await measure(gateway, subgraphs, gw.url, mix, checked.bodies, {
              connections: opts.connections,
              seconds: opts.seconds,
            });
            (scaleResult.mix[kind] ??= []).push(measured);
            console.log(
              `×${scale} round ${round + 1} ${kind.padEnd(11)} ${measured.rps.toFixed(0).padStart(6)} req/s  p50 ${measured.p50} ms  p99 ${measured.p99} ms  errors ${measured.errors}`,
            );
            if (round === 0)
              await measureOperations(
                workload,
                gateway,
                subgraphs,
                gw.url,
                kind,
                opts,
                scaleResult,
              );
          } finally {
            await gateway.stop();
          }
        }
      }
      if (opts.soak > 0 && scale === opts.scales[0])
        scaleResult.soak = await soak(subgraphs.urls, mix, opts);
    } finally {
      await subgraphs.stop();
    }
    result.scales.push(scaleResult);
  }
  result.seconds = (Date.now() - started) / 1000;
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(result, null, 2)}\n`);
  const table = writeReport(result, opts.writeDocs);
  console.log(
    `\n${table}\n\nfinished in ${result.seconds.toFixed(0)} s; results in bench/results/latest.json`,
  );
}

/**
 * Unmeasured load through one gateway, so that the first gateway measured at a scale does not
 * meet a database and subgraphs that are still cold (a data set just loaded, empty caches, new
 * connections) while the others find them warm.
 */
async function warmUp(
  kind: GatewayKind,
  urls: Record<string, string>,
  mix: Sample[],
  opts: Options,
) {
  const { child, ready } = await startChild<{ url: string }>('gateway', [kind], {
    SUBGRAPH_URLS: JSON.stringify(urls),
  });
  try {
    const { bodies } = await verify(ready.url, mix);
    await drive(ready.url, mix, bodies, {
      connections: opts.connections,
      seconds: Math.max(3, opts.seconds),
    });
  } finally {
    await child.stop();
  }
}

async function measureOperations(
  workload: Operation[],
  gateway: Child,
  subgraphs: Subgraphs,
  url: string,
  kind: GatewayKind,
  opts: Options,
  into: BenchResult['scales'][number],
): Promise<void> {
  for (const op of workload) {
    const { bodies } = await verify(url, op.samples);
    const measured = await measure(
      gateway,
      subgraphs,
      url,
      op.samples,
      bodies,
      op.samples.every((s) => s.heavy)
        ? { connections: 1, requests: 5 }
        : { connections: opts.connections, seconds: opts.opSeconds },
    );
    (into.operations[op.name] ??= {})[kind] = { ...measured, paginated: op.paginated };
  }
}

/** Our gateway under the mix for a while, its memory sampled, to see whether it grows. */
async function soak(urls: Record<string, string>, mix: Sample[], opts: Options) {
  const { child: gateway, ready } = await startChild<{ url: string }>('gateway', ['ours'], {
    SUBGRAPH_URLS: JSON.stringify(urls),
  });
  try {
    const { bodies } = await verify(ready.url, mix);
    const samples: { second: number; rssMb: number }[] = [];
    const step = 10;
    for (let second = 0; second < opts.soak; second += step) {
      await drive(ready.url, mix, bodies, { connections: opts.connections, seconds: step });
      const usage = await gateway.ask<Usage>('usage');
      samples.push({ second: second + step, rssMb: usage.rssBytes / 1_048_576 });
      console.log(`soak ${second + step} s: rss ${(usage.rssBytes / 1_048_576).toFixed(0)} MB`);
    }
    return samples;
  } finally {
    await gateway.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
