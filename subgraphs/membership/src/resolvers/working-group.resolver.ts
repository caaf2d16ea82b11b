import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { isUuid } from '../../../shared/src/ids';
import { WorkingGroupRole } from '../../../shared/src/vocabulary';
import type { MembershipContext } from '../context';
import { CompactEntity } from '../entities/compact-entity.entity';
import { WorkingGroupMembership } from '../entities/working-group-membership.entity';
import { WorkingGroup } from '../entities/working-group.entity';

const ROLE_ORDER = [WorkingGroupRole.CHAIR, WorkingGroupRole.VICE_CHAIR, WorkingGroupRole.MEMBER];

@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [WorkingGroup], { description: "The Compact's working groups, by name." })
  workingGroups(@Ctx() { db }: MembershipContext) {
    return db.getRepository(WorkingGroup).find({ order: { name: 'ASC' } });
  }

  @Query(() => WorkingGroup, {
    nullable: true,
    description: 'One working group; null if there is none.',
  })
  workingGroup(
    @Ctx() { loaders }: MembershipContext,
    @Arg('id', () => ID, { description: 'The working group id.' }) id: string,
  ) {
    return isUuid(id) ? loaders.workingGroupById.load(id) : null;
  }

  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [CompactEntity], {
    description: 'The entities that chair or co-chair the group.',
  })
  async chairs(@Root() group: WorkingGroup, @Ctx() { loaders }: MembershipContext) {
    const memberships = await loaders.membershipsByGroup.load(group.id);
    const chairs = memberships.filter((m) => m.role === WorkingGroupRole.CHAIR);
    const entities = await loaders.entityById.loadMany(chairs.map((m) => m.entityId));
    return entities.filter((entity) => entity instanceof CompactEntity);
  }

  @Directive('@listSize(assumedSize: 60)')
  @FieldResolver(() => [WorkingGroupMembership], {
    description:
      'Everyone in the group with their role: chairs first, then vice-chairs, then members.',
  })
  async members(@Root() group: WorkingGroup, @Ctx() { loaders }: MembershipContext) {
    const memberships = await loaders.membershipsByGroup.load(group.id);
    return [...memberships].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  }
}

export const workingGroupReference = {
  WorkingGroup: {
    __resolveReference(reference: { id: string }, { loaders }: MembershipContext) {
      return isUuid(reference.id) ? loaders.workingGroupById.load(reference.id) : null;
    },
  },
};
