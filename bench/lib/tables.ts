import { nameOf } from './baseline';
import { summarise, type Ratios, type ScaleResult } from './figures';

/** What the baseline was, when the run had one. */
interface BaselineInfo {
  ref: string;
  commit: string;
  /** The gateway kind both sides ran. */
  kind: string;
  /** The key the baseline's measurements are under in `mix` and `operations`. */
  key: string;
  dependencies: 'linked' | 'installed';
}

export interface BenchResult {
  command: string;
  machine: string;
  date: string;
  seconds?: number;
  options: Record<string, unknown>;
  gateways: Record<string, string>;
  baseline?: BaselineInfo;
  scales: ScaleResult[];
}

export const fixed = (value: number | null | undefined, digits = 0) =>
  value !== null && value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '–';

const CPU_HEAD = 'machine CPU µs/req | subgraph CPU µs/req | gateway CPU µs/req';

export function mixTable(result: BenchResult): string {
  const lines = [
    `| scale | gateway | req/s | × apollo | × bare Hive | p50 ms | p99 ms | errors | ${CPU_HEAD} | peak RSS MB | SQL/req |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of result.scales) {
    const apollo = s.mix.apollo ? summarise(s.mix.apollo).rps : NaN;
    const bare = s.mix['hive-rust'] ? summarise(s.mix['hive-rust']).rps : NaN;
    for (const [kind, rounds] of Object.entries(s.mix)) {
      const m = summarise(rounds);
      lines.push(
        `| ×${s.scale} | ${kind} | ${fixed(m.rps)} | ${fixed(m.rps / apollo, 2)} | ${fixed(m.rps / bare, 2)} | ${m.p50} | ${m.p99} | ${m.errors + (s.incorrect[kind] ?? 0)} | ${fixed(m.machineCpu)} | ${fixed(m.subgraphCpu)} | ${fixed(m.gatewayCpu)} | ${fixed(m.peak)} | ${fixed(m.statements, 2)} |`,
      );
    }
  }
  return lines.join('\n');
}

export function operationTable(result: BenchResult): string {
  const lines = [
    `| scale | operation | gateway | req/s | p50 ms | p99 ms | errors | ${CPU_HEAD} | SQL/req |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of result.scales) {
    for (const [op, byGateway] of Object.entries(s.operations)) {
      for (const [kind, m] of Object.entries(byGateway)) {
        lines.push(
          `| ×${s.scale} | ${op} | ${kind} | ${fixed(m.rps)} | ${m.p50} | ${m.p99} | ${m.errors} | ${fixed(m.machineCpuMicrosPerRequest)} | ${fixed(m.subgraphCpuMicrosPerRequest)} | ${fixed(m.cpuMicrosPerRequest)} | ${fixed(m.statementsPerRequest, 2)} |`,
        );
      }
    }
  }
  return lines.join('\n');
}

const RATIO_HEAD = `req/s | p50 | p99 | ${CPU_HEAD.replace(/ µs\/req/g, '/req')} | SQL/req`;

function ratioCells(r: Ratios): string {
  return [r.rps, r.p50, r.p99, r.machineCpu, r.subgraphCpu, r.gatewayCpu, r.statements]
    .map((value) => fixed(value, 2))
    .join(' | ');
}

/** This tree's gateway over the baseline's, on the mix and each operation; empty without one. */
export function baselineTable(result: BenchResult): string {
  const scales = result.scales.filter((s) => s.baseline);
  if (!result.baseline || !scales.length) return '';
  const { ref, commit, kind, dependencies } = result.baseline;
  const modules =
    dependencies === 'linked' ? 'its node_modules linked to this tree’s' : 'installed by npm ci';
  const lines = [
    `${kind} of this working tree ÷ ${kind} of ${nameOf(ref, commit)} (${modules}), each in front of its own subgraphs on the same database and workload. Above 1 is better for req/s, below 1 for the rest.`,
    '',
    `| scale | operation | ${RATIO_HEAD} |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of scales) {
    const { mix, operations } = s.baseline!;
    lines.push(`| ×${s.scale} | **the mix** | ${ratioCells(mix)} |`);
    for (const [op, r] of Object.entries(operations))
      lines.push(`| ×${s.scale} | ${op} | ${ratioCells(r)} |`);
  }
  return lines.join('\n');
}

/** The overview of all 193 states over Oceania's 14, per gateway; empty if it was not run. */
export function overviewTable(result: BenchResult): string {
  const scales = result.scales.filter((s) => s.overview && Object.keys(s.overview).length);
  if (!scales.length) return '';
  const lines = [
    'The overview of all 193 states ÷ that of Oceania’s 14: a cost that grows with the states listed is near 13.8; a cost per request, whatever the states, near 1.',
    '',
    `| scale | gateway | ${RATIO_HEAD} |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of scales) {
    for (const [gateway, r] of Object.entries(s.overview!))
      lines.push(`| ×${s.scale} | ${gateway} | ${ratioCells(r)} |`);
  }
  return lines.join('\n');
}
