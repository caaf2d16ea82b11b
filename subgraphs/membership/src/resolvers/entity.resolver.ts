import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { isUuid } from '../../../shared/src/ids';
import { compareText, exactlyOne } from '../../../shared/src/lookup';
import { paginate } from '../../../shared/src/batched-pages';
import { connectionType, type KeysetOrder } from '../../../shared/src/pagination';
import { CommitteeRole } from '../../../shared/src/vocabulary';
import type { MembershipContext } from '../context';
import { CompactEntity } from '../entities/compact-entity.entity';
import { WorkingGroupMembership } from '../entities/working-group-membership.entity';
import { WorkingGroup } from '../entities/working-group.entity';
import { EntityPageArgs } from './inputs/entity-filter.input';

const EntityConnection = connectionType('Entity', CompactEntity, 'Compact entities');

const ENTITY_ORDER: KeysetOrder = {
  keys: [
    { property: 'acronym', kind: 'text' },
    { property: 'id', kind: 'uuid' },
  ],
  direction: 'ASC',
};

function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

@Resolver(() => CompactEntity)
export class EntityResolver {
  @Query(() => EntityConnection, { description: 'Compact entities in order of acronym.' })
  entities(
    @Ctx() { db }: MembershipContext,
    @Args(() => EntityPageArgs) { filter, first, after }: EntityPageArgs,
  ) {
    const query = db.getRepository(CompactEntity).createQueryBuilder('entity');
    if (filter?.kind?.length) query.andWhere('entity.kind IN (:...kinds)', { kinds: filter.kind });
    if (present(filter?.isObserver)) {
      query.andWhere('entity.isObserver = :isObserver', { isObserver: filter.isObserver });
    }
    return paginate(query, ENTITY_ORDER, { first, after });
  }

  @Query(() => CompactEntity, {
    nullable: true,
    description:
      'One Compact entity by id or by acronym (give exactly one); null if there is none.',
  })
  async entity(
    @Ctx() { loaders }: MembershipContext,
    @Arg('id', () => ID, { nullable: true, description: 'The entity id.' }) id?: string | null,
    @Arg('acronym', () => String, { nullable: true, description: 'The acronym, such as "UNODC".' })
    acronym?: string | null,
  ) {
    const key = exactlyOne({ id, acronym }, 'entity');
    if (key === 'id') return isUuid(id) ? loaders.entityById.load(id) : null;
    return loaders.entityByAcronym.load(acronym!.trim());
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [WorkingGroup], {
    description: 'Working groups the entity takes part in, by name.',
  })
  async workingGroups(@Root() entity: CompactEntity, @Ctx() { loaders }: MembershipContext) {
    const memberships = await loaders.membershipsByEntity.load(entity.id);
    const groups = await loaders.workingGroupById.loadMany(
      memberships.map((m) => m.workingGroupId),
    );
    return groups
      .filter((group): group is WorkingGroup => group instanceof WorkingGroup)
      .sort((a, b) => compareText(a.name, b.name));
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [WorkingGroupMembership], {
    description: 'Its places in working groups, with its role in each.',
  })
  workingGroupMemberships(@Root() entity: CompactEntity, @Ctx() { loaders }: MembershipContext) {
    return loaders.membershipsByEntity.load(entity.id);
  }

  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [CommitteeRole], {
    description: 'Its seats on the Coordination Committee; empty if it has none.',
  })
  async committeeRoles(@Root() entity: CompactEntity, @Ctx() { loaders }: MembershipContext) {
    const seats = await loaders.seatsByEntity.load(entity.id);
    return seats.map((seat) => seat.role);
  }
}

export const entityReference = {
  Entity: {
    __resolveReference(
      reference: { id?: string; acronym?: string },
      { loaders }: MembershipContext,
    ) {
      if (reference.id !== undefined) {
        return isUuid(reference.id) ? loaders.entityById.load(reference.id) : null;
      }
      return reference.acronym ? loaders.entityByAcronym.load(reference.acronym) : null;
    },
  },
};
