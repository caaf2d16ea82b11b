import type { DataSource } from 'typeorm';
import type { Dataset } from '../../../shared/src/dataset/rows';
import { insertMissing, withProvenance } from '../../../shared/src/seeding';
import { ProjectStatus } from '../../../shared/src/vocabulary';
import {
  AssessmentParticipant,
  AssessmentResolution,
  AssessmentThematicArea,
} from '../entities/assessment-link.entity';
import { Assessment } from '../entities/assessment.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { Resolution } from '../entities/resolution.entity';
import { ThematicArea } from '../entities/thematic-area.entity';

export async function seedAssessments(
  db: DataSource,
  { assessments: data, funding }: Dataset,
): Promise<void> {
  const stateOf = new Map(data.assessments.map((a) => [a.id, a.memberStateIso3]));
  await db.transaction(async (tx) => {
    await insertMissing(tx, ThematicArea, data.thematicAreas.map(withProvenance));
    await insertMissing(tx, Resolution, data.resolutions.map(withProvenance));
    await insertMissing(
      tx,
      Assessment,
      data.assessments.map(
        ({ participatingEntityAcronyms, resolutionSymbols, thematicAreaCodes, ...row }) =>
          withProvenance(row),
      ),
    );
    await insertMissing(
      tx,
      AssessmentParticipant,
      data.assessments.flatMap((a) =>
        a.participatingEntityAcronyms.map((entityAcronym) => ({
          assessmentId: a.id,
          entityAcronym,
        })),
      ),
    );
    await insertMissing(
      tx,
      AssessmentResolution,
      data.assessments.flatMap((a) =>
        a.resolutionSymbols.map((resolutionSymbol) => ({ assessmentId: a.id, resolutionSymbol })),
      ),
    );
    await insertMissing(
      tx,
      AssessmentThematicArea,
      data.assessments.flatMap((a) =>
        a.thematicAreaCodes.map((thematicAreaCode) => ({ assessmentId: a.id, thematicAreaCode })),
      ),
    );
    await insertMissing(
      tx,
      Recommendation,
      data.recommendations.map((row) =>
        withProvenance({ ...row, memberStateIso3: stateOf.get(row.assessmentId)! }),
      ),
    );
    // What funding's outbox will deliver for the sample projects, so that coverage is counted
    // from the first request; the delivery then changes nothing (its changes are the same).
    const addressed = new Set(
      funding.projects
        .filter((p) => p.status !== ProjectStatus.CANCELLED)
        .flatMap((p) => p.recommendationIds),
    );
    await tx.query(
      `INSERT INTO "${tx.connection.driver.schema}".recommendation_addressed (recommendation_id, addressed, seq)
       SELECT id, true, 0 FROM unnest($1::uuid[]) AS r(id) ON CONFLICT DO NOTHING`,
      [[...addressed]],
    );
  });
}
