import { Arg, Args, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import { listFirst, MAX_PAGE_SIZE } from '../../../shared/src/pagination';
import { Priority } from '../../../shared/src/vocabulary';
import type { AssessmentsContext } from '../context';
import { Assessment } from '../entities/assessment.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { MemberStateRef } from '../entities/references.type';
import { withRegions } from '../../../shared/src/peer-reference';
import { ASSISTANCE_ARG, PRIORITY_ARG } from './coverage.resolver';
import { RecommendationPageArgs } from './inputs/recommendation-filter.input';
import { RecommendationConnection } from './recommendation.resolver';

@Resolver(() => MemberStateRef)
export class MemberStateAssessmentsResolver {
  @Directive('@listSize(assumedSize: 20, slicingArguments: ["first"])')
  @FieldResolver(() => [Assessment], {
    nullable: true,
    description: `CTED assessments of this state that the caller may see, newest first. ${nullWhenUnreachable('assessments')}`,
  })
  async assessments(
    @Root() state: MemberStateRef,
    @Ctx() { loaders }: AssessmentsContext,
    @Arg('first', () => Int, listFirst(20, 'The newest come first.')) first?: number | null,
  ) {
    const page = await loaders.assessmentsOfState(state.iso3, { first });
    return page.edges.map((edge) => edge.node);
  }

  @FieldResolver(() => Assessment, {
    nullable: true,
    description: 'The most recent assessment of this state the caller may see; null if none.',
  })
  async latestAssessment(@Root() state: MemberStateRef, @Ctx() { loaders }: AssessmentsContext) {
    const page = await loaders.assessmentsOfState(state.iso3, { first: 1 });
    return page.edges[0]?.node ?? null;
  }

  @FieldResolver(() => RecommendationConnection, {
    nullable: true,
    description: `Recommendations made to this state that the caller may read. ${nullWhenUnreachable('assessments')}`,
  })
  async recommendations(
    @Root() state: MemberStateRef,
    @Ctx() { loaders }: AssessmentsContext,
    @Args(() => RecommendationPageArgs) { filter, first, after }: RecommendationPageArgs,
  ) {
    return loaders.recommendationsOfState(state.iso3, {
      filter: await withRegions(loaders.states, filter),
      first,
      after,
    });
  }
  @Directive('@override(from: "funding")')
  @Directive('@listSize(assumedSize: 100, slicingArguments: ["first"])')
  @FieldResolver(() => [Recommendation], {
    nullable: true,
    description: `Recommendations made to this state that no project addresses (a cancelled project does not count), among those the caller may read: newest assessment first, then in the order of each. ${nullWhenUnreachable('assessments')}`,
  })
  async unaddressedRecommendations(
    @Root() state: MemberStateRef,
    @Ctx() { loaders }: AssessmentsContext,
    @Arg('priority', () => Priority, PRIORITY_ARG) priority?: Priority | null,
    @Arg('technicalAssistanceNeeded', () => Boolean, ASSISTANCE_ARG)
    technicalAssistanceNeeded?: boolean | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: MAX_PAGE_SIZE,
      description: `How many, at most ${MAX_PAGE_SIZE}: the whole picture across states is \`Query.unaddressedRecommendations\`, a connection.`,
    })
    first?: number | null,
  ) {
    const page = await loaders.unaddressedOfState(state.iso3, {
      first,
      filter: { priority, technicalAssistanceNeeded },
    });
    return page.edges.map((edge) => edge.node);
  }
}

export const memberStateReference = {
  MemberState: {
    __resolveReference(reference: { iso3: string }) {
      return MemberStateRef.of(reference.iso3);
    },
  },
};
