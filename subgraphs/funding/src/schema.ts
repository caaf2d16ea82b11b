import { auditLogResolver } from '../../shared/src/audit';
import { buildFederatedSchema } from '../../shared/src/federation';
import { AppealResolver, appealReference } from './resolvers/appeal.resolver';
import { AssessmentFundingResolver, assessmentReference } from './resolvers/assessment.resolver';
import { ContributionMutations } from './resolvers/contribution.mutations';
import { ContributionResolver, contributionReference } from './resolvers/contribution.resolver';
import { DonorResolver, donorReference } from './resolvers/donor.resolver';
import { EntityFundingResolver, entityReference } from './resolvers/entity.resolver';
import { EvaluationMutations } from './resolvers/evaluation.mutations';
import { EvaluationResolver } from './resolvers/evaluation.resolver';
import { FundingSummaryResolver } from './resolvers/funding-summary.resolver';
import { IndicatorMutations } from './resolvers/indicator.mutations';
import { IndicatorResolver, MeasurementResolver } from './resolvers/indicator.resolver';
import {
  MemberStateFundingResolver,
  memberStateReference,
} from './resolvers/member-state.resolver';
import { ProgrammeResolver, programmeReference } from './resolvers/programme.resolver';
import { ProjectLinkMutations } from './resolvers/project-links.mutations';
import { ProjectMutations } from './resolvers/project.mutations';
import { ProjectResolver, projectReference } from './resolvers/project.resolver';
import { ReconcileResolver } from './resolvers/reconcile.resolver';
import {
  RecommendationFundingResolver,
  recommendationReference,
} from './resolvers/recommendation.resolver';
import {
  ThematicAreaFundingResolver,
  thematicAreaReference,
} from './resolvers/thematic-area.resolver';

export function buildFundingSchema() {
  return buildFederatedSchema({
    resolvers: [
      FundingSummaryResolver,
      ReconcileResolver,
      auditLogResolver('funding'),
      ProjectResolver,
      ProgrammeResolver,
      AppealResolver,
      DonorResolver,
      ContributionResolver,
      EntityFundingResolver,
      MemberStateFundingResolver,
      AssessmentFundingResolver,
      RecommendationFundingResolver,
      ThematicAreaFundingResolver,
      IndicatorResolver,
      MeasurementResolver,
      EvaluationResolver,
      ProjectMutations,
      ProjectLinkMutations,
      ContributionMutations,
      IndicatorMutations,
      EvaluationMutations,
    ],
    referenceResolvers: {
      ...projectReference,
      ...programmeReference,
      ...appealReference,
      ...donorReference,
      ...contributionReference,
      ...entityReference,
      ...memberStateReference,
      ...assessmentReference,
      ...recommendationReference,
      ...thematicAreaReference,
    },
  });
}
