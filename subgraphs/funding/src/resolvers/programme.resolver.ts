import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import { PageArgs } from '../../../shared/src/pagination';
import type { FundingContext } from '../context';
import { Programme } from '../entities/programme.entity';
import { EntityRef } from '../entities/references.type';
import { Money, money, toCents } from '../money';
import { ProjectConnection } from './project.resolver';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Directive('@listSize(assumedSize: 30)')
  @Query(() => [Programme], { description: 'Capacity-building programmes, by name.' })
  programmes(@Ctx() { db }: FundingContext) {
    return db.getRepository(Programme).find({ order: { name: 'ASC' } });
  }

  @Query(() => Programme, { nullable: true, description: 'One programme; null if there is none.' })
  programme(
    @Ctx() { loaders }: FundingContext,
    @Arg('id', () => ID, { description: 'The programme id.' }) id: string,
  ) {
    return loaders.programmeById.load(id);
  }

  @FieldResolver(() => EntityRef, {
    nullable: true,
    description: `The Compact entity that leads it. ${nullWhenUnreachable('membership')}`,
  })
  leadEntity(@Root() programme: Programme) {
    return EntityRef.of(programme.leadEntityAcronym);
  }

  @FieldResolver(() => ProjectConnection, { description: 'Its projects, in order of code.' })
  projects(
    @Root() programme: Programme,
    @Ctx() context: FundingContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ) {
    return context.loaders.projectsOfProgramme(programme.id, { first, after });
  }

  @FieldResolver(() => Money, {
    description: 'Everything donors pledged or paid to it, directly or through its projects.',
  })
  async funded(@Root() programme: Programme, @Ctx() { loaders }: FundingContext) {
    return money(toCents((await loaders.totalsByProgramme.load(programme.id))?.pledged));
  }
}

export const programmeReference = {
  Programme: {
    __resolveReference(reference: { id: string }, { loaders }: FundingContext) {
      return loaders.programmeById.load(reference.id);
    },
  },
};
