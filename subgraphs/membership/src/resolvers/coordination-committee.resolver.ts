import { Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { CommitteeRole } from '../../../shared/src/vocabulary';
import { compareText } from '../../../shared/src/lookup';
import type { MembershipContext } from '../context';
import { CommitteeSeat } from '../entities/committee-seat.entity';
import { CompactEntity } from '../entities/compact-entity.entity';
import { CoordinationCommittee } from '../entities/coordination-committee.type';

async function entitiesWithRole(
  committee: CoordinationCommittee,
  role: CommitteeRole | null,
  { loaders }: MembershipContext,
): Promise<CompactEntity[]> {
  const ids = committee.seats.filter((seat) => !role || seat.role === role).map((s) => s.entityId);
  const entities = await loaders.entityById.loadMany([...new Set(ids)]);
  return entities
    .filter((entity): entity is CompactEntity => entity instanceof CompactEntity)
    .sort((a, b) => compareText(a.acronym, b.acronym));
}

@Resolver(() => CoordinationCommittee)
export class CoordinationCommitteeResolver {
  @Query(() => CoordinationCommittee, { description: "The Compact's Coordination Committee." })
  async coordinationCommittee(@Ctx() { db }: MembershipContext): Promise<CoordinationCommittee> {
    return { seats: await db.getRepository(CommitteeSeat).find() };
  }

  @FieldResolver(() => CompactEntity, {
    nullable: true,
    description: 'The entity whose head chairs the Committee.',
  })
  async chair(@Root() committee: CoordinationCommittee, @Ctx() context: MembershipContext) {
    return (await entitiesWithRole(committee, CommitteeRole.CHAIR, context))[0] ?? null;
  }

  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [CompactEntity], {
    description: 'The entities that vice-chair the Committee.',
  })
  viceChairs(@Root() committee: CoordinationCommittee, @Ctx() context: MembershipContext) {
    return entitiesWithRole(committee, CommitteeRole.VICE_CHAIR, context);
  }

  @FieldResolver(() => CompactEntity, {
    nullable: true,
    description: 'The entity that serves as secretariat.',
  })
  async secretariat(@Root() committee: CoordinationCommittee, @Ctx() context: MembershipContext) {
    return (await entitiesWithRole(committee, CommitteeRole.SECRETARIAT, context))[0] ?? null;
  }

  @Directive('@listSize(assumedSize: 60)')
  @FieldResolver(() => [CompactEntity], {
    description: 'Every entity with a seat, in order of acronym.',
  })
  members(@Root() committee: CoordinationCommittee, @Ctx() context: MembershipContext) {
    return entitiesWithRole(committee, null, context);
  }
}
