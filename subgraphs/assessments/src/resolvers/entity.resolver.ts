import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import { PageArgs, paginate } from '../../../shared/src/pagination';
import type { AssessmentsContext } from '../context';
import { AssessmentParticipant } from '../entities/assessment-link.entity';
import { EntityRef } from '../entities/references.type';
import { ASSESSMENT_ORDER, assessmentQuery } from '../queries';
import { AssessmentConnection } from './assessment.resolver';

@Resolver(() => EntityRef)
export class EntityAssessmentsResolver {
  @FieldResolver(() => AssessmentConnection, {
    nullable: true,
    description: `Assessments the entity led or took part in that the caller may see, newest first. ${nullWhenUnreachable('assessments')}`,
  })
  assessmentsParticipated(
    @Root() entity: EntityRef,
    @Ctx() context: AssessmentsContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ) {
    const query = assessmentQuery(context);
    const participated = query
      .subQuery()
      .select('p.assessmentId')
      .from(AssessmentParticipant, 'p')
      .where('p.entityAcronym = :acronym')
      .getQuery();
    query.andWhere(`(a.leadEntityAcronym = :acronym OR a.id IN ${participated})`, {
      acronym: entity.acronym,
    });
    return paginate(query, ASSESSMENT_ORDER, { first, after });
  }
}

export const entityReference = {
  Entity: {
    __resolveReference(reference: { acronym: string }) {
      return EntityRef.of(reference.acronym);
    },
  },
};
