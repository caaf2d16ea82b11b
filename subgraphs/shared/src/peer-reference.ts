import { GraphQLError } from 'graphql';
import { signBody } from './gateway-signature';
import { ReferenceTable } from './reference-table';
import type { Region } from './vocabulary';

/** What the other subgraphs need to know of a Member State: its name and region. */
export interface StateInfo {
  iso3: string;
  name: string;
  region: Region;
}

/** A code and its name, as another subgraph lists them: a thematic area, an entity. */
export interface Named {
  key: string;
  name: string;
}

/**
 * Runs a read on another subgraph, signed with the graph's secret so the peer knows it from
 * inside the graph, and returns what `pick` takes from its data (undefined: it did not answer).
 */
async function peerRead<T>(
  url: string,
  body: { query: string; variables?: Record<string, unknown> },
  pick: (data: Record<string, unknown>) => T | undefined,
  { signingSecret, timeoutMs = 5_000 }: PeerReadOptions,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(signingSecret ? signBody(body, undefined, signingSecret) : body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const answer = (await response.json()) as { data?: Record<string, unknown> | null };
  const picked = answer.data ? pick(answer.data) : undefined;
  if (picked === undefined) throw new Error(`${url} did not answer ${body.query}`);
  return picked;
}

export interface PeerReadOptions {
  signingSecret?: string;
  timeoutMs?: number;
}

/** Every Member State's name and region, from the membership subgraph at `url`. */
export const membershipStates =
  (url: string, options: PeerReadOptions = {}) =>
  (): Promise<StateInfo[]> =>
    peerRead(
      url,
      { query: '{ memberStates { iso3 name region } }' },
      (data) => data.memberStates as StateInfo[] | undefined,
      options,
    );

const ENTITY_NAMES = `query ($after: String) {
  entities(first: 100, after: $after) { edges { node { acronym name } } pageInfo { hasNextPage endCursor } }
}`;

interface EntityPage {
  edges: { node: { acronym: string; name: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every Compact entity's acronym and name, from the membership subgraph at `url`, page by page. */
export const membershipEntityNames =
  (url: string, options: PeerReadOptions = {}) =>
  async (): Promise<Named[]> => {
    const named: Named[] = [];
    let after: string | null = null;
    for (;;) {
      const page: EntityPage = await peerRead(
        url,
        { query: ENTITY_NAMES, variables: { after } },
        (data) => data.entities as EntityPage | undefined,
        options,
      );
      named.push(...page.edges.map(({ node }) => ({ key: node.acronym, name: node.name })));
      if (!page.pageInfo.hasNextPage) return named;
      after = page.pageInfo.endCursor;
    }
  };

/** Every thematic area's code and name, from the assessments subgraph at `url`. */
export const assessmentsAreaNames =
  (url: string, options: PeerReadOptions = {}) =>
  async (): Promise<Named[]> =>
    (
      await peerRead(
        url,
        { query: '{ thematicAreas { code name } }' },
        (data) => data.thematicAreas as { code: string; name: string }[] | undefined,
        options,
      )
    ).map((area) => ({ key: area.code, name: area.name }));

/**
 * Reference rows another subgraph owns — Member States and their regions, entity or thematic area
 * names — for a filter or the labels of a summary: read when first asked for, kept for a few
 * minutes and read again in the background (ReferenceTable), so a request costs no call for
 * them. Until the owner has answered once, asking is `SUBGRAPH_UNAVAILABLE`.
 */
export class PeerReference<T> {
  private readonly table: ReferenceTable<T>;

  constructor(
    private readonly owner: string,
    private readonly what: string,
    list: () => Promise<T[]>,
    keyOf: (row: T) => string,
  ) {
    this.table = new ReferenceTable(list, keyOf);
  }

  /** Every row, in the owner's order. */
  async all(): Promise<readonly T[]> {
    try {
      return await this.table.all();
    } catch {
      throw new GraphQLError(
        `The ${this.owner} subgraph, which knows ${this.what}, cannot be reached; this part of the answer is missing. Try again shortly.`,
        { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.owner, retryable: true } },
      );
    }
  }
}

/** The Member States as membership lists them. */
export class StateDirectory extends PeerReference<StateInfo> {
  constructor(list: () => Promise<StateInfo[]>) {
    super('membership', 'each Member State’s name and region', list, (state) => state.iso3);
  }

  /** The ISO3 codes of the states in any of `regions`. */
  async inRegions(regions: readonly Region[]): Promise<string[]> {
    const wanted = new Set(regions);
    return (await this.all()).filter((state) => wanted.has(state.region)).map((s) => s.iso3);
  }
}

/** A filter that narrows by region: `regionStates` is what `withRegions` looked up. */
export interface RegionFilter {
  region?: Region[] | null;
  regionStates?: string[];
}

/**
 * The filter with the ISO3 codes of its regions' states, from membership (which owns the
 * regions), so that a query can narrow by region in SQL.
 */
export async function withRegions<F extends RegionFilter | null | undefined>(
  states: StateDirectory,
  filter: F,
): Promise<F> {
  if (!filter?.region?.length) return filter;
  return { ...filter, regionStates: await states.inRegions(filter.region) };
}

/** The states of a filter's regions; a region not looked up first is a programming error. */
export function regionStatesOf(filter: RegionFilter): string[] | null {
  if (!filter.region?.length) return null;
  if (!filter.regionStates) throw new Error('filter.region was not looked up (withRegions)');
  return filter.regionStates;
}
