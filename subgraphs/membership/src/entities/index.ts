import { AuditLogRow } from '../../../shared/src/audit';
import { CommitteeSeat } from './committee-seat.entity';
import { CompactEntity } from './compact-entity.entity';
import { MemberState } from './member-state.entity';
import { WorkingGroupMembership } from './working-group-membership.entity';
import { WorkingGroup } from './working-group.entity';

/** Every table the membership subgraph owns. */
export const membershipEntities = [
  AuditLogRow,
  CompactEntity,
  WorkingGroup,
  WorkingGroupMembership,
  MemberState,
  CommitteeSeat,
];
