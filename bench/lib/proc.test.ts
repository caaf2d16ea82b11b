import { backendDatabase, cpuMicrosBetween, parseStat, parseStatus } from './proc';

test('parseStat counts fields from the last parenthesis, whatever the command holds', () => {
  const line =
    '4242 (node (worker) x) S 4200 4242 4200 0 -1 4194560 9000 0 0 0 1234 567 8 9 20 0 11 0 3000 1000000 25000 18446744073709551615\n';
  expect(parseStat(line)).toEqual({
    pid: 4242,
    command: 'node (worker) x',
    ppid: 4200,
    cpuTicks: 1234 + 567,
  });
});

test('backendDatabase reads the database from a client backend title only', () => {
  const pad = '\0'.repeat(8);
  expect(
    backendDatabase(
      `postgres: 15/main: postgres compact_graph_bench_x1 127.0.0.1(54918) idle${pad}`,
    ),
  ).toBe('compact_graph_bench_x1');
  expect(backendDatabase('postgres: app test [local] SELECT')).toBe('test');
  expect(backendDatabase('postgres: bench other ::1(5000)')).toBe('other');
  expect(backendDatabase(`postgres: 15/main: checkpointer ${pad}`)).toBeUndefined();
  expect(backendDatabase('postgres: 15/main: autovacuum worker compact_graph_x1')).toBeUndefined();
  expect(
    backendDatabase('/usr/lib/postgresql/15/bin/postgres\0-D\0/var/lib/postgresql/15/main\0'),
  ).toBeUndefined();
});

test('cpuMicrosBetween counts new processes from zero and converts ticks', () => {
  const before = new Map([
    [1, 100],
    [2, 50],
  ]);
  const after = new Map([
    [1, 130],
    [3, 5],
  ]);
  // 30 ticks of process 1, 5 of process 3 (new); process 2 has exited and is not counted.
  expect(cpuMicrosBetween(before, after, 100)).toBe(350_000);
});

test('parseStatus reads current and peak resident memory in MB', () => {
  const status = 'Name:\tnode\nVmHWM:\t  307200 kB\nVmRSS:\t  204800 kB\nThreads:\t11\n';
  expect(parseStatus(status)).toEqual({ rssMb: 200, peakRssMb: 300 });
});
