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
}
