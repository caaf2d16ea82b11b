import type { DataSource } from 'typeorm';
import type { Dataset } from '../../../shared/src/dataset/rows';
import { insertMissing, withProvenance } from '../../../shared/src/seeding';
import { CommitteeSeat } from '../entities/committee-seat.entity';
import { CompactEntity } from '../entities/compact-entity.entity';
import { MemberState } from '../entities/member-state.entity';
import { WorkingGroupMembership } from '../entities/working-group-membership.entity';
import { WorkingGroup } from '../entities/working-group.entity';

export async function seedMembership(db: DataSource, { membership }: Dataset): Promise<void> {
  await db.transaction(async (tx) => {
    await insertMissing(tx, MemberState, membership.memberStates);
    await insertMissing(tx, CompactEntity, membership.entities.map(withProvenance));
    await insertMissing(tx, WorkingGroup, membership.workingGroups.map(withProvenance));
    await insertMissing(
      tx,
      WorkingGroupMembership,
      membership.workingGroupMemberships.map(withProvenance),
    );
    await insertMissing(tx, CommitteeSeat, membership.committeeSeats.map(withProvenance));
  });
}
