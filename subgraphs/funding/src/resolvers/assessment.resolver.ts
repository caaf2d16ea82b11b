import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Priority } from '../../../shared/src/vocabulary';
import type { FundingContext } from '../context';
import { Coverage, coverageOf } from '../coverage';
import { Project } from '../entities/project.entity';
import { AssessmentRef } from '../entities/references.type';

@Resolver(() => AssessmentRef)
export class AssessmentFundingResolver {
  @FieldResolver(() => [Project], {
    description: 'Projects that use this assessment, in order of code.',
  })
  async projects(@Root() assessment: AssessmentRef, @Ctx() { loaders }: FundingContext) {
    const links = await loaders.projectsByAssessment.load(assessment.id);
    return loaders.projectById.loadMany(links.map((link) => link.projectId)) as Promise<Project[]>;
  }

  @Directive('@requires(fields: "recommendations { id priority technicalAssistanceNeeded }")')
  @FieldResolver(() => Coverage, {
    description: 'How many of its recommendations projects address, optionally of one priority.',
  })
  coverage(
    @Root() assessment: AssessmentRef,
    @Ctx() { loaders }: FundingContext,
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
    return coverageOf(assessment.recommendations, { priority, technicalAssistanceNeeded }, loaders);
  }
}

export const assessmentReference = {
  Assessment: {
    // The owner decides who sees an assessment; what funding adds to one hidden from the caller
    // (the projects that use it) stays hidden too, even to a direct `_entities` call.
    async __resolveReference(reference: AssessmentRef, { loaders }: FundingContext) {
      return (await loaders.visibleAssessment.load(reference.id))
        ? Object.assign(new AssessmentRef(), reference)
        : null;
    },
  },
};
