import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import type { AssessmentsContext } from '../context';
import { Assessment } from '../entities/assessment.entity';
import { MemberStateRef } from '../entities/references.type';
import { RecommendationPageArgs } from './inputs/recommendation-filter.input';
import { RecommendationConnection } from './recommendation.resolver';

@Resolver(() => MemberStateRef)
export class MemberStateAssessmentsResolver {
  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [Assessment], {
    nullable: true,
    description: `CTED assessments of this state that the caller may see, newest first. ${nullWhenUnreachable('assessments')}`,
  })
  assessments(@Root() state: MemberStateRef, @Ctx() { loaders }: AssessmentsContext) {
    return loaders.assessmentsByState.load(state.iso3);
  }

  @FieldResolver(() => Assessment, {
    nullable: true,
    description: 'The most recent assessment of this state the caller may see; null if none.',
  })
  async latestAssessment(@Root() state: MemberStateRef, @Ctx() { loaders }: AssessmentsContext) {
    return (await loaders.assessmentsByState.load(state.iso3))[0] ?? null;
  }

  @FieldResolver(() => RecommendationConnection, {
    nullable: true,
    description: `Recommendations made to this state that the caller may read. ${nullWhenUnreachable('assessments')}`,
  })
  recommendations(
    @Root() state: MemberStateRef,
    @Ctx() context: AssessmentsContext,
    @Args(() => RecommendationPageArgs) { filter, first, after }: RecommendationPageArgs,
  ) {
    return context.loaders.recommendationsOfState(state.iso3, { filter, first, after });
  }
}

export const memberStateReference = {
  MemberState: {
    __resolveReference(reference: { iso3: string }) {
      return MemberStateRef.of(reference.iso3);
    },
  },
};
