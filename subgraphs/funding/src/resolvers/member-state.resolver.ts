import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import { Priority } from '../../../shared/src/vocabulary';
import type { FundingContext } from '../context';
import { coverageOf } from '../coverage';
import { Donor } from '../entities/donor.entity';
import { MemberStateRef, RecommendationRef, STATE_REQUIRES } from '../entities/references.type';
import { ProjectPageArgs } from './inputs/project-filter.input';
import { ProjectConnection } from './project.resolver';

@Resolver(() => MemberStateRef)
export class MemberStateFundingResolver {
  @FieldResolver(() => ProjectConnection, {
    nullable: true,
    description: `Projects that benefit this state, in order of code. ${nullWhenUnreachable('funding')}`,
  })
  projects(
    @Root() state: MemberStateRef,
    @Ctx() context: FundingContext,
    @Args(() => ProjectPageArgs) { filter, first, after }: ProjectPageArgs,
  ) {
    return context.loaders.projectsBenefiting(state.iso3, { filter, first, after });
  }

  @FieldResolver(() => Donor, {
    nullable: true,
    description: 'The state as a donor, if it is one.',
  })
  donor(@Root() state: MemberStateRef, @Ctx() { loaders }: FundingContext) {
    return loaders.donorByState.load(state.iso3);
  }

  @Directive(`@requires(fields: "${STATE_REQUIRES}")`)
  @Directive('@listSize(assumedSize: 30)')
  @FieldResolver(() => [RecommendationRef], {
    nullable: true,
    description: `Recommendations made to this state that no project addresses (a cancelled project does not count), among those the caller may read. ${nullWhenUnreachable('funding or assessments')}`,
  })
  async unaddressedRecommendations(
    @Root() state: MemberStateRef,
    @Ctx() context: FundingContext,
    @Arg('priority', () => Priority, {
      nullable: true,
      description: 'Only recommendations of this priority.',
    })
    priority?: Priority | null,
    @Arg('technicalAssistanceNeeded', () => Boolean, {
      nullable: true,
      description:
        'Only recommendations that need (true) or do not need (false) technical assistance.',
    })
    technicalAssistanceNeeded?: boolean | null,
  ) {
    // Only the gateway's signed requests carry values the owner computed for this caller.
    const assessments = context.signed
      ? state.assessments
      : ((await context.loaders.requiredOfState.load(state.iso3))?.assessments ?? []);
    const recommendations = assessments?.flatMap((a) => a.recommendations ?? []);
    const coverage = await coverageOf(
      recommendations,
      { priority, technicalAssistanceNeeded },
      context.loaders,
    );
    return coverage.unaddressedRecommendations;
  }
}

export const memberStateReference = {
  MemberState: {
    __resolveReference(reference: MemberStateRef) {
      return Object.assign(new MemberStateRef(), reference);
    },
  },
};
