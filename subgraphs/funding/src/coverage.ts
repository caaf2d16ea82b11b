import { GraphQLError } from 'graphql';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { nullWhenUnreachable } from '../../shared/src/outages';
import type { Priority } from '../../shared/src/vocabulary';
import { RecommendationRef } from './entities/references.type';
import type { FundingLoaders } from './loaders/funding.loaders';

/** How many of an assessment's recommendations projects address. */
@ObjectType({
  simpleResolvers: true,
  description:
    'How many recommendations projects address. A recommendation counts as addressed when a project that is not cancelled addresses it; recommendations the caller may not read are not counted.',
})
export class Coverage {
  @Field(() => Int, { description: 'Recommendations considered.' })
  recommendations!: number;

  @Field(() => Int, { description: 'Of those, how many at least one project addresses.' })
  addressed!: number;

  @Field(() => Int, { description: 'Of those, how many no project addresses.' })
  unaddressed!: number;

  @Directive('@listSize(assumedSize: 20)')
  @Field(() => [RecommendationRef], {
    nullable: true,
    description: `The recommendations no project addresses. ${nullWhenUnreachable('assessments')}`,
  })
  unaddressedRecommendations!: RecommendationRef[];
}

export interface NeedFilter {
  priority?: Priority | null;
  technicalAssistanceNeeded?: boolean | null;
}

/**
 * The recommendations (supplied by their owner through `@requires`) that match a filter and that
 * no project addresses.
 */
export async function coverageOf(
  recommendations: RecommendationRef[] | null | undefined,
  filter: NeedFilter,
  loaders: FundingLoaders,
): Promise<Coverage> {
  // Only a signed request comes without them: the gateway could not get them from their owner.
  if (!recommendations) {
    throw new GraphQLError(
      'The assessments subgraph did not supply the recommendations this is counted from; this part of the answer is missing. Try again shortly.',
      { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'assessments', retryable: true } },
    );
  }
  const considered = recommendations.filter(
    (r) =>
      (!filter.priority || r.priority === filter.priority) &&
      (filter.technicalAssistanceNeeded === null ||
        filter.technicalAssistanceNeeded === undefined ||
        r.technicalAssistanceNeeded === filter.technicalAssistanceNeeded),
  );
  const addressed = await loaders.addressed.loadMany(considered.map((r) => r.id));
  const unaddressed = considered.filter((_, i) => !addressed[i] || addressed[i] instanceof Error);
  return {
    recommendations: considered.length,
    addressed: considered.length - unaddressed.length,
    unaddressed: unaddressed.length,
    unaddressedRecommendations: unaddressed.map((r) => RecommendationRef.of(r.id)),
  };
}
