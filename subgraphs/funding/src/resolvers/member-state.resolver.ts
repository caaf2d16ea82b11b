import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import type { FundingContext } from '../context';
import { Donor } from '../entities/donor.entity';
import { MemberStateRef } from '../entities/references.type';
import { ProjectPageArgs } from './inputs/project-filter.input';
import { ProjectConnection } from './project.resolver';

@Resolver(() => MemberStateRef)
export class MemberStateFundingResolver {
  @FieldResolver(() => ProjectConnection, {
    nullable: true,
    description: `Projects that benefit this state, in order of code. ${nullWhenUnreachable('funding')}`,
  })
  async projects(
    @Root() state: MemberStateRef,
    @Ctx() context: FundingContext,
    @Args(() => ProjectPageArgs) { filter, first, after }: ProjectPageArgs,
  ) {
    return context.loaders.projectsBenefiting(state.iso3, {
      filter: await context.loaders.narrow(filter),
      first,
      after,
    });
  }

  @FieldResolver(() => Donor, {
    nullable: true,
    description: 'The state as a donor, if it is one.',
  })
  donor(@Root() state: MemberStateRef, @Ctx() { loaders }: FundingContext) {
    return loaders.donorByState.load(state.iso3);
  }
}

export const memberStateReference = {
  MemberState: {
    __resolveReference(reference: MemberStateRef) {
      return Object.assign(new MemberStateRef(), reference);
    },
  },
};
