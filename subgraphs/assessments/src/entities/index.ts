import { AuditLogRow } from '../../../shared/src/audit';
import {
  AssessmentParticipant,
  AssessmentResolution,
  AssessmentThematicArea,
  RecommendationAddressed,
} from './assessment-link.entity';
import { Assessment } from './assessment.entity';
import { Recommendation } from './recommendation.entity';
import { Resolution } from './resolution.entity';
import { ThematicArea } from './thematic-area.entity';

/** Every table the assessments subgraph owns. */
export const assessmentsEntities = [
  AuditLogRow,
  ThematicArea,
  Resolution,
  Assessment,
  AssessmentParticipant,
  AssessmentResolution,
  AssessmentThematicArea,
  Recommendation,
  RecommendationAddressed,
];
