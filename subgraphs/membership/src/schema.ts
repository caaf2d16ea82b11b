import { auditLogResolver } from '../../shared/src/audit';
import { buildFederatedSchema } from '../../shared/src/federation';
import { CoordinationCommitteeResolver } from './resolvers/coordination-committee.resolver';
import { EntityResolver, entityReference } from './resolvers/entity.resolver';
import { MembershipMutations } from './resolvers/membership.mutations';
import { MemberStateResolver, memberStateReference } from './resolvers/member-state.resolver';
import { WorkingGroupMembershipResolver } from './resolvers/working-group-membership.resolver';
import { WorkingGroupResolver, workingGroupReference } from './resolvers/working-group.resolver';

export function buildMembershipSchema() {
  return buildFederatedSchema({
    resolvers: [
      auditLogResolver('membership'),
      EntityResolver,
      MembershipMutations,
      WorkingGroupResolver,
      WorkingGroupMembershipResolver,
      MemberStateResolver,
      CoordinationCommitteeResolver,
    ],
    referenceResolvers: { ...entityReference, ...workingGroupReference, ...memberStateReference },
  });
}
