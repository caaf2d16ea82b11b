import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import type { FundingContext } from '../context';
import { EntityRef } from '../entities/references.type';
import { ProjectPageArgs } from './inputs/project-filter.input';
import { ProjectConnection } from './project.resolver';

@Resolver(() => EntityRef)
export class EntityFundingResolver {
  @FieldResolver(() => ProjectConnection, {
    nullable: true,
    description: `Projects the entity leads, in order of code. ${nullWhenUnreachable('funding')}`,
  })
  async projectsLed(
    @Root() entity: EntityRef,
    @Ctx() context: FundingContext,
    @Args(() => ProjectPageArgs) { filter, first, after }: ProjectPageArgs,
  ) {
    return context.loaders.projectsLed(entity.acronym, {
      filter: await context.loaders.narrow(filter),
      first,
      after,
    });
  }

  @FieldResolver(() => ProjectConnection, {
    nullable: true,
    description: `Projects the entity implements beside the lead, in order of code. ${nullWhenUnreachable('funding')}`,
  })
  async projectsAsPartner(
    @Root() entity: EntityRef,
    @Ctx() context: FundingContext,
    @Args(() => ProjectPageArgs) { filter, first, after }: ProjectPageArgs,
  ) {
    return context.loaders.projectsAsPartner(entity.acronym, {
      filter: await context.loaders.narrow(filter),
      first,
      after,
    });
  }
}

export const entityReference = {
  Entity: {
    __resolveReference(reference: { acronym: string }) {
      return EntityRef.of(reference.acronym);
    },
  },
};
