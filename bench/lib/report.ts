import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { summarise } from './figures';
import {
  baselineTable,
  fixed,
  mixTable,
  operationTable,
  overviewTable,
  type BenchResult,
} from './tables';

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
  const baseline = baselineTable(result);
  const overview = overviewTable(result);
  const tables = [
    `## The mix\n\n${mixTable(result)}`,
    `## Each operation\n\n${operationTable(result)}`,
    baseline && `## Against the baseline\n\n${baseline}`,
    overview && `## The overview: all states ÷ Oceania\n\n${overview}`,
  ]
    .filter(Boolean)
    .join('\n\n');
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
