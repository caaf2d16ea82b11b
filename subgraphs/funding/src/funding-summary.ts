import type { DataSource } from 'typeorm';
import { readQuery } from '../../shared/src/read-query';
import type { StateInfo } from '../../shared/src/peer-reference';
import { projectQuery } from './queries';
import type { ProjectFilter } from './resolvers/inputs/project-filter.input';

export enum FundingGroupBy {
  REGION = 'REGION',
  MEMBER_STATE = 'MEMBER_STATE',
  THEMATIC_AREA = 'THEMATIC_AREA',
  LEAD_ENTITY = 'LEAD_ENTITY',
  DONOR = 'DONOR',
  APPEAL = 'APPEAL',
}

/** One group's sums, exact, as PostgreSQL's numeric text. */
export interface FundingSums {
  key: string;
  projects: number;
  budget: string;
  funded: string;
  gap: string;
}

/**
 * Which groups each project is in, as `(id, key, share)`: `share` is what counts as funded for
 * the group when it is not all the project's funding (a donor's own contributions).
 */
function pairs(s: string, groupBy: FundingGroupBy, next: number): string {
  switch (groupBy) {
    case FundingGroupBy.MEMBER_STATE:
      return `SELECT project_id AS id, member_state_iso3::text AS key, NULL::numeric AS share FROM ${s}.project_beneficiary`;
    case FundingGroupBy.REGION:
      // Once per project and region, however many of the region's states it benefits.
      return `SELECT DISTINCT b.project_id AS id, sr.region AS key, NULL::numeric AS share
                FROM ${s}.project_beneficiary b
                JOIN unnest($${next}::text[], $${next + 1}::text[]) AS sr(iso3, region)
                  ON sr.iso3 = b.member_state_iso3`;
    case FundingGroupBy.THEMATIC_AREA:
      return `SELECT project_id AS id, thematic_area_code::text AS key, NULL::numeric AS share FROM ${s}.project_thematic_area`;
    case FundingGroupBy.LEAD_ENTITY:
      return `SELECT id, lead_entity_acronym::text AS key, NULL::numeric AS share FROM ${s}.project`;
    case FundingGroupBy.APPEAL:
      return `SELECT id, appeal_id::text AS key, NULL::numeric AS share FROM ${s}.project WHERE appeal_id IS NOT NULL`;
    case FundingGroupBy.DONOR:
      return `SELECT project_id AS id, donor_id::text AS key, SUM(amount) AS share
                FROM ${s}.contribution
               WHERE deleted_at IS NULL AND project_id IS NOT NULL
               GROUP BY project_id, donor_id`;
  }
}

/**
 * The projects that match `filter`, summed per group in one statement: how many, their budgets,
 * what donors pledged or paid to them (a donor's group: that donor's contributions) and the sum
 * of each project's gap (its budget less its funding, never below zero). A project in several
 * groups (it benefits several states) counts in each.
 */
export async function fundingSums(
  db: DataSource,
  groupBy: FundingGroupBy,
  filter: ProjectFilter | null | undefined,
  states: readonly StateInfo[],
): Promise<FundingSums[]> {
  const s = `"${db.driver.schema}"`;
  const [projects, params] = projectQuery({ db }, filter)
    .select('p.id', 'id')
    .addSelect('p.budget', 'budget')
    .getQueryAndParameters();
  const regionParams =
    groupBy === FundingGroupBy.REGION
      ? [states.map((state) => state.iso3), states.map((state) => state.region)]
      : [];
  const rows: FundingSums[] = await readQuery(
    db,
    `WITH p AS (${projects}),
          funded AS (
            SELECT c.project_id AS id, SUM(c.amount) AS amount
              FROM ${s}.contribution c
             WHERE c.deleted_at IS NULL AND c.project_id IN (SELECT id FROM p)
             GROUP BY c.project_id),
          g AS (${pairs(s, groupBy, params.length + 1)})
     SELECT g.key,
            COUNT(*)::int AS projects,
            SUM(p.budget)::text AS budget,
            SUM(COALESCE(g.share, f.amount, 0))::text AS funded,
            SUM(GREATEST(p.budget - COALESCE(f.amount, 0), 0))::text AS gap
       FROM p JOIN g ON g.id = p.id LEFT JOIN funded f ON f.id = p.id
      GROUP BY g.key
      ORDER BY g.key`,
    [...params, ...regionParams],
  );
  return rows.map((row) => ({ ...row, projects: Number(row.projects) }));
}
