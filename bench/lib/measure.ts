import type { LoadResult } from './load';
import { cpuMicrosBetween, cpuSnapshot, memoryOf, postgresProcesses } from './proc';
import type { Subgraphs } from './services';

export interface Measurement extends LoadResult {
  /** The gateway process's CPU time per request. */
  cpuMicrosPerRequest: number;
  /** The three subgraph processes' CPU time per request. */
  subgraphCpuMicrosPerRequest: number;
  /** The gateway's, the subgraphs' and the PostgreSQL server's CPU time per request. */
  machineCpuMicrosPerRequest: number;
  peakRssMb: number;
  statementsPerRequest: number;
  /** Warnings and errors the subgraphs logged during the run: none, unless something failed. */
  subgraphProblems: number;
}

/** What one run drives: a gateway process and the side's subgraphs behind it. */
export interface Target {
  gatewayPid: number;
  subgraphs: Subgraphs;
  /** The PostgreSQL database they read, whose server processes count as the machine's. */
  database: string;
}

/**
 * Runs one load on a gateway (autocannon's, or the write workers') and measures the CPU time of
 * every process that serves it.
 */
export async function measure(
  target: Target,
  run: () => Promise<LoadResult>,
): Promise<Measurement> {
  const statements = await target.subgraphs.statements();
  const problems = target.subgraphs.problems();
  const processes = () => [
    [target.gatewayPid],
    target.subgraphs.pids,
    postgresProcesses(target.database),
  ];
  const before = processes().map(cpuSnapshot);
  const result = await run();
  // Listed again, so that backends a pool opened during the run count too.
  const [gateway, subgraphs, server] = processes().map((pids, i) =>
    cpuMicrosBetween(before[i], cpuSnapshot(pids)),
  );
  const sent = (await target.subgraphs.statements()) - statements;
  const requests = Math.max(result.requests, 1);
  return {
    ...result,
    cpuMicrosPerRequest: gateway / requests,
    subgraphCpuMicrosPerRequest: subgraphs / requests,
    machineCpuMicrosPerRequest: (gateway + subgraphs + server) / requests,
    peakRssMb: memoryOf(target.gatewayPid).peakRssMb,
    statementsPerRequest: sent / requests,
    subgraphProblems: target.subgraphs.problems() - problems,
  };
}
