import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import { paginate } from '../../../shared/src/batched-pages';
import { connectionType } from '../../../shared/src/pagination';
import type { AssessmentsContext } from '../context';
import { Assessment } from '../entities/assessment.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { MemberStateRef } from '../entities/references.type';
import { ThematicArea } from '../entities/thematic-area.entity';
import { withRegions } from '../../../shared/src/peer-reference';
import { RECOMMENDATION_ORDER, recommendationQuery, scopeOf } from '../queries';
import { RecommendationPageArgs } from './inputs/recommendation-filter.input';

export const RecommendationConnection = connectionType(
  'Recommendation',
  Recommendation,
  'recommendations',
);

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => RecommendationConnection, {
    description: 'Recommendations the caller may read, in the order they were made.',
  })
  async recommendations(
    @Ctx() context: AssessmentsContext,
    @Args(() => RecommendationPageArgs) { filter, first, after }: RecommendationPageArgs,
  ) {
    const narrowed = await withRegions(context.loaders.states, filter);
    return paginate(recommendationQuery(scopeOf(context), narrowed), RECOMMENDATION_ORDER, {
      first,
      after,
    });
  }

  @Query(() => Recommendation, {
    nullable: true,
    description: 'One recommendation; null if there is none or the caller may not read it.',
  })
  recommendation(
    @Ctx() { loaders }: AssessmentsContext,
    @Arg('id', () => ID, { description: 'The recommendation id.' }) id: string,
  ) {
    return loaders.recommendationById.load(id);
  }

  @FieldResolver(() => Assessment, { description: 'The assessment that made it.' })
  assessment(@Root() recommendation: Recommendation, @Ctx() { loaders }: AssessmentsContext) {
    return loaders.assessmentById.load(recommendation.assessmentId);
  }

  @FieldResolver(() => MemberStateRef, {
    nullable: true,
    description: `The Member State it is addressed to. ${nullWhenUnreachable('membership')}`,
  })
  memberState(@Root() recommendation: Recommendation) {
    return MemberStateRef.of(recommendation.memberStateIso3);
  }

  @FieldResolver(() => ThematicArea, { description: 'Its thematic area.' })
  thematicArea(@Root() recommendation: Recommendation, @Ctx() { loaders }: AssessmentsContext) {
    return loaders.thematicAreaByCode.load(recommendation.thematicAreaCode);
  }
}

export const recommendationReference = {
  Recommendation: {
    __resolveReference(reference: { id: string }, { loaders }: AssessmentsContext) {
      return loaders.recommendationById.load(reference.id);
    },
  },
};
