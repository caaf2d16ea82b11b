import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second: the unit of the CPU times in /proc/<pid>/stat. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcStat {
  pid: number;
  command: string;
  ppid: number;
  /** utime + stime: CPU time in user and kernel mode, in clock ticks. */
  cpuTicks: number;
}

/**
 * One /proc/<pid>/stat line (proc(5)). The command sits in parentheses and may itself hold
 * spaces and parentheses, so the fields are counted from the last ")".
 */
export function parseStat(line: string): ProcStat {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  // fields[0] is field 3 (state); ppid is field 4, utime 14, stime 15.
  const fields = line
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  return {
    pid: Number(line.slice(0, open)),
    command: line.slice(open + 1, close),
    ppid: Number(fields[1]),
    cpuTicks: Number(fields[11]) + Number(fields[12]),
  };
}

function readStat(pid: number): ProcStat | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // it has exited
  }
}

/**
 * The database a PostgreSQL client backend serves, from its process title
 * (`postgres: [cluster: ]user database host(port) activity`); undefined for the server's other
 * processes (postmaster, checkpointer, WAL writer, autovacuum…).
 */
export function backendDatabase(title: string): string | undefined {
  return /\s(\S+)\s(?:\S*\(\d+\)|\[local\])(?:\s|$)/.exec(title.replace(/\0/g, ' '))?.[1];
}

/**
 * The PostgreSQL server's processes on this machine that work for `database`: its client
 * backends and the server's own processes, but not the backends of other databases (tests on
 * the same server, say).
 */
export function postgresProcesses(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (readStat(pid)?.command !== 'postgres') continue;
    let title: string;
    try {
      title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const served = backendDatabase(title);
    if (served === undefined || served === database) pids.push(pid);
  }
  return pids;
}

/** CPU ticks so far, by process. */
export type CpuSnapshot = Map<number, number>;

export function cpuSnapshot(pids: number[]): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat) snapshot.set(pid, stat.cpuTicks);
  }
  return snapshot;
}

/**
 * CPU time, in µs, the processes of `after` spent since `before`; one that started in between
 * counts from zero. One that exited in between is missed: the subgraphs' connection pools keep
 * their PostgreSQL backends while they are under load.
 */
export function cpuMicrosBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
  ticksPerSecond = CLOCK_TICKS,
): number {
  let ticks = 0;
  for (const [pid, now] of after) ticks += now - (before.get(pid) ?? 0);
  return (ticks * 1_000_000) / ticksPerSecond;
}

/** VmRSS and VmHWM (peak) of /proc/<pid>/status, in MB. */
export function parseStatus(status: string): { rssMb: number; peakRssMb: number } {
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  return parseStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}
