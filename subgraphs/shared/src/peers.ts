import { GraphQLError } from 'graphql';

/** How long a subgraph waits for another before it gives up on a check. */
const PEER_TIMEOUT_MS = 5_000;

/**
 * Asks another subgraph, on behalf of the current caller (their Authorization header is
 * forwarded), which entities it will show them. Used where a subgraph holds keys of another's
 * data and must not reveal keys the owner would hide.
 */
export class PeerClient {
  constructor(
    private readonly urls: Readonly<Record<string, string>>,
    private readonly authorization: string | undefined,
  ) {}

  /** For each id, whether `subgraph` resolves `typename` with that id for this caller. */
  async visible(subgraph: string, typename: string, ids: readonly string[]): Promise<boolean[]> {
    const url = this.urls[subgraph];
    if (!url) throw new Error(`No URL is configured for the ${subgraph} subgraph`);
    const unavailable = () =>
      new GraphQLError(
        `The ${subgraph} subgraph could not be reached to check what you may see. Try again shortly.`,
        { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph, retryable: true } },
      );
    let body: { data?: { _entities?: unknown[] } | null };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.authorization ? { authorization: this.authorization } : {}),
        },
        body: JSON.stringify({
          query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }`,
          variables: { representations: ids.map((id) => ({ __typename: typename, id })) },
        }),
        signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
      });
      body = (await response.json()) as typeof body;
    } catch {
      throw unavailable();
    }
    const entities = body.data?._entities;
    if (!Array.isArray(entities) || entities.length !== ids.length) throw unavailable();
    return entities.map((entity) => entity !== null);
  }
}
