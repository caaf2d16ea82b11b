import { In } from 'typeorm';
import type { RequestScope } from '../../../shared/src/subgraph';
import { groupedLoader, idLoader, keyedLoader } from '../../../shared/src/loaders';
import { CommitteeSeat } from '../entities/committee-seat.entity';
import { CompactEntity } from '../entities/compact-entity.entity';
import type { MembershipServices } from '../services';
import { WorkingGroupMembership } from '../entities/working-group-membership.entity';
import { WorkingGroup } from '../entities/working-group.entity';

/** Loaders made for one request, so each batch is one `WHERE … IN (…)` and nothing leaks between callers. */
export function createMembershipLoaders({ db, services }: RequestScope<MembershipServices>) {
  const entities = db.getRepository(CompactEntity);
  const groups = db.getRepository(WorkingGroup);
  const memberships = db.getRepository(WorkingGroupMembership);
  const seats = db.getRepository(CommitteeSeat);
  return {
    entityById: idLoader(
      (ids) => entities.findBy({ id: In(ids) }),
      (row) => row.id,
    ),
    entityByAcronym: keyedLoader(
      (acronyms: string[]) => entities.findBy({ acronym: In(acronyms) }),
      (row) => row.acronym,
    ),
    workingGroupById: idLoader(
      (ids) => groups.findBy({ id: In(ids) }),
      (row) => row.id,
    ),
    membershipsByEntity: groupedLoader(
      (ids: string[]) => memberships.find({ where: { entityId: In(ids) }, order: { role: 'ASC' } }),
      (row) => row.entityId,
    ),
    membershipsByGroup: groupedLoader(
      (ids: string[]) =>
        memberships.find({ where: { workingGroupId: In(ids) }, order: { role: 'ASC' } }),
      (row) => row.workingGroupId,
    ),
    /** A Member State by code, from the process's table of them: no statement. */
    memberStateByIso3: { load: (iso3: string) => services.states.get(iso3) },
    /** Every Member State, by ISO3 code. */
    memberStates: () => services.states.all(),
    seatsByEntity: groupedLoader(
      (ids: string[]) => seats.findBy({ entityId: In(ids) }),
      (row) => row.entityId,
    ),
  };
}

export type MembershipLoaders = ReturnType<typeof createMembershipLoaders>;
