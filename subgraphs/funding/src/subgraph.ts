import type { SubgraphDefinition } from '../../shared/src/subgraph';
import { AddressedRelay, sendToAssessments } from './addressed/relay';
import { fundingEntities } from './entities';
import { createFundingLoaders, type FundingLoaders } from './loaders/funding.loaders';
import { fundingMigrations } from './migrations';
import { buildFundingSchema } from './schema';
import { seedFunding } from './seed/seed-funding';

/** What funding runs beside its requests: the delivery of its outbox to assessments. */
export interface FundingServices {
  addressed: AddressedRelay;
}

export const funding: SubgraphDefinition<FundingLoaders, FundingServices> = {
  name: 'funding',
  defaultPort: 4003,
  defaultMetricsPort: 9093,
  entities: fundingEntities,
  migrations: fundingMigrations,
  buildSchema: buildFundingSchema,
  createLoaders: createFundingLoaders,
  seed: seedFunding,
  createServices({ db, logger, peers, signingSecret }) {
    const addressed = new AddressedRelay(db, {
      send: sendToAssessments(peers.assessments, signingSecret),
      logger,
    });
    return { addressed, ready: addressed.start(), stop: () => addressed.stop() };
  },
  peers: {
    membership: 'http://localhost:4001/graphql',
    assessments: 'http://localhost:4002/graphql',
  },
};
