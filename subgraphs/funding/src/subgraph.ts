import type { SubgraphDefinition } from '../../shared/src/subgraph';
import { fundingEntities } from './entities';
import { createFundingLoaders, type FundingLoaders } from './loaders/funding.loaders';
import { fundingMigrations } from './migrations';
import { buildFundingSchema } from './schema';
import { seedFunding } from './seed/seed-funding';

export const funding: SubgraphDefinition<FundingLoaders> = {
  name: 'funding',
  defaultPort: 4003,
  defaultMetricsPort: 9093,
  entities: fundingEntities,
  migrations: fundingMigrations,
  buildSchema: buildFundingSchema,
  createLoaders: createFundingLoaders,
  seed: seedFunding,
  peers: {
    membership: 'http://localhost:4001/graphql',
    assessments: 'http://localhost:4002/graphql',
  },
};
