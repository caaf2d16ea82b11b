import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MembershipContext } from '../context';
import { CompactEntity } from '../entities/compact-entity.entity';
import { WorkingGroupMembership } from '../entities/working-group-membership.entity';
import { WorkingGroup } from '../entities/working-group.entity';

@Resolver(() => WorkingGroupMembership)
export class WorkingGroupMembershipResolver {
  @FieldResolver(() => WorkingGroup, { description: 'The working group.' })
  workingGroup(@Root() membership: WorkingGroupMembership, @Ctx() { loaders }: MembershipContext) {
    return loaders.workingGroupById.load(membership.workingGroupId);
  }

  @FieldResolver(() => CompactEntity, { description: 'The entity.' })
  entity(@Root() membership: WorkingGroupMembership, @Ctx() { loaders }: MembershipContext) {
    return loaders.entityById.load(membership.entityId);
  }
}
