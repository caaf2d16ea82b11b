import type { Measurement } from './measure';

/** The figures a run is compared by. CPU times are µs per request. */
export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  machineCpu: number;
  subgraphCpu: number;
  gatewayCpu: number;
  statements: number;
}

const FIGURES: (keyof Figures)[] = [
  'rps',
  'p50',
  'p99',
  'machineCpu',
  'subgraphCpu',
  'gatewayCpu',
  'statements',
];

/** One figure over another, per figure; null where the other is zero or missing. */
export type Ratios = Record<keyof Figures, number | null>;

export interface ScaleResult {
  scale: number;
  /** One measurement per round of the mix, per gateway. */
  mix: Record<string, Measurement[]>;
  operations: Record<string, Record<string, Measurement & { paginated: boolean }>>;
  /** Answers that differed from the expected one when each gateway was checked. */
  incorrect: Record<string, number>;
  /** This tree's gateway over the baseline's, on the mix and on each operation. */
  baseline?: { mix: Ratios; operations: Record<string, Ratios> };
  /** The overview of all states over that of Oceania's, per gateway. */
  overview?: Record<string, Ratios>;
  soak?: { second: number; rssMb: number }[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function figuresOf(m: Measurement): Figures {
  return {
    rps: m.rps,
    p50: m.p50,
    p99: m.p99,
    machineCpu: m.machineCpuMicrosPerRequest,
    subgraphCpu: m.subgraphCpuMicrosPerRequest,
    gatewayCpu: m.cpuMicrosPerRequest,
    statements: m.statementsPerRequest,
  };
}

/** The mix at one scale over its rounds: the median of each figure, all errors, peak memory. */
export function summarise(rounds: Measurement[]): Figures & { errors: number; peak: number } {
  const each = rounds.map(figuresOf);
  const medians = Object.fromEntries(
    FIGURES.map((key) => [key, median(each.map((f) => f[key]))]),
  ) as unknown as Figures;
  return {
    ...medians,
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    peak: Math.max(...rounds.map((r) => r.peakRssMb)),
  };
}

export function ratio(a: number, b: number): number | null {
  const value = a / b;
  return Number.isFinite(value) ? value : null;
}

function ratios(a: Figures, b: Figures): Ratios {
  return Object.fromEntries(FIGURES.map((key) => [key, ratio(a[key], b[key])])) as Ratios;
}

/** Gateway `a` over gateway `b` at one scale, on the mix and on each operation both ran. */
export function compareGateways(scale: ScaleResult, a: string, b: string) {
  const operations: Record<string, Ratios> = {};
  for (const [name, byGateway] of Object.entries(scale.operations)) {
    if (byGateway[a] && byGateway[b])
      operations[name] = ratios(figuresOf(byGateway[a]), figuresOf(byGateway[b]));
  }
  const mix =
    scale.mix[a] && scale.mix[b] ? ratios(summarise(scale.mix[a]), summarise(scale.mix[b])) : null;
  return mix ? { mix, operations } : undefined;
}

/** Operation `a` over operation `b` at one scale, per gateway that ran both. */
export function compareOperations(scale: ScaleResult, a: string, b: string) {
  const byGateway: Record<string, Ratios> = {};
  for (const [gateway, m] of Object.entries(scale.operations[a] ?? {})) {
    const other = scale.operations[b]?.[gateway];
    if (other) byGateway[gateway] = ratios(figuresOf(m), figuresOf(other));
  }
  return byGateway;
}
