import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import { paginate } from '../../../shared/src/batched-pages';
import { connectionType, listFirst } from '../../../shared/src/pagination';
import { compareText } from '../../../shared/src/lookup';
import type { AssessmentsContext } from '../context';
import { Assessment } from '../entities/assessment.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { EntityRef, MemberStateRef } from '../entities/references.type';
import { Resolution } from '../entities/resolution.entity';
import { ThematicArea } from '../entities/thematic-area.entity';
import { ASSESSMENT_ORDER, assessmentQuery, scopeOf } from '../queries';
import { AssessmentPageArgs } from './inputs/assessment-filter.input';

export const AssessmentConnection = connectionType('Assessment', Assessment, 'assessments');

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Query(() => AssessmentConnection, {
    description: 'CTED assessments the caller may see, newest first.',
  })
  assessments(
    @Ctx() context: AssessmentsContext,
    @Args(() => AssessmentPageArgs) { filter, first, after }: AssessmentPageArgs,
  ) {
    return paginate(assessmentQuery(scopeOf(context), filter), ASSESSMENT_ORDER, { first, after });
  }

  @Query(() => Assessment, {
    nullable: true,
    description: 'One assessment; null if there is none or the caller may not see it.',
  })
  assessment(
    @Ctx() { loaders }: AssessmentsContext,
    @Arg('id', () => ID, { description: 'The assessment id.' }) id: string,
  ) {
    return loaders.assessmentById.load(id);
  }

  @FieldResolver(() => MemberStateRef, {
    nullable: true,
    description: `The Member State assessed. ${nullWhenUnreachable('membership')}`,
  })
  memberState(@Root() assessment: Assessment) {
    return MemberStateRef.of(assessment.memberStateIso3);
  }

  @FieldResolver(() => Int, { description: 'Year the assessment started.' })
  year(@Root() assessment: Assessment) {
    return Number(assessment.startedOn.slice(0, 4));
  }

  @FieldResolver(() => EntityRef, {
    nullable: true,
    description: `The entity that led it (CTED). ${nullWhenUnreachable('membership')}`,
  })
  leadEntity(@Root() assessment: Assessment) {
    return EntityRef.of(assessment.leadEntityAcronym);
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [EntityRef], {
    nullable: true,
    description: `Other Compact entities that took part. ${nullWhenUnreachable('membership')}`,
  })
  async participatingEntities(
    @Root() assessment: Assessment,
    @Ctx() { loaders }: AssessmentsContext,
  ) {
    const links = await loaders.linksByAssessment.load(assessment.id);
    return (links?.participants ?? []).map((acronym) => EntityRef.of(acronym));
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [Resolution], {
    description: 'Resolutions the assessment refers to, oldest first.',
  })
  async resolutions(@Root() assessment: Assessment, @Ctx() { loaders }: AssessmentsContext) {
    const links = await loaders.linksByAssessment.load(assessment.id);
    const resolutions = await Promise.all(
      (links?.resolutions ?? []).map((symbol) => loaders.resolutionBySymbol.load(symbol)),
    );
    return resolutions
      .filter((resolution): resolution is Resolution => resolution !== null)
      .sort((a, b) => a.year - b.year || compareText(a.symbol, b.symbol));
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [ThematicArea], { description: 'Thematic areas the assessment covers.' })
  async thematicAreas(@Root() assessment: Assessment, @Ctx() { loaders }: AssessmentsContext) {
    const links = await loaders.linksByAssessment.load(assessment.id);
    const areas = await Promise.all(
      (links?.areas ?? []).map((code) => loaders.thematicAreaByCode.load(code)),
    );
    return areas.filter((area): area is ThematicArea => area !== null);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when the caller may see that the assessment exists but not its recommendations (a report shared with consent, for a caller outside the Compact).',
  })
  contentsWithheld(@Root() assessment: Assessment, @Ctx() { loaders }: AssessmentsContext) {
    return !loaders.access.canRead(assessment.confidentiality);
  }

  @Directive('@listSize(assumedSize: 100, slicingArguments: ["first"])')
  @FieldResolver(() => [Recommendation], {
    description:
      'Its recommendations in order; empty when the contents are withheld from the caller.',
  })
  async recommendations(
    @Root() assessment: Assessment,
    @Ctx() { loaders }: AssessmentsContext,
    @Arg('first', () => Int, listFirst(100, 'In their order.')) first?: number | null,
  ) {
    if (!loaders.access.canRead(assessment.confidentiality)) return [];
    const page = await loaders.recommendationsOfAssessment(assessment.id, { first });
    return page.edges.map((edge) => edge.node);
  }
}

export const assessmentReference = {
  Assessment: {
    __resolveReference(reference: { id: string }, { loaders }: AssessmentsContext) {
      return loaders.assessmentById.load(reference.id);
    },
  },
};
