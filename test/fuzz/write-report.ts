import { writeFileSync } from 'node:fs';
import type { Found, Sent } from './write-batch';
import { tallyLines, type Tally } from './write-runner';

/**
 * What a write fuzz run prints: the first ten things found, those that say most first, the
 * writes by kind, and how many differences each figure had from which batch on. FUZZ_REPORT
 * gets all of them as JSON lines, and the writes of each batch that found something.
 */

/** Figures whose truth is funding's links and assessments keeps a copy of. */
const COPIED_FIGURES = /coverage|unaddressed/i;

export interface RunSummary {
  seed: number;
  count: number;
  batches: number;
  seconds: number;
  /** How long each check that did not agree at once took to agree. */
  late: number[];
  found: Found[];
  /** Differences at places already reported in an earlier batch. */
  repeated: number;
  tally: Tally;
}

const KIND_ORDER: Found['kind'][] = ['rows', 'write', 'read', 'figure'];

/**
 * Within a batch, rows and failed writes first; of the figures, admin's list of unaddressed
 * recommendations first, since its missing and extra ids name the recommendations at fault.
 */
function rank(found: Found): number[] {
  const naming = found.caller === 'admin' && found.figure === 'unaddressedRecommendations' ? 0 : 1;
  return [found.batch, KIND_ORDER.indexOf(found.kind), naming];
}

export function byWhatTheySay(a: Found, b: Found): number {
  const [x, y] = [rank(a), rank(b)];
  return x.map((v, i) => v - y[i]!).find((d) => d !== 0) ?? 0;
}

/** Per figure (or kind of finding): how many, and the first batch it was in. */
export function perFigure(found: Found[]): string[] {
  const rows = new Map<string, { n: number; first: number }>();
  for (const f of found) {
    const key = f.kind === 'figure' ? f.figure! : `${f.kind} findings`;
    const row = rows.get(key) ?? { n: 0, first: f.batch };
    row.n += 1;
    row.first = Math.min(row.first, f.batch);
    rows.set(key, row);
  }
  return [...rows].map(([key, { n, first }]) => `  ${key}: ${n}, from batch ${first}`);
}

export function summaryLines(run: RunSummary): string[] {
  const copied = run.found.filter((f) => f.kind === 'figure' && COPIED_FIGURES.test(f.figure!));
  return [
    '',
    ...[...run.found]
      .sort(byWhatTheySay)
      .slice(0, 10)
      .map((f) => `batch ${f.batch} (FUZZ_SEED=${run.seed}): ${f.line}`),
    '',
    'writes by kind:',
    ...tallyLines(run.tally),
    '',
    `${run.count} writes in ${run.batches} batches, ${run.seconds} s; ` +
      `${run.late.length} checks agreed only after the first read (${run.late.join(', ') || '-'} ms)`,
    `${run.found.length} differences: ${copied.length} in figures counted from assessments' copy of "addressed", ${run.found.length - copied.length} others` +
      (run.repeated
        ? `; and ${run.repeated} again in later batches at places already reported`
        : ''),
    ...perFigure(run.found),
    '',
  ];
}

/** Every finding, then the writes of each batch that found something, one JSON line each. */
export function writeReport(file: string, found: Found[], sent: Map<number, Sent[]>): void {
  const batches = [...new Set(found.map((f) => f.batch))];
  const lines = [
    ...found.map((f) => JSON.stringify(f)),
    ...batches.map((batch) => JSON.stringify({ batch, kind: 'writes', writes: sent.get(batch) })),
  ];
  writeFileSync(file, lines.join('\n'));
}
