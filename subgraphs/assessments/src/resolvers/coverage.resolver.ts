import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Priority } from '../../../shared/src/vocabulary';
import type { AssessmentsContext } from '../context';
import { Coverage } from '../coverage/coverage.type';
import { Assessment } from '../entities/assessment.entity';

/** The filter arguments of every coverage field, described once. */
export const PRIORITY_ARG = {
  nullable: true,
  description: 'Only recommendations of this priority.',
} as const;
export const ASSISTANCE_ARG = {
  nullable: true,
  description: 'Only recommendations that need (true) or do not need (false) technical assistance.',
} as const;

@Resolver(() => Assessment)
export class AssessmentCoverageResolver {
  // Counted here, where the recommendations are, from what funding reports projects address;
  // funding computed it once, from every recommendation the gateway sent it.
  @Directive('@override(from: "funding")')
  @FieldResolver(() => Coverage, {
    description:
      'How many of its recommendations projects address, optionally of one priority. What funding records a project addresses counts here as soon as funding has delivered it (docs/design.md).',
  })
  async coverage(
    @Root() assessment: Assessment,
    @Ctx() { loaders }: AssessmentsContext,
    @Arg('priority', () => Priority, PRIORITY_ARG) priority?: Priority | null,
    @Arg('technicalAssistanceNeeded', () => Boolean, ASSISTANCE_ARG)
    technicalAssistanceNeeded?: boolean | null,
  ): Promise<Coverage> {
    const filter = { priority, technicalAssistanceNeeded };
    const { total, addressed } = await loaders.coverageCounts(assessment.id, filter);
    return Object.assign(new Coverage(), {
      recommendations: total,
      addressed,
      unaddressed: total - addressed,
      assessmentId: assessment.id,
      filter,
    });
  }
}

@Resolver(() => Coverage)
export class CoverageResolver {
  @FieldResolver()
  unaddressedRecommendations(@Root() coverage: Coverage, @Ctx() { loaders }: AssessmentsContext) {
    return loaders.unaddressedOfAssessment(coverage.assessmentId, coverage.filter);
  }
}
