const DEFAULT_FIRST = 20;
const MAX_FIRST = 100;

export interface ExpectedPage<T> {
  totalCount: number;
  edges: { node: T }[];
}

/** The first page of a connection over the whole ordered list, as `{ totalCount edges { node } }`. */
export function firstPage<T>(nodes: readonly T[], first: number = DEFAULT_FIRST): ExpectedPage<T> {
  checkFirst(first);
  return { totalCount: nodes.length, edges: nodes.slice(0, first).map((node) => ({ node })) };
}

/**
 * `pageInfo { hasNextPage endCursor }` of the first page. Cursors are opaque: only whether there
 * is one is part of the contract; that it leads to the right next page is tested by following it.
 */
export function firstPageInfo(nodes: readonly unknown[], first: number = DEFAULT_FIRST) {
  checkFirst(first);
  const shown = Math.min(first, nodes.length);
  return { hasNextPage: nodes.length > first, endCursor: shown > 0 ? anyString() : null };
}

/** Stands for any string in an expected answer: jest's matcher in tests, a marker elsewhere. */
export const ANY_STRING = Object.freeze({ anyString: true });

function anyString(): unknown {
  const jestExpect = (globalThis as { expect?: { any(type: unknown): unknown } }).expect;
  return jestExpect ? jestExpect.any(String) : ANY_STRING;
}

function checkFirst(first: number) {
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST) {
    throw new Error(`first must be 0..${MAX_FIRST} in an expected page; got ${first}`);
  }
}
