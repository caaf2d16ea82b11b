import { auditLogResolver } from '../../shared/src/audit';
import { buildFederatedSchema } from '../../shared/src/federation';
import { AddressedResolver } from './resolvers/addressed.resolver';
import { AssessmentMutations } from './resolvers/assessment.mutations';
import { AssessmentResolver, assessmentReference } from './resolvers/assessment.resolver';
import { AssessmentCoverageResolver, CoverageResolver } from './resolvers/coverage.resolver';
import { EntityAssessmentsResolver, entityReference } from './resolvers/entity.resolver';
import {
  MemberStateAssessmentsResolver,
  memberStateReference,
} from './resolvers/member-state.resolver';
import { OverviewResolver } from './resolvers/overview.resolver';
import { RecommendationMutations } from './resolvers/recommendation.mutations';
import {
  RecommendationResolver,
  recommendationReference,
} from './resolvers/recommendation.resolver';
import { ResolutionResolver, resolutionReference } from './resolvers/resolution.resolver';
import { ThematicAreaResolver, thematicAreaReference } from './resolvers/thematic-area.resolver';

export function buildAssessmentsSchema() {
  return buildFederatedSchema({
    resolvers: [
      auditLogResolver('assessments'),
      AssessmentResolver,
      AssessmentCoverageResolver,
      CoverageResolver,
      RecommendationResolver,
      ThematicAreaResolver,
      ResolutionResolver,
      MemberStateAssessmentsResolver,
      EntityAssessmentsResolver,
      AssessmentMutations,
      RecommendationMutations,
      AddressedResolver,
      OverviewResolver,
    ],
    referenceResolvers: {
      ...assessmentReference,
      ...recommendationReference,
      ...thematicAreaReference,
      ...resolutionReference,
      ...memberStateReference,
      ...entityReference,
    },
  });
}
