import { batchedPages } from '../../../shared/src/batched-pages';
import { AssessmentParticipant } from '../entities/assessment-link.entity';
import {
  ASSESSMENT_ORDER,
  assessmentQuery,
  RECOMMENDATION_ORDER,
  recommendationQuery,
  type QueryScope,
} from '../queries';
import type { RecommendationFilter } from '../resolvers/inputs/recommendation-filter.input';

/**
 * The connections assessments serves under other records (every state's recommendations, every
 * entity's assessments…): each a page per parent, read for all parents at once, as the caller
 * may see them.
 */
export function createAssessmentsPages(scope: QueryScope) {
  const recommendations = (column: 'memberStateIso3' | 'thematicAreaCode') =>
    batchedPages(scope.db, {
      query: (filter: RecommendationFilter | undefined) => recommendationQuery(scope, filter),
      parent: `r.${column}`,
      order: RECOMMENDATION_ORDER,
    });
  return {
    /** Each state's assessments the caller may see, newest first. */
    assessmentsOfState: batchedPages(scope.db, {
      query: () => assessmentQuery(scope),
      parent: 'a.memberStateIso3',
      order: ASSESSMENT_ORDER,
    }),
    /** Each assessment's recommendations the caller may read, by number. */
    recommendationsOfAssessment: batchedPages(scope.db, {
      query: () => recommendationQuery(scope),
      parent: 'r.assessmentId',
      parentType: 'uuid',
      order: { keys: [{ property: 'number', kind: 'integer' }], direction: 'ASC' },
    }),
    recommendationsOfState: recommendations('memberStateIso3'),
    recommendationsInArea: recommendations('thematicAreaCode'),
    /** Led or taken part in: the lead and the participants, each a parent of the assessment. */
    assessmentsOfEntity: batchedPages(scope.db, {
      query: () => {
        const query = assessmentQuery(scope);
        const participants = query
          .subQuery()
          .select('p.assessmentId', 'assessment_id')
          .addSelect('p.entityAcronym', 'acronym')
          .from(AssessmentParticipant, 'p')
          .getQuery();
        return query.innerJoin(
          `(${participants} UNION SELECT lead.id, lead.lead_entity_acronym FROM "${scope.db.driver.schema}".assessment lead)`,
          'parent',
          'parent.assessment_id = a.id',
        );
      },
      parent: 'parent.acronym',
      order: ASSESSMENT_ORDER,
    }),
  };
}
