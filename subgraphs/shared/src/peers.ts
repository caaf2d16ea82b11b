import { GraphQLError } from 'graphql';
import { badUserInput } from './errors';
import { signBody } from './gateway-signature';
import { outgoingHeaders } from './observability/request-scope';

/** How long a subgraph waits for another before it gives up on a check. */
const PEER_TIMEOUT_MS = 5_000;

/** A key of another subgraph's entity, such as `{ __typename: 'MemberState', iso3: 'NGA' }`. */
export type Representation = { __typename: string } & Record<string, unknown>;

/**
 * Asks another subgraph, on behalf of the current caller (their Authorization header is
 * forwarded), which of its entities exist for them. A subgraph that holds keys of another's data
 * uses it so that it never shows, or stores, a key the owner would refuse.
 */
export class PeerClient {
  constructor(
    private readonly urls: Readonly<Record<string, string>>,
    private readonly authorization: string | undefined,
    /** Signs the calls, so the peer knows them from inside the graph. */
    private readonly signingSecret?: string,
  ) {}

  private sign<T extends { query: string; variables?: Record<string, unknown> }>(body: T) {
    return this.signingSecret ? signBody(body, this.authorization, this.signingSecret) : body;
  }

  private unavailable(subgraph: string): GraphQLError {
    return new GraphQLError(
      `The ${subgraph} subgraph could not be reached to check this request; nothing was changed. Try again shortly.`,
      {
        extensions: {
          code: 'SUBGRAPH_UNAVAILABLE',
          subgraph,
          retryable: true,
          http: { status: 503 },
        },
      },
    );
  }

  /**
   * Resolves representations with their owner, as this caller: for each, the selected fields
   * (`selection` is what follows `_entities`, such as `... on Assessment { id }`), or null where
   * the owner shows the caller no such entity.
   */
  async entities<T = Record<string, unknown>>(
    subgraph: string,
    representations: readonly Representation[],
    selection = '__typename',
  ): Promise<(T | null)[]> {
    if (representations.length === 0) return [];
    const url = this.urls[subgraph];
    if (!url) throw new Error(`No URL is configured for the ${subgraph} subgraph`);
    let body: { data?: { _entities?: unknown[] } | null; errors?: unknown[] };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // The request id and trace context follow the caller's request into the peer.
          ...outgoingHeaders(),
          ...(this.authorization ? { authorization: this.authorization } : {}),
        },
        body: JSON.stringify(
          this.sign({
            query: `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
            variables: { r: representations },
          }),
        ),
        signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
      });
      body = (await response.json()) as typeof body;
    } catch {
      throw this.unavailable(subgraph);
    }
    const entities = body.data?._entities;
    // A null beside an error (its database restarting) means the peer could not look, not that
    // the entity does not exist: refusing the write as bad input would tell the caller not to retry.
    if (
      !Array.isArray(entities) ||
      entities.length !== representations.length ||
      (body.errors?.length ?? 0) > 0
    ) {
      throw this.unavailable(subgraph);
    }
    return entities as (T | null)[];
  }

  /** For each representation, whether `subgraph` resolves it for this caller. */
  async exist(subgraph: string, representations: readonly Representation[]): Promise<boolean[]> {
    return (await this.entities(subgraph, representations)).map((entity) => entity !== null);
  }

  /** For each id, whether `subgraph` shows the caller the `typename` with that id. */
  visible(subgraph: string, typename: string, ids: readonly string[]): Promise<boolean[]> {
    return this.exist(
      subgraph,
      ids.map((id) => ({ __typename: typename, id })),
    );
  }

  /**
   * Refuses a write that refers to entities the owner does not know (or will not show this
   * caller), naming them; if the owner cannot be reached, refuses it as retryable.
   */
  async requireKnown(
    subgraph: string,
    typename: string,
    keyField: string,
    values: readonly string[],
    argument: string,
  ): Promise<void> {
    const unique = [...new Set(values)];
    const found = await this.exist(
      subgraph,
      unique.map((value) => ({ __typename: typename, [keyField]: value })),
    );
    const unknown = unique.filter((_, i) => !found[i]);
    if (unknown.length) {
      throw badUserInput(
        `Unknown ${typename} ${keyField}: ${unknown.join(', ')}. Nothing was changed.`,
        argument,
      );
    }
  }
}

/** Keys of another subgraph's records that an input names, to check with their owner. */
export interface Reference {
  subgraph: string;
  typename: string;
  keyField: string;
  values: readonly string[] | null | undefined;
  /** The input field that names them, such as "input.thematicAreas". */
  argument: string;
}

/**
 * Checks every reference with its owner, as the caller sees it, before a write's transaction
 * opens: the owner may read the same database, and the embedded one runs one transaction at a
 * time, so a transaction must never wait on another subgraph's answer. The first failure in
 * argument order is reported, so the answer does not depend on which owner answered first.
 */
export async function requireAllKnown(peers: PeerClient, references: Reference[]): Promise<void> {
  const checks = await Promise.allSettled(
    references
      .filter((r) => r.values?.length)
      .map((r) => peers.requireKnown(r.subgraph, r.typename, r.keyField, r.values!, r.argument)),
  );
  const failed = checks.find((check) => check.status === 'rejected');
  if (failed) throw failed.reason;
}
