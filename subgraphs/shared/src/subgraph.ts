import type { Registry } from 'prom-client';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { Dataset } from './dataset/rows';
import type { FederatedSchema } from './federation';
import type { Logger } from './logger';
import type { PeerClient } from './peers';
import type { SubgraphConfig, SubgraphDefaults } from './subgraph-config';
import type { Viewer } from './viewer';

/** What one request's loaders work with. */
export interface RequestScope<TServices = unknown> {
  db: DataSource;
  viewer: Viewer;
  peers: PeerClient;
  /** What the subgraph runs beside its requests (`createServices`), if anything. */
  services: TServices;
}

/** What a subgraph's background work needs: its database, its peers, the graph's signature. */
interface ServiceDeps {
  db: DataSource;
  logger: Logger;
  /** URLs of the subgraphs it calls, by name. */
  peers: Readonly<Record<string, string>>;
  /** Signs its calls to peers, so they know them from inside the graph. */
  signingSecret: string | undefined;
  /** The subgraph's metrics registry, served on its metrics listener. */
  metrics: Registry;
  /** The subgraph's configuration, read once at start. */
  config: SubgraphConfig;
}

/** Work a subgraph does beside its requests, started with its server and stopped with it. */
export interface SubgraphServices {
  /** Settles once the work has started (a first delivery made, or tried); the server waits. */
  ready?: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Everything the tooling needs to know about one subgraph: scripts migrate, seed, print and
 * serve any subgraph through this, without knowing its tables.
 */
export interface SubgraphDefinition<
  TLoaders = unknown,
  TServices = unknown,
> extends SubgraphDefaults {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  buildSchema(): Promise<FederatedSchema>;
  /** Per-request loaders; they apply the caller's access rules. */
  createLoaders(scope: RequestScope<TServices>): TLoaders;
  /** Starts the subgraph's background work (delivering its outbox…); none by default. */
  createServices?(deps: ServiceDeps): TServices & SubgraphServices;
  /**
   * Other subgraphs this one asks about what a caller may see, with their default URLs
   * (overridden by `SUBGRAPH_<NAME>_URL`).
   */
  peers?: Record<string, string>;
  /**
   * Lists the Compact entities' acronyms, for the subgraph that owns them; the others ask it
   * (`peers.membership`) when they check a token's `entity` claim.
   */
  listEntities?(db: DataSource): () => Promise<string[]>;
  /** Inserts this subgraph's part of the data set, leaving existing rows alone. */
  seed(db: DataSource, dataset: Dataset): Promise<void>;
}
