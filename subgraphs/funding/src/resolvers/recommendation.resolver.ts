import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import type { FundingContext } from '../context';
import { Project } from '../entities/project.entity';
import { RecommendationRef } from '../entities/references.type';

@Resolver(() => RecommendationRef)
export class RecommendationFundingResolver {
  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [Project], {
    nullable: true,
    description: `Projects that address this recommendation (any status), in order of code. ${nullWhenUnreachable('funding')}`,
  })
  async addressedBy(@Root() recommendation: RecommendationRef, @Ctx() { loaders }: FundingContext) {
    return (await loaders.projectsByRecommendation.load(recommendation.id)).map(
      (link) => link.project,
    );
  }
}

export const recommendationReference = {
  Recommendation: {
    // As for assessments: the owner decides, funding follows.
    async __resolveReference(reference: RecommendationRef, { loaders, signed }: FundingContext) {
      return signed || (await loaders.visibleRecommendation.load(reference.id))
        ? Object.assign(new RecommendationRef(), reference)
        : null;
    },
  },
};
