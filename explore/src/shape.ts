import type { GraphQLError } from './api';
import type { Sort } from './route';

/** Shaping the graph's answers for the screen: pure functions, tested on their own. */

export interface StateRef {
  iso3: string;
  name: string;
  region: string;
}

export interface CoverageGroup {
  key: string;
  label: string;
  recommendations: number;
  addressed: number;
  unaddressed: number;
}

export interface WorldRow extends StateRef {
  recommendations: number;
  addressed: number;
  unaddressed: number;
}

/** One row per Member State with at least one matching recommendation, from `coverageSummary`. */
export function worldRows(states: StateRef[], byState: CoverageGroup[]): WorldRow[] {
  const coverage = new Map(byState.map((group) => [group.key, group]));
  return states.flatMap((state) => {
    const group = coverage.get(state.iso3);
    if (!group) return [];
    const { recommendations, addressed, unaddressed } = group;
    return [{ ...state, recommendations, addressed, unaddressed }];
  });
}

export function totals(rows: WorldRow[]) {
  return rows.reduce(
    (sum, row) => ({
      recommendations: sum.recommendations + row.recommendations,
      addressed: sum.addressed + row.addressed,
      unaddressed: sum.unaddressed + row.unaddressed,
    }),
    { recommendations: 0, addressed: 0, unaddressed: 0 },
  );
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Sorted by one column; ties by name, so the order never depends on the answer's. */
export function sortRows(rows: WorldRow[], { column, descending }: Sort): WorldRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    const order = typeof x === 'number' ? x - (y as number) : collator.compare(x, y as string);
    return sign * order || collator.compare(a.name, b.name);
  });
}

/**
 * Upper bounds of the map's colour classes, from 1: at most `classes`, each at least one wide,
 * spread over the counts so that each class holds a share of the states.
 */
export function classBreaks(values: number[], classes = 5): number[] {
  const positive = values.filter((value) => value > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i <= classes; i += 1) {
    const at =
      positive[Math.min(positive.length - 1, Math.ceil((i / classes) * positive.length) - 1)]!;
    if (at > (breaks.at(-1) ?? 0)) breaks.push(at);
  }
  return breaks;
}

/** The class (0-based) of a positive count; -1 for zero. */
export function classOf(value: number, breaks: number[]): number {
  if (value <= 0) return -1;
  const index = breaks.findIndex((upper) => value <= upper);
  return index === -1 ? breaks.length - 1 : index;
}

/** "1–2", "3", "4–10": each class's range, for the legend. */
export function classLabels(breaks: number[]): string[] {
  return breaks.map((upper, i) => {
    const lower = (breaks[i - 1] ?? 0) + 1;
    return lower === upper ? `${upper}` : `${lower}–${upper}`;
  });
}

/**
 * RFC 4180 CSV: every cell quoted where it needs to be, and a cell a spreadsheet would run as a
 * formula (=, +, -, @ first) given a leading apostrophe.
 */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    if (typeof value === 'number') return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

const SUBGRAPH_PARTS: Record<string, string> = {
  membership: 'entities and Member States',
  assessments: 'assessments and recommendations',
  funding: 'projects and funding',
};

/** What is missing from a partial answer, one sentence per cause, for a note above the page. */
export function missingParts(errors: GraphQLError[]): string[] {
  const notes = new Set<string>();
  for (const error of errors) {
    const service = error.extensions?.serviceName;
    if (typeof service === 'string' && service in SUBGRAPH_PARTS) {
      notes.add(
        `The ${service} service did not answer, so ${SUBGRAPH_PARTS[service]} are missing from this page. Try again shortly.`,
      );
    } else {
      notes.add(error.message);
    }
  }
  return [...notes];
}

/** Whether a partial answer lacks the field at this path (or anything under it). */
export function isMissing(errors: GraphQLError[], ...path: (string | number)[]): boolean {
  return errors.some((error) => path.every((part, i) => error.path?.[i] === part));
}

/** An exact decimal amount in its currency, as people read it: "US$1,250,000.00". */
export function formatMoney(amount: string, currency = 'USD'): string {
  const format = new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
  }) as Intl.NumberFormat & { format(value: string): string };
  // Intl formats a decimal string exactly, with no trip through a binary float.
  return format.format(amount);
}

export function titleCase(value: string): string {
  return value
    .toLowerCase()
    .split('_')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

export interface TokenClaims {
  sub?: string;
  entity?: string;
  roles?: string[];
  exp?: number;
}

/**
 * What a token says about its caller, for the sign-in box only: the gateway verifies it, the page
 * never trusts it. Undefined if it is not a JWT.
 */
export function readClaims(token: string): TokenClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as unknown;
    return claims && typeof claims === 'object' ? (claims as TokenClaims) : undefined;
  } catch {
    return undefined;
  }
}
