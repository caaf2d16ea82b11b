import type { SubgraphDefinition } from '../../shared/src/subgraph';
import { assessmentsEntities } from './entities';
import { createAssessmentsLoaders, type AssessmentsLoaders } from './loaders/assessments.loaders';
import { assessmentsMigrations } from './migrations';
import { buildAssessmentsSchema } from './schema';
import { seedAssessments } from './seed/seed-assessments';

export const assessments: SubgraphDefinition<AssessmentsLoaders> = {
  name: 'assessments',
  defaultPort: 4002,
  defaultMetricsPort: 9092,
  entities: assessmentsEntities,
  migrations: assessmentsMigrations,
  buildSchema: buildAssessmentsSchema,
  createLoaders: createAssessmentsLoaders,
  seed: seedAssessments,
  peers: { membership: 'http://localhost:4001/graphql' },
};
