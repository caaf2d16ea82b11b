import { randomBytes } from 'node:crypto';
import { buildASTSchema, parse } from 'graphql';
import { join, resolve } from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { prepareBaseline, type Baseline } from './lib/baseline';
import { benchDatabase } from './lib/database';
import { buildDataset } from '../subgraphs/shared/src/dataset/build';
import { compareGateways, compareOperations, type ScaleResult } from './lib/figures';
import { drive, verify } from './lib/load';
import { measure, type Target } from './lib/measure';
import { options, type Options } from './lib/options';
import { memoryOf } from './lib/proc';
import { writeReport } from './lib/report';
import {
  startGateway,
  startSubgraphs,
  WORKING_TREE,
  type Side,
  type Subgraphs,
} from './lib/services';
import { fixed, type BenchResult } from './lib/tables';
import { writePlans, type WritePlan } from './lib/write-plan';
import { measureWrite } from './lib/measure-write';
import { adminSender, unlinkAll } from './lib/writes';
import {
  buildWorkload,
  OVERVIEW_ALL,
  OVERVIEW_OCEANIA,
  type Operation,
  type Sample,
} from './lib/workload';
import { GATEWAYS } from './processes/gateway';

/** One gateway the rounds alternate between: a kind, on one side's subgraphs. */
interface Entry {
  key: string;
  kind: string;
  side: Side;
}

function entriesOf(opts: Options, baseline: Baseline | undefined): Entry[] {
  const entries: Entry[] = opts.gateways.map((kind) => ({ key: kind, kind, side: WORKING_TREE }));
  if (baseline) {
    const kind = opts.gateways[0];
    entries.splice(1, 0, { key: `${kind}@baseline`, kind, side: baseline });
  }
  return entries;
}

async function main(): Promise<void> {
  const opts = options();
  if (opts.profile) {
    mkdirSync(opts.profile, { recursive: true });
    WORKING_TREE.profileDir = resolve(opts.profile);
  }
  // Our gateway signs its subgraph requests and the subgraphs verify them, as deployed.
  process.env.GATEWAY_SIGNING_SECRET ||= randomBytes(32).toString('hex');
  // The write is an admin's: every gateway and subgraph verifies its token with this secret.
  process.env.JWT_SECRET ||= randomBytes(32).toString('hex');
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const started = Date.now();
  const baseline = opts.baseline ? await prepareBaseline(opts.baseline) : undefined;
  try {
    const entries = entriesOf(opts, baseline);
    const result: BenchResult = {
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      date: new Date().toISOString(),
      options: { ...opts },
      gateways: { ...GATEWAYS },
      scales: [],
    };
    if (baseline) {
      const [, entry] = entries;
      result.gateways[entry.key] = `${entry.kind} of ${baseline.ref} (${baseline.commit})`;
      result.baseline = {
        ref: baseline.ref,
        commit: baseline.commit,
        kind: entry.kind,
        key: entry.key,
        dependencies: baseline.dependencies,
      };
    }
    for (const scale of opts.scales) {
      const scaleResult = await runScale(scale, serverUrl, entries, opts);
      if (result.baseline)
        scaleResult.baseline = compareGateways(scaleResult, entries[0].key, result.baseline.key);
      scaleResult.overview = compareOperations(scaleResult, OVERVIEW_ALL, OVERVIEW_OCEANIA);
      result.scales.push(scaleResult);
    }
    result.seconds = (Date.now() - started) / 1000;
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/latest.json', `${JSON.stringify(result, null, 2)}\n`);
    const table = writeReport(result, opts.writeDocs);
    console.log(
      `\n${table}\n\nfinished in ${result.seconds.toFixed(0)} s; results in bench/results/latest.json`,
    );
  } finally {
    baseline?.remove();
  }
}

async function runScale(
  scale: number,
  serverUrl: string,
  entries: Entry[],
  opts: Options,
): Promise<ScaleResult> {
  const databaseUrl = await benchDatabase(serverUrl, scale);
  const database = new URL(databaseUrl).pathname.slice(1);
  const workload = servedByAll(buildWorkload(scale, 30), entries);
  const mix = workload.flatMap((op) => op.samples);
  const plans = writePlans(buildDataset({ scale }), opts.writeWorkers);
  const into: ScaleResult = { scale, mix: {}, operations: {}, incorrect: {} };
  const sides = new Map<Side, Subgraphs>();
  try {
    for (const { side } of entries) {
      if (!sides.has(side)) sides.set(side, await startSubgraphs(side, databaseUrl));
    }
    for (const [side, subgraphs] of sides)
      await warmUp(
        entries.find((e) => e.side === side)!,
        subgraphs,
        mix,
        plans,
        opts,
      );
    for (let round = 0; round < opts.rounds; round++) {
      const order = round % 2 === 0 ? entries : [...entries].reverse();
      for (const entry of order) {
        const subgraphs = sides.get(entry.side)!;
        const { child: gateway, url } = await startGateway(entry.side, entry.kind, subgraphs);
        try {
          const target: Target = { gatewayPid: gateway.pid, subgraphs, database };
          const checked = await verify(url, mix);
          into.incorrect[entry.key] = (into.incorrect[entry.key] ?? 0) + checked.wrong;
          // Warm the plan caches and connections before measuring.
          await drive(url, mix, checked.bodies, { connections: opts.connections, seconds: 1 });
          const measured = await measure(target, () =>
            drive(url, mix, checked.bodies, {
              connections: opts.connections,
              seconds: opts.seconds,
            }),
          );
          (into.mix[entry.key] ??= []).push(measured);
          console.log(
            `×${scale} round ${round + 1} ${entry.key.padEnd(14)} ${measured.rps.toFixed(0).padStart(6)} req/s  p50 ${measured.p50} ms  p99 ${measured.p99} ms  machine ${fixed(measured.machineCpuMicrosPerRequest)} µs/req  errors ${measured.errors + checked.wrong}`,
          );
          if (round === 0) {
            await measureOperations(workload, target, url, entry.key, opts, into);
            await measureWrite(target, url, plans, entry.key, opts, into);
          }
        } finally {
          await gateway.stop();
        }
      }
    }
    if (opts.soak > 0 && scale === opts.scales[0])
      into.soak = await soak(sides.get(WORKING_TREE)!, mix, opts);
  } finally {
    await Promise.all([...sides.values()].map((s) => s.stop()));
  }
  return into;
}

/**
 * The operations every side's supergraph can answer: one that needs a root field a side lacks
 * (a baseline older than it) is left out for every side, and said so.
 */
function servedByAll(workload: Operation[], entries: Entry[]): Operation[] {
  const roots = [...new Set(entries.map((e) => e.side.root))].map((root) =>
    queryFields(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8')),
  );
  return workload.filter((op) => {
    const served = roots.every((fields) => !op.needs || fields.has(op.needs));
    if (!served) console.log(`${op.name}: not in every side's graph, left out for all of them`);
    return served;
  });
}

/** The root fields of `Query` in a supergraph's SDL (a field of another type may share a name). */
function queryFields(sdl: string): Set<string> {
  const query = buildASTSchema(parse(sdl), { assumeValidSDL: true }).getQueryType();
  return new Set(Object.keys(query?.getFields() ?? {}));
}

/**
 * Unmeasured load through one gateway, so that the first gateway measured at a scale does not
 * meet a database and subgraphs that are still cold (a data set just loaded, empty caches, new
 * connections) while the others find them warm. First, the write's links are undone, should a
 * run cut short during the write have left one that the reads' answers do not expect.
 */
async function warmUp(
  entry: Entry,
  subgraphs: Subgraphs,
  mix: Sample[],
  plans: WritePlan[],
  opts: Options,
) {
  const { child, url } = await startGateway(entry.side, entry.kind, subgraphs);
  try {
    await unlinkAll(await adminSender(url, process.env.JWT_SECRET!), plans).catch(
      (error: unknown) =>
        console.log(`${entry.key} could not undo the write's links: ${messageOf(error)}`),
    );
    const { bodies } = await verify(url, mix);
    await drive(url, mix, bodies, {
      connections: opts.connections,
      seconds: Math.max(3, opts.seconds),
    });
  } finally {
    await child.stop();
  }
}

async function measureOperations(
  workload: Operation[],
  target: Target,
  url: string,
  key: string,
  opts: Options,
  into: ScaleResult,
): Promise<void> {
  for (const op of workload) {
    const { bodies } = await verify(url, op.samples);
    const measured = await measure(target, () =>
      drive(
        url,
        op.samples,
        bodies,
        op.samples.every((s) => s.heavy)
          ? { connections: 1, requests: 5 }
          : { connections: opts.connections, seconds: opts.opSeconds },
      ),
    );
    (into.operations[op.name] ??= {})[key] = { ...measured, paginated: op.paginated };
  }
  const overview = compareOperations(into, OVERVIEW_ALL, OVERVIEW_OCEANIA)[key];
  if (overview)
    console.log(
      `×${into.scale} ${key}: overview, all states ÷ Oceania: p50 ${fixed(overview.p50, 1)}, machine CPU/req ${fixed(overview.machineCpu, 1)}, SQL/req ${fixed(overview.statements, 1)}`,
    );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Our gateway under the mix for a while, its memory sampled, to see whether it grows. */
async function soak(subgraphs: Subgraphs, mix: Sample[], opts: Options) {
  const { child: gateway, url } = await startGateway(WORKING_TREE, 'ours', subgraphs);
  try {
    const { bodies } = await verify(url, mix);
    const samples: { second: number; rssMb: number }[] = [];
    const step = 10;
    for (let second = 0; second < opts.soak; second += step) {
      await drive(url, mix, bodies, { connections: opts.connections, seconds: step });
      const { rssMb } = memoryOf(gateway.pid);
      samples.push({ second: second + step, rssMb });
      console.log(`soak ${second + step} s: rss ${rssMb.toFixed(0)} MB`);
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
