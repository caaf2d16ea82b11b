import type { Client } from 'pg';
import type {
  AppealRow,
  AssessmentRow,
  ContributionRow,
  Dataset,
  DonorRow,
  EntityRow,
  MemberStateRow,
  ProgrammeRow,
  ProjectRow,
  RecommendationRow,
  ThematicAreaRow,
} from '../../subgraphs/shared/src/dataset/rows';

/**
 * The model the write fuzzer holds the graph to: the rows its writes produced, read with SQL
 * straight from each subgraph's schema, shaped as the seed's `Dataset` so that the helpers that
 * compute the seed's expected figures compute the model's.
 */

type Deletable<T> = T & { deleted: boolean };

/** Every row a figure depends on, soft-deleted ones marked rather than left out. */
export interface Tables {
  entities: EntityRow[];
  memberStates: MemberStateRow[];
  thematicAreas: ThematicAreaRow[];
  assessments: AssessmentRow[];
  recommendations: Deletable<RecommendationRow>[];
  programmes: ProgrammeRow[];
  appeals: AppealRow[];
  donors: DonorRow[];
  projects: Deletable<ProjectRow>[];
  contributions: Deletable<ContributionRow>[];
}

export interface Model {
  /** What the graph should show: live rows only. */
  data: Dataset;
  /** Deleted projects, which restoreProject may bring back. */
  deletedProjects: { id: string; leadEntityAcronym: string }[];
  /** Rules the rows themselves break, whatever the figures say. */
  broken: string[];
}

const PROVENANCE = 'provenance, source, notes';
const ids = (table: string, column: string, key: string, order = column) =>
  `COALESCE((SELECT array_agg(${column}::text ORDER BY ${order}) FROM ${table} l WHERE l.${key}), '{}')`;

const SQL: Record<keyof Tables, string> = {
  entities: `SELECT id, acronym, name, kind, joined_on::text AS "joinedOn",
    signed_compact_on::text AS "signedCompactOn", is_observer AS "isObserver", website, ${PROVENANCE}
    FROM membership.entity`,
  memberStates: `SELECT iso3, name, official_name AS "officialName", region, subregion
    FROM membership.member_state ORDER BY iso3`,
  thematicAreas: `SELECT code, name, ${PROVENANCE} FROM assessments.thematic_area`,
  assessments: `SELECT id, member_state_iso3 AS "memberStateIso3", type, format,
    started_on::text AS "startedOn", ended_on::text AS "endedOn", status, confidentiality,
    lead_entity_acronym AS "leadEntityAcronym",
    ${ids('assessments.assessment_participant', 'entity_acronym', 'assessment_id = a.id')} AS "participatingEntityAcronyms",
    ${ids('assessments.assessment_resolution', 'resolution_symbol', 'assessment_id = a.id')} AS "resolutionSymbols",
    ${ids('assessments.assessment_thematic_area', 'thematic_area_code', 'assessment_id = a.id')} AS "thematicAreaCodes",
    ${PROVENANCE} FROM assessments.assessment a`,
  recommendations: `SELECT id, assessment_id AS "assessmentId", number,
    thematic_area_code AS "thematicAreaCode", text, priority,
    technical_assistance_needed AS "technicalAssistanceNeeded", status,
    deleted_at IS NOT NULL AS deleted, ${PROVENANCE} FROM assessments.recommendation`,
  programmes: `SELECT id, name, short_name AS "shortName", lead_entity_acronym AS "leadEntityAcronym",
    launched_on::text AS "launchedOn", ${PROVENANCE} FROM funding.programme`,
  appeals: `SELECT id, title, period_start AS "periodStart", period_end AS "periodEnd",
    requested::text AS requested, ${PROVENANCE} FROM funding.appeal`,
  donors: `SELECT id, name, kind, member_state_iso3 AS "memberStateIso3", ${PROVENANCE}
    FROM funding.donor`,
  projects: `SELECT id, code, title, summary, status, lead_entity_acronym AS "leadEntityAcronym",
    ${ids('funding.project_partner', 'entity_acronym', 'project_id = p.id')} AS "partnerEntityAcronyms",
    ${ids('funding.project_beneficiary', 'member_state_iso3', 'project_id = p.id')} AS "beneficiaryStateIso3s",
    ${ids('funding.project_thematic_area', 'thematic_area_code', 'project_id = p.id')} AS "thematicAreaCodes",
    ${ids('funding.project_recommendation', 'recommendation_id', 'project_id = p.id')} AS "recommendationIds",
    ${ids('funding.project_assessment', 'assessment_id', 'project_id = p.id')} AS "assessmentIds",
    programme_id AS "programmeId", appeal_id AS "appealId", starts_on::text AS "startsOn",
    ends_on::text AS "endsOn", budget::text AS budget, currency,
    deleted_at IS NOT NULL AS deleted, ${PROVENANCE} FROM funding.project p`,
  contributions: `SELECT id, donor_id AS "donorId", project_id AS "projectId",
    programme_id AS "programmeId", amount::text AS amount, currency, status,
    pledged_on::text AS "pledgedOn", received_on::text AS "receivedOn", earmarked,
    deleted_at IS NOT NULL AS deleted, ${PROVENANCE} FROM funding.contribution`,
};

/**
 * Reads every table in one snapshot. Nothing writes while the fuzzer checks, but a write the
 * gateway gave up on may still be committing: a snapshot keeps the model of one moment.
 */
export async function readTables(client: Client): Promise<Tables> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const tables: Partial<Record<keyof Tables, unknown[]>> = {};
    for (const [name, sql] of Object.entries(SQL)) {
      tables[name as keyof Tables] = (await client.query(sql)).rows;
    }
    return tables as unknown as Tables;
  } finally {
    await client.query('COMMIT');
  }
}

/** The rows as the graph should show them, and the rules the rows break. */
export function modelOf(tables: Tables): Model {
  const live = <T extends { deleted: boolean }>(rows: T[]) =>
    rows.filter((row) => !row.deleted).map(({ deleted: _, ...row }) => row);
  const recommendations = live(tables.recommendations);
  const liveRecommendation = new Set(recommendations.map((r) => r.id));
  const everRecommendation = new Set(tables.recommendations.map((r) => r.id));
  const everAssessment = new Set(tables.assessments.map((a) => a.id));
  const deletedProject = new Map(tables.projects.filter((p) => p.deleted).map((p) => [p.id, p]));
  const broken: string[] = [];
  for (const p of tables.projects) {
    for (const id of p.recommendationIds.filter((id) => !everRecommendation.has(id)))
      broken.push(`project ${p.code} links recommendation ${id}, which never existed`);
    for (const id of p.assessmentIds.filter((id) => !everAssessment.has(id)))
      broken.push(`project ${p.code} links assessment ${id}, which never existed`);
  }
  const contributions = live(tables.contributions);
  for (const c of contributions.filter((c) => c.projectId && deletedProject.has(c.projectId))) {
    const project = deletedProject.get(c.projectId!)!;
    broken.push(`contribution ${c.id} (${c.amount}) is live, to project ${project.code}, deleted`);
  }
  return {
    data: {
      membership: {
        entities: tables.entities,
        workingGroups: [],
        workingGroupMemberships: [],
        memberStates: tables.memberStates,
        committeeSeats: [],
      },
      assessments: {
        thematicAreas: tables.thematicAreas,
        resolutions: [],
        assessments: tables.assessments,
        recommendations,
      },
      funding: {
        programmes: tables.programmes,
        appeals: tables.appeals,
        donors: tables.donors,
        // A link to a deleted recommendation stays in funding (it cannot know), and counts
        // nowhere: the recommendation has left every list.
        projects: live(tables.projects).map((p) => ({
          ...p,
          recommendationIds: p.recommendationIds.filter((id) => liveRecommendation.has(id)),
        })),
        // A contribution to a deleted project (a broken rule, above) stays in its donor's total.
        contributions,
      },
    },
    deletedProjects: [...deletedProject.values()].map(({ id, leadEntityAcronym }) => ({
      id,
      leadEntityAcronym,
    })),
    broken,
  };
}
