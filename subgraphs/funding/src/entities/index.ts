import { AuditLogRow } from '../../../shared/src/audit';
import { Appeal } from './appeal.entity';
import { Contribution } from './contribution.entity';
import { Donor } from './donor.entity';
import { Evaluation } from './evaluation.entity';
import { Indicator } from './indicator.entity';
import { Measurement } from './measurement.entity';
import {
  ProjectAssessment,
  ProjectBeneficiary,
  ProjectPartner,
  ProjectRecommendation,
  ProjectThematicArea,
} from './project-link.entity';
import { Project } from './project.entity';
import { Programme } from './programme.entity';

/** Every table the funding subgraph owns. */
export const fundingEntities = [
  AuditLogRow,
  Programme,
  Appeal,
  Donor,
  Project,
  ProjectPartner,
  ProjectBeneficiary,
  ProjectThematicArea,
  ProjectRecommendation,
  ProjectAssessment,
  Contribution,
  Indicator,
  Measurement,
  Evaluation,
];
