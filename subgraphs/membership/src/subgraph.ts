import { ReferenceTable } from '../../shared/src/reference-table';
import type { SubgraphDefinition } from '../../shared/src/subgraph';
import { MemberState } from './entities/member-state.entity';
import { membershipEntities } from './entities';
import { createMembershipLoaders, type MembershipLoaders } from './loaders/membership.loaders';
import { membershipMigrations } from './migrations';
import { buildMembershipSchema } from './schema';
import { seedMembership } from './seed/seed-membership';
import type { MembershipServices } from './services';

export const membership: SubgraphDefinition<MembershipLoaders, MembershipServices> = {
  name: 'membership',
  defaultPort: 4001,
  defaultMetricsPort: 9091,
  entities: membershipEntities,
  migrations: membershipMigrations,
  buildSchema: buildMembershipSchema,
  createLoaders: createMembershipLoaders,
  seed: seedMembership,
  createServices({ db }) {
    const states = new ReferenceTable(
      () => db.getRepository(MemberState).find({ order: { iso3: 'ASC' } }),
      (state) => state.iso3,
    );
    return { states, ready: states.all().then(() => undefined), stop: async () => undefined };
  },
  listEntities: (db) => async () => {
    const rows: { acronym: string }[] = await db.query(
      `SELECT acronym FROM "${db.driver.schema}".entity`,
    );
    return rows.map((row) => row.acronym);
  },
};
