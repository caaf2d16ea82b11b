import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import type { FundingContext } from '../context';
import { Project } from '../entities/project.entity';
import { AssessmentRef } from '../entities/references.type';

@Resolver(() => AssessmentRef)
export class AssessmentFundingResolver {
  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [Project], {
    nullable: true,
    description: `Projects that use this assessment, in order of code. ${nullWhenUnreachable('funding')}`,
  })
  async projects(@Root() assessment: AssessmentRef, @Ctx() { loaders }: FundingContext) {
    return (await loaders.projectsByAssessment.load(assessment.id)).map((link) => link.project);
  }
}

export const assessmentReference = {
  Assessment: {
    // The owner decides who sees an assessment; what funding adds to one hidden from the caller
    // (the projects that use it) stays hidden too, even to a direct `_entities` call. The
    // gateway sends only what the owner showed this caller, so its signed requests are not asked.
    async __resolveReference(reference: AssessmentRef, { loaders, signed }: FundingContext) {
      return signed || (await loaders.visibleAssessment.load(reference.id))
        ? Object.assign(new AssessmentRef(), reference)
        : null;
    },
  },
};
