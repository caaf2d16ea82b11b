import type { DataSource } from 'typeorm';
import type { PeerClient } from './peers';
import type { Viewer } from './viewer';

/** What every resolver of a subgraph receives, made fresh for each request. */
export interface SubgraphContext<TLoaders> {
  viewer: Viewer;
  db: DataSource;
  loaders: TLoaders;
  /** Asks other subgraphs, as this caller, what exists for them. */
  peers: PeerClient;
  /**
   * The request carries the graph's signature (the gateway's, or a peer subgraph's, made with the
   * secret they share): what it says another subgraph computed for this caller (`@requires`
   * fields, the keys of entities the owner showed them) can be trusted.
   */
  signed: boolean;
  /**
   * How long an idempotency key is honoured, in ms, from its first request: create mutations
   * pass it to `createOnce` or `createRecord`.
   */
  idempotencyRetentionMs: number;
}
