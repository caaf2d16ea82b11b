import type { SubgraphDefinition } from '../../shared/src/subgraph';
import { membershipEntities } from './entities';
import { createMembershipLoaders, type MembershipLoaders } from './loaders/membership.loaders';
import { membershipMigrations } from './migrations';
import { buildMembershipSchema } from './schema';
import { seedMembership } from './seed/seed-membership';

export const membership: SubgraphDefinition<MembershipLoaders> = {
  name: 'membership',
  defaultPort: 4001,
  defaultMetricsPort: 9091,
  entities: membershipEntities,
  migrations: membershipMigrations,
  buildSchema: buildMembershipSchema,
  createLoaders: createMembershipLoaders,
  seed: seedMembership,
  listEntities: (db) => async () => {
    const rows: { acronym: string }[] = await db.query(
      `SELECT acronym FROM "${db.driver.schema}".entity`,
    );
    return rows.map((row) => row.acronym);
  },
};
