import type {
  AssessmentFormat,
  AssessmentStatus,
  AssessmentType,
  CommitteeRole,
  Confidentiality,
  ContributionStatus,
  DonorKind,
  EntityKind,
  Priority,
  ProjectStatus,
  ProvenanceKind,
  RecommendationStatus,
  Region,
  WorkingGroupRole,
} from '../vocabulary';

/**
 * The rows of one consistent data set for the whole graph. Each subgraph seeds its own part;
 * rows refer across subgraphs only by key (entity acronym, ISO3 code, id), as the subgraphs do.
 * Dates are ISO `YYYY-MM-DD` strings; money is a decimal string.
 */

/** Where a row comes from: every row says whether it is sourced, inferred or sample data. */
export interface ProvenanceRow {
  provenance: ProvenanceKind;
  /** Public source the fact was read in; null for sample data. */
  source: string | null;
  notes: string | null;
}

// membership

export interface EntityRow extends ProvenanceRow {
  id: string;
  acronym: string;
  name: string;
  kind: EntityKind;
  joinedOn: string | null;
  signedCompactOn: string | null;
  isObserver: boolean;
  website: string | null;
}

export interface WorkingGroupRow extends ProvenanceRow {
  id: string;
  name: string;
  /** Short name, such as "RMME". */
  shortName: string | null;
  mandate: string;
}

export interface WorkingGroupMembershipRow extends ProvenanceRow {
  workingGroupId: string;
  entityId: string;
  role: WorkingGroupRole;
  since: string | null;
}

export interface MemberStateRow {
  iso3: string;
  name: string;
  officialName: string;
  region: Region;
  subregion: string;
}

export interface CommitteeSeatRow extends ProvenanceRow {
  entityId: string;
  role: CommitteeRole;
}

// assessments

export interface ThematicAreaRow extends ProvenanceRow {
  code: string;
  name: string;
}

export interface ResolutionRow extends ProvenanceRow {
  /** Document symbol, such as "S/RES/2395(2017)" or "A/RES/60/288". */
  symbol: string;
  number: string;
  year: number;
  body: string;
  subject: string;
}

export interface AssessmentRow extends ProvenanceRow {
  id: string;
  memberStateIso3: string;
  type: AssessmentType;
  format: AssessmentFormat;
  startedOn: string;
  endedOn: string | null;
  status: AssessmentStatus;
  confidentiality: Confidentiality;
  leadEntityAcronym: string;
  participatingEntityAcronyms: string[];
  resolutionSymbols: string[];
  thematicAreaCodes: string[];
}

export interface RecommendationRow extends ProvenanceRow {
  id: string;
  assessmentId: string;
  /** Position within its assessment, from 1. */
  number: number;
  thematicAreaCode: string;
  text: string;
  priority: Priority;
  technicalAssistanceNeeded: boolean;
  status: RecommendationStatus;
}

// funding

export interface ProgrammeRow extends ProvenanceRow {
  id: string;
  name: string;
  shortName: string | null;
  leadEntityAcronym: string;
  launchedOn: string | null;
}

export interface AppealRow extends ProvenanceRow {
  id: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  requested: string;
}

export interface DonorRow extends ProvenanceRow {
  id: string;
  name: string;
  kind: DonorKind;
  memberStateIso3: string | null;
}

export interface ProjectRow extends ProvenanceRow {
  id: string;
  code: string;
  title: string;
  summary: string;
  status: ProjectStatus;
  leadEntityAcronym: string;
  partnerEntityAcronyms: string[];
  beneficiaryStateIso3s: string[];
  thematicAreaCodes: string[];
  programmeId: string | null;
  appealId: string | null;
  startsOn: string;
  endsOn: string | null;
  budget: string;
  currency: string;
  /** Recommendations the project addresses (0–5). */
  recommendationIds: string[];
  /** Assessments the project uses (0–3). */
  assessmentIds: string[];
}

export interface ContributionRow extends ProvenanceRow {
  id: string;
  donorId: string;
  projectId: string | null;
  programmeId: string | null;
  amount: string;
  currency: string;
  status: ContributionStatus;
  pledgedOn: string;
  receivedOn: string | null;
  earmarked: boolean;
}

export interface MembershipData {
  entities: EntityRow[];
  workingGroups: WorkingGroupRow[];
  workingGroupMemberships: WorkingGroupMembershipRow[];
  memberStates: MemberStateRow[];
  committeeSeats: CommitteeSeatRow[];
}

export interface AssessmentsData {
  thematicAreas: ThematicAreaRow[];
  resolutions: ResolutionRow[];
  assessments: AssessmentRow[];
  recommendations: RecommendationRow[];
}

export interface FundingData {
  programmes: ProgrammeRow[];
  appeals: AppealRow[];
  donors: DonorRow[];
  projects: ProjectRow[];
  contributions: ContributionRow[];
}

export interface Dataset {
  membership: MembershipData;
  assessments: AssessmentsData;
  funding: FundingData;
}
