import { ReferenceTable } from '../../shared/src/reference-table';
import { membershipStates, StateDirectory } from '../../shared/src/peer-reference';
import type { SubgraphDefinition } from '../../shared/src/subgraph';
import { Resolution } from './entities/resolution.entity';
import { ThematicArea } from './entities/thematic-area.entity';
import { assessmentsEntities } from './entities';
import { createAssessmentsLoaders, type AssessmentsLoaders } from './loaders/assessments.loaders';
import { assessmentsMigrations } from './migrations';
import { buildAssessmentsSchema } from './schema';
import { seedAssessments } from './seed/seed-assessments';
import type { AssessmentsServices } from './services';

export const assessments: SubgraphDefinition<AssessmentsLoaders, AssessmentsServices> = {
  name: 'assessments',
  defaultPort: 4002,
  defaultMetricsPort: 9092,
  entities: assessmentsEntities,
  migrations: assessmentsMigrations,
  buildSchema: buildAssessmentsSchema,
  createLoaders: createAssessmentsLoaders,
  seed: seedAssessments,
  createServices({ db, peers, signingSecret }) {
    const areas = new ReferenceTable(
      () => db.getRepository(ThematicArea).find({ order: { name: 'ASC' } }),
      (area) => area.code,
    );
    const resolutions = new ReferenceTable(
      () => db.getRepository(Resolution).find({ order: { year: 'ASC', symbol: 'ASC' } }),
      (resolution) => resolution.symbol,
    );
    // Read at start if membership answers, else when first asked for: it may start later.
    const states = new StateDirectory(membershipStates(peers.membership, { signingSecret }));
    void states.all().catch(() => undefined);
    return {
      areas,
      resolutions,
      states,
      ready: Promise.all([areas.all(), resolutions.all()]).then(() => undefined),
      stop: async () => undefined,
    };
  },
  peers: { membership: 'http://localhost:4001/graphql' },
};
