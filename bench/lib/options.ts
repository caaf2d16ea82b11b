import { parseArgs } from 'node:util';
import { GATEWAYS, type GatewayKind } from '../processes/gateway';

/** Every gateway but the one that shows what the signature costs, which is asked for by name. */
const DEFAULT_GATEWAYS = Object.keys(GATEWAYS).filter((kind) => kind !== 'ours-unsigned');

const USAGE = `npm run bench [-- options]
  --quick            scale ×1 only, short runs: under 5 minutes
  --scales 1,10,100  data set scales to measure (default 1,10 full, 1 quick)
  --rounds N         rounds of the mix, in alternating gateway order (default 3, quick 2)
  --seconds N        seconds per mix run (default 15, quick 6)
  --op-seconds N     seconds per single-operation run (default 4, quick 2)
  --connections N    concurrent connections (default 20)
  --write-seconds N  seconds of the write (link and unlink a recommendation, as an admin) per
                     gateway, after its operations (default 10, quick 6)
  --write-workers N  concurrent writers, each on a project of its own (default 4)
  --gateways a,b     which of: ${Object.keys(GATEWAYS).join(', ')} (default all but ours-unsigned;
                     with --baseline, ours)
  --baseline REF     also run the git commit REF's own subgraphs and gateway (the first of
                     --gateways) on the same database and workload, and report this tree's
                     figures over its; REF is checked out, installed and built in a temporary
                     worktree
  --soak N           afterwards, N seconds of the mix on our gateway, sampling its memory
  --profile DIR      the working tree's services write V8 CPU profiles (.cpuprofile) into DIR
                     when the run ends; \`npm run profile -- DIR\` summarises them
  --write-docs       write docs/benchmarks.md and docs/benchmarks.svg
Needs a PostgreSQL server: DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres).`;

export interface Options {
  scales: number[];
  rounds: number;
  seconds: number;
  opSeconds: number;
  connections: number;
  writeSeconds: number;
  writeWorkers: number;
  gateways: GatewayKind[];
  baseline?: string;
  profile?: string;
  soak: number;
  writeDocs: boolean;
  quick: boolean;
}

export function options(): Options {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      scales: { type: 'string' },
      rounds: { type: 'string' },
      seconds: { type: 'string' },
      'op-seconds': { type: 'string' },
      connections: { type: 'string', default: '20' },
      'write-seconds': { type: 'string' },
      'write-workers': { type: 'string', default: '4' },
      gateways: { type: 'string' },
      baseline: { type: 'string' },
      profile: { type: 'string' },
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
  const gateways = (
    values.gateways ?? (values.baseline ? 'ours' : DEFAULT_GATEWAYS.join(','))
  ).split(',') as GatewayKind[];
  const unknown = gateways.filter((g) => !(g in GATEWAYS));
  if (unknown.length) throw new Error(`Unknown gateway ${unknown.join(', ')}\n${USAGE}`);
  return {
    quick,
    scales: (values.scales ?? (quick ? '1' : '1,10')).split(',').map(Number),
    rounds: Number(values.rounds ?? (quick ? 2 : 3)),
    seconds: Number(values.seconds ?? (quick ? 6 : 15)),
    opSeconds: Number(values['op-seconds'] ?? (quick ? 2 : 4)),
    connections: Number(values.connections),
    writeSeconds: Number(values['write-seconds'] ?? (quick ? 6 : 10)),
    writeWorkers: Number(values['write-workers']),
    gateways,
    baseline: values.baseline,
    profile: values.profile,
    soak: Number(values.soak),
    writeDocs: values['write-docs'],
  };
}
