import { Client } from 'pg';

/** One recommendation as the rows say it is, and as assessments' copy has it. */
export interface RecommendationFacts {
  id: string;
  assessmentId: string;
  iso3: string;
  /** Null when membership has no such state. */
  region: string | null;
  area: string;
  priority: string;
  /** Live projects that link it, from funding's rows: it is addressed iff there is one. */
  live: string[];
  /** What `assessments.recommendation_addressed` says; no row means unaddressed. */
  copy: boolean;
}

export interface Facts {
  recommendations: RecommendationFacts[];
  /** Every assessment of the pool's states (those without recommendations too). */
  assessments: { id: string; iso3: string }[];
}

export interface Counts {
  recommendations: number;
  addressed: number;
  unaddressed: number;
}

/**
 * Every recommendation (an admin reads all), with the truth from funding's rows and the copy
 * from assessments', in one statement so that both are of one moment.
 */
export async function readFacts(databaseUrl: string, states: string[]): Promise<Facts> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<RecommendationFacts>(
      `SELECT r.id::text AS id, r.assessment_id::text AS "assessmentId",
              trim(r.member_state_iso3) AS iso3, m.region, r.thematic_area_code AS area, r.priority,
              coalesce((SELECT ra.addressed FROM assessments.recommendation_addressed ra
                         WHERE ra.recommendation_id = r.id), false) AS copy,
              array(SELECT p.id::text
                      FROM funding.project_recommendation l
                      JOIN funding.project p ON p.id = l.project_id
                     WHERE l.recommendation_id = r.id
                       AND p.status <> 'CANCELLED' AND p.deleted_at IS NULL
                     ORDER BY p.id) AS live
         FROM assessments.recommendation r
         JOIN assessments.assessment a ON a.id = r.assessment_id
         LEFT JOIN membership.member_state m ON m.iso3 = r.member_state_iso3
        WHERE r.deleted_at IS NULL
        ORDER BY r.id`,
    );
    const assessments = await client.query<{ id: string; iso3: string }>(
      `SELECT id::text AS id, trim(member_state_iso3) AS iso3 FROM assessments.assessment
        WHERE member_state_iso3 = ANY($1::char(3)[]) ORDER BY id`,
      [states],
    );
    return { recommendations: rows, assessments: assessments.rows };
  } finally {
    await client.end();
  }
}

export const isAddressed = (r: RecommendationFacts) => r.live.length > 0;

/** How many recommendations, and how many addressed, per key: the truth, from the rows. */
export function countBy(
  recommendations: RecommendationFacts[],
  key: (r: RecommendationFacts) => string | null,
): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  for (const r of recommendations) {
    const k = key(r);
    if (k === null) continue;
    const c = counts.get(k) ?? { recommendations: 0, addressed: 0, unaddressed: 0 };
    c.recommendations += 1;
    if (isAddressed(r)) c.addressed += 1;
    else c.unaddressed += 1;
    counts.set(k, c);
  }
  return counts;
}

/** The recommendations whose copy differs from the truth, one line each. */
export function wrongCopies(facts: Facts): string[] {
  const word = (addressed: boolean) => (addressed ? 'addressed' : 'unaddressed');
  return facts.recommendations
    .filter((r) => r.copy !== isAddressed(r))
    .map(
      (r) =>
        `recommendation ${r.id} (${r.iso3}): copy says ${word(r.copy)}, truth says ${word(isAddressed(r))} (live projects: ${r.live.join(', ') || 'none'})`,
    );
}
