import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LoadResult } from './load';

export interface Measurement extends LoadResult {
  cpuMicrosPerRequest: number;
  peakRssMb: number;
  statementsPerRequest: number;
}

export interface BenchResult {
  command: string;
  machine: string;
  date: string;
  seconds?: number;
  options: Record<string, unknown>;
  gateways: Record<string, string>;
  scales: {
    scale: number;
    /** One measurement per round of the mix, per gateway. */
    mix: Record<string, Measurement[]>;
    operations: Record<string, Record<string, Measurement & { paginated: boolean }>>;
    /** Answers that differed from the expected one when each gateway was checked. */
    incorrect: Record<string, number>;
    soak?: { second: number; rssMb: number }[];
  }[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The mix at one scale, summarised over its rounds: median throughput and latency. */
export function summarise(rounds: Measurement[]) {
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    cpu: median(rounds.map((r) => r.cpuMicrosPerRequest)),
    peak: Math.max(...rounds.map((r) => r.peakRssMb)),
    statements: median(rounds.map((r) => r.statementsPerRequest)),
  };
}

function mixTable(result: BenchResult): string {
  const lines = [
    '| scale | gateway | req/s | × apollo | × bare Hive | p50 ms | p99 ms | errors | CPU µs/req | peak RSS MB | SQL/req |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of result.scales) {
    const apollo = s.mix.apollo ? summarise(s.mix.apollo).rps : NaN;
    const bare = s.mix['hive-rust'] ? summarise(s.mix['hive-rust']).rps : NaN;
    for (const [kind, rounds] of Object.entries(s.mix)) {
      const m = summarise(rounds);
      lines.push(
        `| ×${s.scale} | ${kind} | ${fixed(m.rps)} | ${fixed(m.rps / apollo, 2)} | ${fixed(m.rps / bare, 2)} | ${m.p50} | ${m.p99} | ${m.errors + (s.incorrect[kind] ?? 0)} | ${fixed(m.cpu)} | ${fixed(m.peak)} | ${fixed(m.statements, 2)} |`,
      );
    }
  }
  return lines.join('\n');
}

function operationTable(result: BenchResult): string {
  const lines = [
    '| scale | operation | gateway | req/s | p50 ms | p99 ms | errors | CPU µs/req | SQL/req |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of result.scales) {
    for (const [op, byGateway] of Object.entries(s.operations)) {
      for (const [kind, m] of Object.entries(byGateway)) {
        lines.push(
          `| ×${s.scale} | ${op} | ${kind} | ${fixed(m.rps)} | ${m.p50} | ${m.p99} | ${m.errors} | ${fixed(m.cpuMicrosPerRequest)} | ${fixed(m.statementsPerRequest, 2)} |`,
        );
      }
    }
  }
  return lines.join('\n');
}

/** Grouped bars of the mix's throughput, one group per scale. */
function chart(result: BenchResult): string {
  const kinds = Object.keys(result.gateways);
  const colours = ['#1f6feb', '#58a6ff', '#2da44e', '#bf8700', '#cf222e'];
  const groups = result.scales.map((s) => ({
    scale: s.scale,
    bars: kinds.map((k) => (s.mix[k] ? summarise(s.mix[k]).rps : 0)),
  }));
  const max = Math.max(1, ...groups.flatMap((g) => g.bars));
  const bar = 28;
  const groupWidth = kinds.length * bar + 40;
  const width = 80 + groups.length * groupWidth + 260;
  const height = 300;
  const y = (v: number) => 250 - (v / max) * 220;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<text x="10" y="18" font-size="14">Requests per second on the mix (correct answers only)</text>`,
    `<line x1="60" y1="250" x2="${80 + groups.length * groupWidth}" y2="250" stroke="#999"/>`,
  ];
  groups.forEach((g, gi) => {
    const x0 = 80 + gi * groupWidth;
    g.bars.forEach((v, i) => {
      const x = x0 + i * bar;
      parts.push(
        `<rect x="${x}" y="${y(v).toFixed(1)}" width="${bar - 4}" height="${(250 - y(v)).toFixed(1)}" fill="${colours[i % colours.length]}"/>`,
        `<text x="${x + (bar - 4) / 2}" y="${(y(v) - 4).toFixed(1)}" text-anchor="middle" font-size="10">${fixed(v)}</text>`,
      );
    });
    parts.push(
      `<text x="${x0 + (kinds.length * bar) / 2}" y="268" text-anchor="middle">×${g.scale}</text>`,
    );
  });
  kinds.forEach((k, i) => {
    const ly = 40 + i * 18;
    const lx = 100 + groups.length * groupWidth;
    parts.push(
      `<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${colours[i % colours.length]}"/>`,
      `<text x="${lx + 18}" y="${ly}">${k}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

const DOC = 'docs/benchmarks.md';
const MARK_START = '<!-- results: written by npm run bench -- --write-docs -->';
const MARK_END = '<!-- /results -->';

/**
 * Prints the tables and, when asked, writes them with the chart into docs/benchmarks.md, between
 * markers, so the analysis written around them stays.
 */
export function writeReport(result: BenchResult, writeDocs: boolean): string {
  const tables = `## The mix\n\n${mixTable(result)}\n\n## Each operation\n\n${operationTable(result)}`;
  if (writeDocs) {
    writeFileSync('docs/benchmarks.svg', chart(result));
    const soak = result.scales.find((s) => s.soak)?.soak;
    const generated = [
      MARK_START,
      `Measured ${result.date} on ${result.machine}, in ${fixed(result.seconds ?? 0)} s, by:`,
      '',
      '```sh',
      result.command,
      '```',
      '',
      '![Requests per second on the mix](benchmarks.svg)',
      '',
      tables.replace(/^## /gm, '### '),
      soak
        ? `\n### Soak\n\n${soak.map((p) => `- ${p.second} s: ${fixed(p.rssMb)} MB`).join('\n')}`
        : '',
      MARK_END,
    ].join('\n');
    const current = existsSync(DOC)
      ? readFileSync(DOC, 'utf8')
      : `# Benchmarks\n\n${MARK_START}\n${MARK_END}\n`;
    const start = current.indexOf(MARK_START);
    const end = current.indexOf(MARK_END);
    writeFileSync(
      DOC,
      start >= 0 && end > start
        ? current.slice(0, start) + generated + current.slice(end + MARK_END.length)
        : `${current.trimEnd()}\n\n${generated}\n`,
    );
  }
  return tables;
}
