/**
 * Differences between an expected figure and the graph's, named by where they are: the figure,
 * then the keys down to the value (`coverageSummary(REGION) › AFRICA › addressed`). A list of
 * ids is compared as a whole: which are missing, which are extra, or whether only the order
 * differs.
 */

export interface Difference {
  figure: string;
  at: string[];
  expected: unknown;
  actual: unknown;
  /** For lists: the ids missing and extra, or that only their order differs. */
  detail?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function listDifference(expected: unknown[], actual: unknown[]) {
  const want = new Set(expected.map((v) => JSON.stringify(v)));
  const got = new Set(actual.map((v) => JSON.stringify(v)));
  const missing = expected.filter((v) => !got.has(JSON.stringify(v)));
  const extra = actual.filter((v) => !want.has(JSON.stringify(v)));
  if (missing.length || extra.length) return { missing, extra };
  return expected.length === actual.length ? { order: 'differs' } : { repeats: 'differ' };
}

function compare(expected: unknown, actual: unknown, at: string[], found: Difference[]) {
  const figure = at[0]!;
  if (isRecord(expected) && isRecord(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      compare(expected[key], actual[key], [...at, key], found);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      const detail = listDifference(expected, actual);
      found.push({ figure, at: at.slice(1), expected, actual, detail });
    }
  } else if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    found.push({ figure, at: at.slice(1), expected, actual });
  }
}

/** Every difference between two sets of figures, figure by figure. */
export function differences(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
): Difference[] {
  const found: Difference[] = [];
  for (const figure of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    compare(expected[figure], actual[figure], [figure], found);
  }
  return found;
}

/** One line for a person: `figure › key › field: expected 3, got 4`. */
export function describe(difference: Difference): string {
  const place = [difference.figure, ...difference.at].join(' › ');
  const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
  const { expected, actual, detail } = difference;
  if (detail && Array.isArray(expected) && Array.isArray(actual)) {
    return `${place}: expected ${expected.length}, got ${actual.length}: ${show(detail)}`;
  }
  return `${place}: expected ${show(expected)}, got ${show(actual)}`;
}
